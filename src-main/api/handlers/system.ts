import { eq } from 'drizzle-orm';
import type { systemProcedures } from '../../../src-shared/contract/system.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { readSetting } from '../../core/settings.ts';
import { isFreshInstallation, loadDemoAsync } from '../../demo/load-demo.ts';
import { stations } from '../../db/records/schema.ts';
import type { Handlers } from '../dispatcher.ts';

export function systemHandlers(office: BoxOffice): Pick<Handlers, keyof typeof systemProcedures> {
  return {
    getStationInfo: (_input, ctx) => {
      // In host mode each browser window is its own station; it sees its own name (its id is no business of the screen's).
      const station = office.records.select({ name: stations.name }).from(stations).where(eq(stations.id, ctx.stationId)).get();
      return {
        stationName: station?.name ?? office.identity.name,
        mode: office.mode,
        version: office.version,
        venueName: readSetting(office.records, 'venue.name') || null,
        currency: readSetting(office.records, 'currency'),
        // The screens show and read every time on the venue's wall clock, in its locale, as tickets print them.
        timeZone: readSetting(office.records, 'venue.timeZone'),
        locale: readSetting(office.records, 'venue.locale'),
        isEmpty: isFreshInstallation(office.records),
      };
    },
    loadDemo: async () => {
      const result = await loadDemoAsync(office.records, { now: office.clock.now(), assetsDir: office.assetsDir });
      office.bus.emit('performancesChanged', { reason: 'demo loaded' });
      return result;
    },
  };
}
