import { z } from 'zod';
import { defineProcedure } from './define.ts';

export const BoxOfficeSettingsSchema = z.object({
  venueName: z.string(),
  venueAddress: z.string(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
  timeZone: z.string(),
  defaultTaxRateBp: z.number().int().min(0).max(10_000),
  defaultTaxIncluded: z.boolean(),
  invoiceFooter: z.string(),
  holdMinutes: z.number().int().min(1).max(120),
  reservationDeadlineHours: z.number().int().min(0).max(24 * 14),
  /** The shortest PIN accepted when one is given or reset; PINs already set keep working. */
  minPinLength: z.number().int().min(4, 'a PIN is at least 4 digits').max(8, 'a PIN is at most 8 digits'),
  /** A window signed in but unused this long ends its session by itself (setting staff.sessionIdleMinutes). */
  sessionIdleMinutes: z
    .number()
    .int('the idle time-out is a whole number of minutes')
    .min(5, 'the idle time-out is at least 5 minutes')
    .max(480, 'the idle time-out is at most 480 minutes (8 hours)'),
});
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
    summary: 'Change some settings; each is validated and written in one transaction. Manager only.',
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
