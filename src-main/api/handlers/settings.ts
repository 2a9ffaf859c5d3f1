import type { settingsProcedures } from '../../../src-shared/contract/settings.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { holdsDemoData, resetDemo } from '../../admin/demo-reset.ts';
import { requireManager } from '../../admin/gate.ts';
import { readBoxOfficeSettings, updateBoxOfficeSettings } from '../../admin/settings.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

export function settingsHandlers(office: BoxOffice): Pick<Handlers, keyof typeof settingsProcedures> {
  const { records } = office;
  const manager = (ctx: CallContext, what: string) => requireManager({ records, clock: office.clock }, stationOf(office, ctx), what);
  return {
    getSettings: (_input, ctx) => {
      manager(ctx, 'Viewing settings');
      return { settings: readBoxOfficeSettings(records), dataDir: office.dataDir, demoLoaded: holdsDemoData(records) };
    },
    updateSettings: (input, ctx) => updateBoxOfficeSettings(records, manager(ctx, 'Changing settings'), office.clock.now(), input.changes),
    resetDemo: (_input, ctx) => {
      const actor = manager(ctx, 'Resetting the demo');
      const result = resetDemo(records, actor, { now: office.clock.now(), assetsDir: office.assetsDir });
      office.bus.emit('performancesChanged', { reason: 'demo reset' });
      office.bus.emit('staffSessionChanged', { stationId: actor.stationId });
      return result;
    },
  };
}
