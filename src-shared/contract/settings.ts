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
});
export type BoxOfficeSettings = z.infer<typeof BoxOfficeSettingsSchema>;

export const settingsProcedures = {
  getSettings: defineProcedure({
    channel: 'bo:settings:get',
    summary: "The installation's settings, the data folder (read-only) and whether it holds the demo. Manager only.",
    input: z.object({}).strict(),
    output: z.object({ settings: BoxOfficeSettingsSchema, dataDir: z.string(), demoLoaded: z.boolean() }),
  }),
  updateSettings: defineProcedure({
    channel: 'bo:settings:update',
    summary: 'Change some settings; each is validated and written in one transaction. Manager only.',
    input: z.object({ changes: BoxOfficeSettingsSchema.partial().strict() }).strict(),
    output: BoxOfficeSettingsSchema,
  }),
  resetDemo: defineProcedure({
    channel: 'bo:settings:reset-demo',
    summary: "Wipe every record and reload the demo, in one transaction; refused unless the installation holds demo data. Manager only.",
    input: z.object({ confirm: z.literal('RESET DEMO') }).strict(),
    output: z.object({ performances: z.number().int(), seats: z.number().int() }),
  }),
};
