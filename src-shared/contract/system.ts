import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { EmptyInput } from './common.ts';

export const StationInfoSchema = z.object({
  stationName: z.string(),
  mode: z.enum(['desktop', 'host']),
  version: z.string(),
  venueName: z.string().nullable(),
  currency: z.string(),
  /** The venue's IANA time zone: screens show and read times on its wall clock, as tickets print them. */
  timeZone: z.string(),
  /** The venue's locale: how screens write dates, numbers and money, and the pattern of date fields. */
  locale: z.string(),
  /** True for a new installation (no staff, venues or performances): the first screen offers the demo. */
  isEmpty: z.boolean(),
});
export type StationInfo = z.infer<typeof StationInfoSchema>;

export const systemProcedures = {
  getStationInfo: defineProcedure({
    channel: 'bo:system:station-info',
    access: 'public',
    summary: 'Who and where this station is, and whether the database is still empty.',
    input: EmptyInput,
    output: StationInfoSchema,
  }),
  loadDemo: defineProcedure({
    channel: 'bo:system:load-demo',
    access: 'setup',
    summary: 'Fill an empty records database with the demo venue, shows, prices and staff.',
    input: EmptyInput,
    output: z.object({ performances: z.number().int(), seats: z.number().int() }),
  }),
};
