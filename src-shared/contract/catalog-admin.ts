import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { CalendarDateSchema, IdSchema, InstantSchema, MoneySchema, PerformanceStateSchema } from './common.ts';
import { PlanFocusSchema, PlanFormatSchema } from './plans.ts';
import { DiscountCodeSchema } from './sales.ts';

const Title = z.string().trim().min(1).max(120);
const TimeText = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

export const EventDetailsSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  durationMinutes: z.number().int(),
  ageRating: z.string(),
  layoutId: z.string().nullable(),
  performances: z.number().int(),
});
export type EventDetails = z.infer<typeof EventDetailsSchema>;

export const EventInputSchema = z
  .object({
    title: Title,
    description: z.string().max(4000).default(''),
    durationMinutes: z.number().int().min(1).max(24 * 60),
    ageRating: z.string().trim().max(20).default(''),
    layoutId: z.string().trim().min(1).max(120).nullable().default(null),
  })
  .strict();

export const AdminPerformanceSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  venueName: z.string(),
  planId: IdSchema,
  planName: z.string(),
  startsAt: InstantSchema,
  onSaleFrom: InstantSchema.nullable(),
  onSaleUntil: InstantSchema.nullable(),
  state: PerformanceStateSchema,
  sold: z.number().int(),
  capacity: z.number().int(),
});
export type AdminPerformance = z.infer<typeof AdminPerformanceSchema>;

/** One line of a run: these weekdays (0 = Sunday) at this local time. */
export const RunSlotSchema = z.object({ weekdays: z.array(z.number().int().min(0).max(6)).min(1).max(7), time: TimeText }).strict();

export const RunInputSchema = z
  .object({
    eventId: IdSchema,
    planId: IdSchema,
    firstDate: CalendarDateSchema,
    lastDate: CalendarDateSchema,
    slots: z.array(RunSlotSchema).min(1).max(20),
    /** IANA zone the times are in; the installation's setting when left out. */
    timeZone: z.string().min(1).max(64).optional(),
    onSaleFrom: InstantSchema.nullable().default(null),
    state: z.enum(['on_sale', 'off_sale']).default('on_sale'),
  })
  .strict();

export const CancellationImpactSchema = z.object({
  orders: z.array(
    z.object({ id: IdSchema, customerName: z.string().nullable(), tickets: z.number().int(), totalMinor: MoneySchema, refundedMinor: MoneySchema, state: z.string() }),
  ),
  reservations: z.array(z.object({ id: IdSchema, reference: z.string(), customerName: z.string(), seats: z.number().int() })),
});

export const PriceBandAdminSchema = z.object({
  id: IdSchema,
  eventId: IdSchema,
  name: z.string(),
  category: z.string().nullable(),
  priceMinor: MoneySchema,
  taxRateBp: z.number().int(),
  taxIncluded: z.boolean(),
  sortOrder: z.number().int(),
  ticketsSold: z.number().int(),
});

export const PriceBandInputSchema = z
  .object({
    name: z.string().trim().min(1).max(60),
    category: z.string().trim().min(1).max(80).nullable(),
    priceMinor: MoneySchema.nonnegative(),
    taxRateBp: z.number().int().min(0).max(10_000),
    taxIncluded: z.boolean(),
  })
  .strict();

export const PlanPreviewSchema = z.object({
  width: z.number(),
  height: z.number(),
  categories: z.array(z.object({ name: z.string(), color: z.string() })),
  seats: z.array(z.object({ label: z.string(), x: z.number(), y: z.number(), radius: z.number(), category: z.string() })),
  areas: z.array(z.object({ name: z.string(), x: z.number(), y: z.number(), width: z.number(), height: z.number(), shape: z.enum(['rectangle', 'ellipse']), color: z.string(), capacity: z.number().int() })),
  zones: z.array(z.string()),
  generalAdmissionPlaces: z.number().int(),
  /** Where "best" would be measured from; the manager can move it before importing. */
  focus: PlanFocusSchema,
});

export const BlockRowSchema = z.object({
  id: IdSchema,
  name: z.string(),
  releaseAt: InstantSchema.nullable(),
  state: z.enum(['active', 'released']),
  seats: z.number().int(),
  labels: z.array(z.string()),
  createdAt: InstantSchema,
});

