import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { IdSchema } from './common.ts';

export const PlanFormatSchema = z.enum(['pretix', 'csv']);

/** A point on the plan, in its own coordinates (y points down). */
export const PlanPointSchema = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

/** Where "best" is measured from: a stage or pitch found by name, the plan's top centre, or a manager's point. */
export const PlanFocusSchema = z.object({
  x: z.number(),
  y: z.number(),
  source: z.enum(['area', 'top', 'manager']),
  areaName: z.string().nullable(),
});

export const planProcedures = {
  importSeatingPlan: defineProcedure({
    channel: 'bo:plans:import',
    access: 'manager',
    summary: 'Import a pretix seating-plan JSON or a CSV plan (section,row,seat,x,y,category) for a venue.',
    input: z
      .object({
        venueId: IdSchema,
        name: z.string().min(1).max(120),
        format: PlanFormatSchema,
        fileName: z.string().min(1).max(260),
        content: z.string().min(1).max(20_000_000),
        /** The focus point as the manager moved it in the preview; left out, the stage or pitch. */
        focus: PlanPointSchema.optional(),
      })
      .strict(),
    output: z.object({
      planId: IdSchema,
      seats: z.number().int(),
      zones: z.array(z.string()),
      categories: z.array(z.string()),
      generalAdmissionPlaces: z.number().int(),
      focus: PlanFocusSchema,
    }),
  }),
  movePlanFocus: defineProcedure({
    channel: 'bo:plans:move-focus',
    access: 'manager',
    summary: 'Move the point "best available" is measured from on a saved plan; its seats are ranked again.',
    input: z.object({ planId: IdSchema, focus: PlanPointSchema }).strict(),
    output: PlanFocusSchema,
  }),
  listVenues: defineProcedure({
    channel: 'bo:plans:list-venues',
    access: 'cashier',
    summary: 'Venues with their seating plans.',
    input: z.object({}).strict(),
    output: z.array(
      z.object({
        id: IdSchema,
        name: z.string(),
        plans: z.array(z.object({ id: IdSchema, name: z.string(), seats: z.number().int() })),
      }),
    ),
  }),
};
