import { sql } from 'drizzle-orm';
import type { systemProcedures } from '../../../src-shared/contract/system.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { readSetting } from '../../core/settings.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import type { Handlers } from '../dispatcher.ts';

export function systemHandlers(office: BoxOffice): Pick<Handlers, keyof typeof systemProcedures> {
  return {
    getStationInfo: () => {
      const performances = office.records.get<{ n: number }>(sql`select count(*) as n from performances`);
      return {
        stationId: office.identity.id,
        stationName: office.identity.name,
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
