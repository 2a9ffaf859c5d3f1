import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { IdSchema } from './common.ts';

export const PlanFormatSchema = z.enum(['pretix', 'csv']);

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
      })
      .strict(),
    output: z.object({
      planId: IdSchema,
      seats: z.number().int(),
      zones: z.array(z.string()),
      categories: z.array(z.string()),
      generalAdmissionPlaces: z.number().int(),
    }),
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
