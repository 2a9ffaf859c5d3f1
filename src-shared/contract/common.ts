import { z } from 'zod';

/** Ids are ULIDs (26 Crockford base-32 characters) so that stations and installations never collide. */
export const IdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'is not one Marquee knows (its reference is damaged)');

/** Instants travel as epoch milliseconds. */
export const InstantSchema = z.number().int().nonnegative();

/** Whether year-month-day names a day that exists (2027-02-30 does not; 2028-02-29 does). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date as YYYY-MM-DD that exists: never quietly moved (JavaScript's Date turns
 * 2027-02-30 into 2 March), refused with a sentence instead.
 */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isCalendarDate, { message: 'is not a day of the calendar (check the day of the month)' });

/** Money is integer minor units (pence, cents) in the installation's one currency. */
export const MoneySchema = z.number().int();

export const UnitStateSchema = z.enum(['available', 'held', 'reserved', 'booked', 'blocked']);
export type UnitState = z.infer<typeof UnitStateSchema>;

export const PerformanceStateSchema = z.enum(['on_sale', 'off_sale', 'cancelled']);
export type PerformanceState = z.infer<typeof PerformanceStateSchema>;

export const EmptyInput = z.object({}).strict();
