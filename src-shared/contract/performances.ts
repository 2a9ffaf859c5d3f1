import { z } from 'zod';
import { defineEvent, defineProcedure } from './define.ts';
import { IdSchema, InstantSchema, PerformanceStateSchema, UnitStateSchema } from './common.ts';

export const UnitCountsSchema = z.object({
  capacity: z.number().int(),
  available: z.number().int(),
  held: z.number().int(),
  reserved: z.number().int(),
  booked: z.number().int(),
  blocked: z.number().int(),
});
export type UnitCounts = z.infer<typeof UnitCountsSchema>;

export const PerformanceSummarySchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  eventTitle: z.string(),
  venueName: z.string(),
  planName: z.string(),
  startsAt: InstantSchema,
  state: PerformanceStateSchema,
  counts: UnitCountsSchema,
});
export type PerformanceSummary = z.infer<typeof PerformanceSummarySchema>;

export const SeatOnMapSchema = z.object({
  unitId: z.number().int(),
  seatId: IdSchema,
  label: z.string(),
  zone: z.string(),
  row: z.string(),
  number: z.string(),
  x: z.number(),
  y: z.number(),
  radius: z.number(),
  category: z.string(),
  wheelchair: z.boolean(),
  restrictedView: z.boolean(),
  state: UnitStateSchema,
  /** Held by the window that asked (its basket), as opposed to another station's hold. */
  heldByMe: z.boolean(),
});
export type SeatOnMap = z.infer<typeof SeatOnMapSchema>;

export const AreaOnMapSchema = z.object({
  id: IdSchema,
  name: z.string(),
  shape: z.enum(['rectangle', 'ellipse']),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
  rotation: z.number(),
  color: z.string(),
  /** General-admission areas are sold by quantity; decorative areas (the stage) have capacity 0. */
  capacity: z.number().int(),
  available: z.number().int(),
  category: z.string().nullable(),
});
export type AreaOnMap = z.infer<typeof AreaOnMapSchema>;

export const SeatMapSchema = z.object({
  performance: PerformanceSummarySchema,
  width: z.number(),
  height: z.number(),
  categories: z.array(z.object({ name: z.string(), color: z.string() })),
  seats: z.array(SeatOnMapSchema),
  areas: z.array(AreaOnMapSchema),
  /** Where the plan draws each row's name (its `row_number_position`); a row not listed is named at both ends. */
  rowLabels: z.array(z.object({ zone: z.string(), row: z.string(), position: z.enum(['start', 'end', 'both', 'none']) })),
});
export type SeatMap = z.infer<typeof SeatMapSchema>;

export const performanceProcedures = {
  listPerformances: defineProcedure({
    channel: 'bo:performances:list',
    access: 'cashier',
    summary: "Today's and upcoming performances with capacity, sold and available counts.",
    input: z
      .object({
        from: InstantSchema.optional(),
        days: z.number().int().min(1).max(366).default(14),
        search: z.string().max(100).optional(),
      })
      .strict(),
    output: z.array(PerformanceSummarySchema),
  }),
  getSeatMap: defineProcedure({
    channel: 'bo:performances:seat-map',
    access: 'cashier',
    summary: "One performance's seats and areas at the plan's coordinates, each with its state.",
    input: z.object({ performanceId: IdSchema }).strict(),
    output: SeatMapSchema,
  }),
};

export const performanceEvents = {
  unitsChanged: defineEvent({
    channel: 'bo-event:units-changed',
    access: 'cashier',
    summary: "Some units of a performance changed state; open screens refresh that performance.",
    payload: z.object({ performanceId: IdSchema, unitIds: z.array(z.number().int()) }),
  }),
  performancesChanged: defineEvent({
    channel: 'bo-event:performances-changed',
    access: 'cashier',
    summary: 'Performances were added, edited or the demo was loaded; lists refresh.',
    payload: z.object({ reason: z.string() }),
  }),
};
