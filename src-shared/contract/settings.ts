import { z } from 'zod';
import { screenSettingsShape } from '../settings-registry.ts';
import { defineProcedure } from './define.ts';

/** Derived from the settings registry: every setting the Settings screen shows, by its field name. */
export const BoxOfficeSettingsSchema = z.object(screenSettingsShape);
export type BoxOfficeSettings = z.infer<typeof BoxOfficeSettingsSchema>;

export const settingsProcedures = {
  getSettings: defineProcedure({
    channel: 'bo:settings:get',
    access: 'manager',
    summary: "The installation's settings, the data folder (read-only) and whether it holds the demo. Manager only.",
    input: z.object({}).strict(),
    output: z.object({ settings: BoxOfficeSettingsSchema, dataDir: z.string(), demoLoaded: z.boolean() }),
  }),
  updateSettings: defineProcedure({
    channel: 'bo:settings:update',
    access: 'manager',
    summary: 'Change some settings; each is validated and written in one transaction. Manager only; a setting marked admin in the registry needs an admin.',
    input: z.object({ changes: BoxOfficeSettingsSchema.partial().strict() }).strict(),
    output: BoxOfficeSettingsSchema,
  }),
  resetDemo: defineProcedure({
    channel: 'bo:settings:reset-demo',
    access: 'manager',
    summary: "Wipe every record and reload the demo, in one transaction; refused unless the installation holds demo data. Manager only.",
    input: z.object({ confirm: z.literal('RESET DEMO') }).strict(),
    output: z.object({ performances: z.number().int(), seats: z.number().int() }),
  }),
};
