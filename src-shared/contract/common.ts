import { z } from 'zod';

/** Ids are ULIDs (26 Crockford base-32 characters) so that stations and installations never collide. */
export const IdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (26-character ULID)');

/** Instants travel as epoch milliseconds. */
export const InstantSchema = z.number().int().nonnegative();

/** Money is integer minor units (pence, cents) in the installation's one currency. */
export const MoneySchema = z.number().int();

export const UnitStateSchema = z.enum(['available', 'held', 'reserved', 'booked', 'blocked']);
export type UnitState = z.infer<typeof UnitStateSchema>;

export const PerformanceStateSchema = z.enum(['on_sale', 'off_sale', 'cancelled']);
export type PerformanceState = z.infer<typeof PerformanceStateSchema>;

export const EmptyInput = z.object({}).strict();