export const catalogAdminProcedures = {
  listEvents: defineProcedure({
    channel: 'bo:admin:events',
    access: 'manager',
    summary: 'Every event with its details and number of performances. Manager only.',
    input: z.object({}).strict(),
    output: z.array(EventDetailsSchema),
  }),
  saveEvent: defineProcedure({
    channel: 'bo:admin:save-event',
    access: 'manager',
    summary: 'Create an event, or edit one when an id is given. Manager only.',
    input: z.object({ id: IdSchema.optional(), event: EventInputSchema }).strict(),
    output: EventDetailsSchema,
  }),
  listEventPerformances: defineProcedure({
    channel: 'bo:admin:event-performances',
    access: 'manager',
    summary: "One event's performances in every state, with sold and capacity. Manager only.",
    input: z.object({ eventId: IdSchema }).strict(),
    output: z.array(AdminPerformanceSchema),
  }),
  createRun: defineProcedure({
    channel: 'bo:admin:create-run',
    access: 'manager',
    summary: 'Create a run of performances (weekdays × times × date range, in local time) in one transaction. Manager only.',
    input: RunInputSchema,
    output: z.object({ performanceIds: z.array(IdSchema), startsAt: z.array(InstantSchema) }),
  }),
  updatePerformance: defineProcedure({
    channel: 'bo:admin:update-performance',
    access: 'manager',
    summary: "Change a performance's start, on-sale window or state (on sale, off sale, cancelled). Manager only.",
    input: z
      .object({
        performanceId: IdSchema,
        startsAt: InstantSchema.optional(),
        onSaleFrom: InstantSchema.nullable().optional(),
        onSaleUntil: InstantSchema.nullable().optional(),
        state: PerformanceStateSchema.optional(),
      })
      .strict(),
    output: z.object({ performance: AdminPerformanceSchema, toResolve: CancellationImpactSchema }),
  }),
  putEventOnSale: defineProcedure({
    channel: 'bo:admin:put-event-on-sale',
    access: 'manager',
    summary:
      "Put every off-sale performance of an event that has not started on sale; one lacking a price for a category it sells stays off sale, named with the categories to price. Manager only.",
    input: z.object({ eventId: IdSchema }).strict(),
    output: z.object({
      putOnSale: z.array(IdSchema),
      refused: z.array(z.object({ performanceId: IdSchema, startsAt: InstantSchema, message: z.string(), unpricedCategories: z.array(z.string()) })),
    }),
  }),
  performanceImpact: defineProcedure({
    channel: 'bo:admin:performance-impact',
    access: 'manager',
    summary: "The paid orders and active reservations of a performance, to refund or move before or after cancelling. Manager only.",
    input: z.object({ performanceId: IdSchema }).strict(),
    output: CancellationImpactSchema,
  }),
  createVenue: defineProcedure({
    channel: 'bo:admin:create-venue',
    access: 'manager',
    summary: 'Add a venue (its seating plans are imported separately). Manager only.',
    input: z.object({ name: Title, address: z.string().trim().max(400).default('') }).strict(),
    output: z.object({ id: IdSchema, name: z.string(), address: z.string() }),
  }),
  previewSeatingPlan: defineProcedure({
    channel: 'bo:admin:preview-plan',
    access: 'manager',
    summary: 'Parse a pretix JSON or CSV plan and return its seats to draw, writing nothing. Manager only.',
    input: z.object({ format: PlanFormatSchema, fileName: z.string().min(1).max(260), content: z.string().min(1).max(20_000_000) }).strict(),
    output: PlanPreviewSchema,
  }),
  planCategories: defineProcedure({
    channel: 'bo:admin:plan-categories',
    access: 'manager',
    summary: "A seating plan's categories with their seat counts, to map to price bands. Manager only.",
    input: z.object({ planId: IdSchema }).strict(),
    output: z.array(z.object({ name: z.string(), color: z.string(), seats: z.number().int() })),
  }),
  listBlocks: defineProcedure({
    channel: 'bo:admin:blocks',
    access: 'manager',
    summary: "A performance's seat blocks (house seats, press, broken, restricted view), active first. Manager only.",
    input: z.object({ performanceId: IdSchema }).strict(),
    output: z.array(BlockRowSchema),
  }),
  listEventPriceBands: defineProcedure({
    channel: 'bo:admin:price-bands',
    access: 'manager',
    summary: "An event's price bands with the tickets sold at each. Manager only.",
    input: z.object({ eventId: IdSchema }).strict(),
    output: z.array(PriceBandAdminSchema),
  }),
  savePriceBand: defineProcedure({
    channel: 'bo:admin:save-price-band',
    access: 'manager',
    summary: 'Create a price band for an event, or edit one while none of its tickets are sold. Manager only.',
    input: z.object({ eventId: IdSchema, id: IdSchema.optional(), band: PriceBandInputSchema }).strict(),
    output: PriceBandAdminSchema,
  }),
  removePriceBand: defineProcedure({
    channel: 'bo:admin:remove-price-band',
    access: 'manager',
    summary: 'Remove a price band that has sold no tickets. Manager only.',
    input: z.object({ id: IdSchema }).strict(),
    output: z.object({ removed: z.literal(true) }),
  }),
  listDiscountCodes: defineProcedure({
    channel: 'bo:admin:discount-codes',
    access: 'manager',
    summary: 'Every discount code, active first. Manager only.',
    input: z.object({}).strict(),
    output: z.array(DiscountCodeSchema),
  }),
  deactivateDiscountCode: defineProcedure({
    channel: 'bo:admin:deactivate-discount',
    access: 'manager',
    summary: 'Stop a discount code from being accepted (sales already made keep it). Manager only.',
    input: z.object({ id: IdSchema }).strict(),
    output: DiscountCodeSchema,
  }),
};
