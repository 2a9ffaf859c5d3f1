import type { settingsProcedures } from '../../../src-shared/contract/settings.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { holdsDemoData, resetDemo } from '../../admin/demo-reset.ts';
import { readBoxOfficeSettings } from '../../admin/settings.ts';
import { updateSettings } from '../../app/update-settings.ts';
import type { SessionStore } from '../../staff/sessions.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

export function settingsHandlers(office: BoxOffice, sessions: SessionStore): Pick<Handlers, keyof typeof settingsProcedures> {
  const { records } = office;
  return {
    getSettings: () => {
      return { settings: readBoxOfficeSettings(records), dataDir: office.dataDir, demoLoaded: holdsDemoData(records) };
    },
    updateSettings: (input, ctx) => updateSettings(office, actorOf(ctx), input.changes),
    resetDemo: (_input, ctx) => {
      const { sameMemberId, ...result } = resetDemo(records, actorOf(ctx), { now: office.clock.now(), assetsDir: office.assetsDir });
      // The manager who reset stays signed in at this window, as the same-named demo member.
      ctx.sessionSecret = sameMemberId ? sessions.start(ctx.stationId, sameMemberId) : null;
      office.bus.emit('performancesChanged', { reason: 'demo reset' });
      office.bus.emit('staffSessionChanged', {});
      return result;
    },
  };
}
