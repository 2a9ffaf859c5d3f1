import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { EmptyInput, IdSchema, InstantSchema } from './common.ts';

/**
 * Training mode (docs/backups.md, "Training mode"): a manager puts one window, or every window of
 * the host, on a separate training box office copied from the live catalogue. Which windows train
 * is kept by the host in the live station data and decided there for every call; a window only
 * asks whether it is training, to show the band.
 */

export const TrainingSetupSchema = z.object({
  /** Every window of this host trains. */
  wholeHost: z.boolean(),
  /** The windows (stations) that train, with their names. */
  windows: z.array(z.object({ stationId: IdSchema, name: z.string() })),
  /** When the training records were last copied from the live catalogue; null before the first use. */
  copiedAt: InstantSchema.nullable(),
  /** Whether the window asking is one of them. */
  thisWindow: z.boolean(),
});

export const trainingProcedures = {
  getTrainingState: defineProcedure({
    channel: 'bo:training:state',
    access: 'public',
    summary: 'Whether this window is in training mode (its calls go to the training box office), for the TRAINING band.',
    input: EmptyInput,
    output: z.object({ training: z.boolean() }),
  }),
  getTrainingSetup: defineProcedure({
    channel: 'bo:training:setup',
    access: 'manager',
    summary: 'Which windows train, and when the training records were copied from the live catalogue.',
    input: EmptyInput,
    output: TrainingSetupSchema,
  }),
  setTraining: defineProcedure({
    channel: 'bo:training:set',
    access: 'manager',
    summary: 'Turn training mode on or off for one window (this one when none is named) or for the whole host.',
    input: z
      .object({
        on: z.boolean(),
        scope: z.enum(['window', 'host']).default('window'),
        /** The window to change; this window when left out. */
        stationId: IdSchema.optional(),
      })
      .strict(),
    output: TrainingSetupSchema,
  }),
  resetTraining: defineProcedure({
    channel: 'bo:training:reset',
    access: 'manager',
    summary: "Throw away everything sold in training and copy the live catalogue again; training windows sign in again.",
    input: EmptyInput,
    output: TrainingSetupSchema,
  }),
};
