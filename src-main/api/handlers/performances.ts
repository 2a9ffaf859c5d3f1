import type { performanceProcedures } from '../../../src-shared/contract/performances.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { listPerformances, startOfLocalDay } from '../../catalog/performance-list.ts';
import { getSeatMap } from '../../catalog/seat-map.ts';
import type { Handlers } from '../dispatcher.ts';

const DAY_MS = 86_400_000;

export function performanceHandlers(office: BoxOffice): Pick<Handlers, keyof typeof performanceProcedures> {
  return {
    listPerformances: (input) => {
      const now = office.clock.now();
      const from = input.from ?? startOfLocalDay(now);
      return listPerformances(office.records, { from, until: from + input.days * DAY_MS, search: input.search, now });
    },
    getSeatMap: (input, ctx) => getSeatMap(office.records, input.performanceId, office.clock.now(), ctx.stationId),
  };
}
