import { inArray } from 'drizzle-orm';
import type { trainingProcedures } from '../../../src-shared/contract/training.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { TrainingDesk } from '../../app/training-office.ts';
import { stations } from '../../db/records/schema.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';

type TrainingHandlers = Pick<Handlers, keyof typeof trainingProcedures>;

const NOT_HERE = 'Training mode is run by host mode, which serves training windows from their own box office; this app has none.';

/**
 * Training mode's procedures. The same handlers serve a live window and a training window (a
 * manager turns training off from inside it): they read and write only the host's list of
 * training windows (live station data) and the training office, never the live records.
 * Without a desk (the desktop app, tests over createApi) nobody trains.
 */
export function trainingHandlers(desk: TrainingDesk | null): TrainingHandlers {
  if (!desk) {
    const none = (): never => {
      throw new MarqueeError('FORBIDDEN', NOT_HERE);
    };
    return { getTrainingState: () => ({ training: false }), getTrainingSetup: none, setTraining: none, resetTraining: none };
  }
  const setup = (ctx: CallContext) => {
    const flags = desk.flags();
    const ids = flags.stations;
    // Names from the live list of windows (the training office knows only those copied at its start).
    const named = ids.length === 0 ? [] : desk.live.office.records.select({ id: stations.id, name: stations.name }).from(stations).where(inArray(stations.id, ids)).all();
    const nameOf = new Map(named.map((s) => [s.id, s.name]));
    return {
      wholeHost: flags.wholeHost,
      windows: ids.map((stationId) => ({ stationId, name: nameOf.get(stationId) ?? 'a window no longer known' })),
      copiedAt: desk.copiedAt(),
      thisWindow: desk.trains(ctx.stationId),
    };
  };
  return {
    getTrainingState: (_input, ctx) => ({ training: desk.trains(ctx.stationId) }),
    getTrainingSetup: (_input, ctx) => setup(ctx),
    setTraining: (input, ctx) => {
      if (input.scope === 'host') {
        if (input.stationId) throw new MarqueeError('BAD_INPUT', 'Training for the whole host names no window; leave the window out.');
        if (input.on) desk.running();
        desk.setWholeHost(input.on);
        return setup(ctx);
      }
      const stationId = input.stationId ?? ctx.stationId;
      const known = desk.live.office.records.select({ id: stations.id }).from(stations).where(inArray(stations.id, [stationId])).get();
      if (!known) throw new MarqueeError('NOT_FOUND', 'There is no such window on this host; pick one from the list of windows.');
      // Opened (and its catalogue copied) before the window is switched, so its first training call finds it ready.
      if (input.on) desk.running();
      desk.setWindow(stationId, input.on);
      return setup(ctx);
    },
    resetTraining: async (_input, ctx) => {
      await desk.reset();
      return setup(ctx);
    },
  };
}
