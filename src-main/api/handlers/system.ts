import { eq, sql } from 'drizzle-orm';
import type { systemProcedures } from '../../../src-shared/contract/system.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { readSetting } from '../../core/settings.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { stations } from '../../db/records/schema.ts';
import type { Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

export function systemHandlers(office: BoxOffice): Pick<Handlers, keyof typeof systemProcedures> {
  return {
    getStationInfo: (_input, ctx) => {
      const performances = office.records.get<{ n: number }>(sql`select count(*) as n from performances`);
      // In host mode each browser window is its own station; it must see its own id and name.
      const stationId = stationOf(office, ctx);
      const station = office.records.select({ name: stations.name }).from(stations).where(eq(stations.id, stationId)).get();
      return {
        stationId,
        stationName: station?.name ?? office.identity.name,
        mode: office.mode,
        version: office.version,
        venueName: readSetting<string | null>(office.records, 'venue.name', null),
        currency: readSetting(office.records, 'currency', 'GBP'),
        isEmpty: performances.n === 0,
      };
    },
    loadDemo: () => {
      const result = loadDemo(office.records, { now: office.clock.now(), assetsDir: office.assetsDir });
      office.bus.emit('performancesChanged', { reason: 'demo loaded' });
      return result;
    },
  };
}
