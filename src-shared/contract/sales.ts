import { z } from 'zod';
import { defineEvent, defineProcedure } from './define.ts';
import { IdSchema, InstantSchema, MoneySchema } from './common.ts';
import { ApprovalSchema } from './staff.ts';

const UnitIdSchema = z.number().int().positive();
const Nullable = <T extends z.ZodType>(t: T) => t.nullable();

export const CustomerSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    phone: z.string().trim().max(40).optional(),
    email: z.string().trim().max(200).optional(),
  })
  .strict();

/**
 * One payment. Without `amountMinor` it pays what is left due after the other payments, as the core
 * prices the sale (its quote is what is charged): a screen sends the cash handed over, never a total
 * it worked out itself. At most one payment of a request may leave its amount out.
 */
export const TenderSchema = z
  .object({
    method: z.enum(['cash', 'card', 'voucher', 'complimentary']),
    amountMinor: MoneySchema.nonnegative().optional(),
    tenderedMinor: MoneySchema.nonnegative().optional(),
    reference: z.string().trim().max(80).optional(),
  })
  .strict();

export const SaleLineSchema = z
  .object({ unitId: UnitIdSchema, priceBandId: IdSchema, priceMinor: MoneySchema.nonnegative().optional() })
  .strict();

export const RefundMethodSchema = z.enum(['cash', 'card', 'voucher']);

/**
 * The window's own name for one sale, reservation, refund or exchange (a random UUID per press of
 * the button). Sent again with a retry after a lost answer, it gets the first answer back instead
 * of a second sale; the same key with other details is refused. Optional so older callers work.
 */
export const IdempotencyKeySchema = z.string().min(8).max(64);

export const HoldResultSchema = z.object({
  holdId: IdSchema,
  performanceId: IdSchema,
  expiresAt: InstantSchema,
  unitIds: z.array(z.number().int()),
  labels: z.array(z.string()),
  adjacent: z.boolean().optional(),
  /** Best available: the standing area of each unit (null for a seat), when any came from an area. */
  areaIds: z.array(IdSchema.nullable()).optional(),
});

export const ReservationSchema = z.object({
  id: IdSchema,
  reference: z.string(),
  performanceId: IdSchema,
  customerName: z.string(),
  customerPhone: Nullable(z.string()),
  customerEmail: Nullable(z.string()),
  deadlineAt: Nullable(InstantSchema),
  state: z.enum(['active', 'collected', 'cancelled', 'expired']),
  orderId: Nullable(IdSchema),
  stationId: z.string(),
  staffId: Nullable(z.string()),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});

export const OrderSchema = z.object({
  id: IdSchema,
  performanceId: IdSchema,
  reservationId: Nullable(IdSchema),
  exchangedFromOrderId: Nullable(IdSchema),
  customerName: Nullable(z.string()),
  customerPhone: Nullable(z.string()),
  customerEmail: Nullable(z.string()),
  discountCodeId: Nullable(z.string()),
  currency: z.string(),
  subtotalMinor: MoneySchema,
  discountMinor: MoneySchema,
  taxMinor: MoneySchema,
  totalMinor: MoneySchema,
  refundedMinor: MoneySchema,
  state: z.enum(['paid', 'part_refunded', 'refunded']),
  stationId: z.string(),
  staffId: Nullable(z.string()),
  approvedBy: Nullable(z.string()),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});

export const TicketSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  performanceId: IdSchema,
  unitId: z.number().int(),
  priceBandId: z.string(),
  bandName: z.string(),
  listPriceMinor: MoneySchema,
  discountMinor: MoneySchema,
  taxMinor: MoneySchema,
  totalMinor: MoneySchema,
  code: z.string(),
  state: z.enum(['valid', 'refunded', 'exchanged']),
  printCount: z.number().int(),
  checkedInAt: Nullable(InstantSchema),
  checkedInStationId: Nullable(z.string()),
  checkedInStaffId: Nullable(z.string()),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});

export const PaymentSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  method: z.enum(['cash', 'card', 'voucher', 'complimentary', 'exchange']),
  amountMinor: MoneySchema,
  tenderedMinor: Nullable(MoneySchema),
  changeMinor: Nullable(MoneySchema),
  reference: Nullable(z.string()),
  stationId: z.string(),
  staffId: Nullable(z.string()),
  at: InstantSchema,
});

export const IssuedTicketSchema = z.object({
  ticketId: IdSchema,
  unitId: z.number().int(),
  label: z.string(),
  bandName: z.string(),
  totalMinor: MoneySchema,
  code: z.string(),
});

export const BlockSchema = z.object({
  id: IdSchema,
  performanceId: IdSchema,
  name: z.string(),
  releaseAt: Nullable(InstantSchema),
  state: z.enum(['active', 'released']),
  stationId: z.string(),
  staffId: Nullable(z.string()),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});

export const DiscountCodeSchema = z.object({
  id: IdSchema,
  code: z.string(),
  kind: z.enum(['percent', 'fixed']),
  value: z.number().int(),
  eventId: Nullable(z.string()),
  validFrom: Nullable(InstantSchema),
  validUntil: Nullable(InstantSchema),
  maxUses: Nullable(z.number().int()),
  uses: z.number().int(),
  active: z.number().int(),
  createdAt: InstantSchema,
});

export const PriceBandSchema = z.object({
  id: IdSchema,
  name: z.string(),
  category: z.string().nullable(),
  priceMinor: MoneySchema,
  taxRateBp: z.number().int(),
  taxIncluded: z.boolean(),
});

/** What happened to a sale's printing; the sale stands whatever this says. */
export const PrintOutcomeSchema = z.object({
  printed: z.enum(['queued', 'no-printer', 'failed']),
  jobSetId: z.string().nullable(),
  problem: z.string().nullable(),
});
export type PrintOutcome = z.infer<typeof PrintOutcomeSchema>;

export const salesProcedures = {
  listPriceBands: defineProcedure({
    channel: 'bo:sales:price-bands',
    access: 'cashier',
    summary: "A performance's price bands (Adult, Concession, ...), each for one seat category or all.",
    input: z.object({ performanceId: IdSchema }).strict(),
    output: z.array(PriceBandSchema),
  }),
  holdSeats: defineProcedure({
    channel: 'bo:sales:hold',
    access: 'cashier',
    summary: 'Hold chosen seats and/or a quantity of general-admission places for this window (default 10 minutes).',
    input: z
      .object({
        performanceId: IdSchema,
        unitIds: z.array(UnitIdSchema).max(500).optional(),
        places: z.array(z.object({ areaId: IdSchema, quantity: z.number().int().min(1).max(500) }).strict()).max(20).optional(),
        holdId: IdSchema.optional(),
      })
      .strict(),
    output: HoldResultSchema,
  }),
  holdBestAvailable: defineProcedure({
    channel: 'bo:sales:hold-best',
    access: 'cashier',
    summary: 'Hold the best N seats: adjacent in one row nearest the stage, else the best split.',
    input: z
      .object({ performanceId: IdSchema, quantity: z.number().int().min(1).max(50), category: z.string().max(80).optional(), holdId: IdSchema.optional() })
      .strict(),
    output: HoldResultSchema,
  }),
  suggestBestAvailable: defineProcedure({
    channel: 'bo:sales:suggest-best',
    access: 'cashier',
    summary: 'Which seats best-available would pick, without holding them.',
    input: z.object({ performanceId: IdSchema, quantity: z.number().int().min(1).max(50), category: z.string().max(80).optional() }).strict(),
    output: z.object({ unitIds: z.array(z.number().int()), labels: z.array(z.string()), adjacent: z.boolean(), areaIds: z.array(IdSchema.nullable()).optional() }),
  }),
  releaseHold: defineProcedure({
    channel: 'bo:sales:release-hold',
    access: 'cashier',
    summary: "Give back a hold's seats (all, or the listed ones).",
    input: z.object({ holdId: IdSchema, unitIds: z.array(UnitIdSchema).optional() }).strict(),
    output: z.object({ releasedUnitIds: z.array(z.number().int()) }),
  }),
  extendHold: defineProcedure({
    channel: 'bo:sales:extend-hold',
    access: 'cashier',
    summary: 'Give the customer more time: the hold runs for another N minutes (default the hold setting).',
    input: z.object({ holdId: IdSchema, minutes: z.number().int().min(1).max(120).optional() }).strict(),
    output: z.object({ holdId: IdSchema, expiresAt: InstantSchema }),
  }),
  reserveSeats: defineProcedure({
    channel: 'bo:sales:reserve',
    access: 'cashier',
    summary: 'Turn held seats into an unpaid reservation for a named customer, collected with a 6-character reference.',
    input: z
      .object({ holdId: IdSchema, customer: CustomerSchema, deadlineAt: InstantSchema.optional(), idempotencyKey: IdempotencyKeySchema.optional() })
      .strict(),
    output: ReservationSchema.extend({ print: PrintOutcomeSchema }),
  }),
  cancelReservation: defineProcedure({
    channel: 'bo:sales:cancel-reservation',
    access: 'cashier',
    summary: "Cancel a reservation; its seats return to sale.",
    input: z.object({ reservationId: IdSchema }).strict(),
    output: ReservationSchema,
  }),
  findReservation: defineProcedure({
    channel: 'bo:sales:find-reservation',
    access: 'cashier',
    summary: 'Look a reservation up by its reference, with its seats.',
    input: z.object({ reference: z.string().trim().min(4).max(12) }).strict(),
    output: z.object({
      reservation: ReservationSchema,
      units: z.array(z.object({ unitId: z.number().int(), label: z.string(), category: z.string() })),
    }),
  }),
  quoteSale: defineProcedure({
    channel: 'bo:sales:quote',
    access: 'cashier',
    summary: 'What a sale of these held or reserved seats would charge now, line by line, with the discount code and tax; writes nothing.',
    input: z
      .object({
        holdId: IdSchema.optional(),
        reservationId: IdSchema.optional(),
        lines: z.array(SaleLineSchema.omit({ priceMinor: true })).min(1).max(500),
        discountCode: z.string().trim().max(32).optional(),
      })
      .strict(),
    output: z.object({
      currency: z.string(),
      lines: z.array(
        z.object({ unitId: z.number().int(), listPriceMinor: MoneySchema, discountMinor: MoneySchema, taxMinor: MoneySchema, totalMinor: MoneySchema }),
      ),
      subtotalMinor: MoneySchema,
      discountMinor: MoneySchema,
      taxMinor: MoneySchema,
      totalMinor: MoneySchema,
    }),
  }),
  bookSeats: defineProcedure({
    channel: 'bo:sales:book',
    access: 'cashier',
    summary: 'Sell held or reserved seats: a price band per seat, optional discount code, and payments that add up to the total.',
    input: z
      .object({
        holdId: IdSchema.optional(),
        reservationId: IdSchema.optional(),
        lines: z.array(SaleLineSchema).min(1).max(500),
        discountCode: z.string().trim().max(32).optional(),
        customer: CustomerSchema.optional(),
        payments: z.array(TenderSchema).max(10),
        approval: ApprovalSchema.optional(),
        idempotencyKey: IdempotencyKeySchema.optional(),
        /** The cashier confirmed selling after curtain-up; without it such a sale is refused (OFF_SALE, details.confirm). */
        afterCurtainUp: z.literal(true).optional(),
      })
      .strict(),
    output: z.object({
      order: OrderSchema,
      tickets: z.array(IssuedTicketSchema),
      changeMinor: MoneySchema,
      unitIds: z.array(z.number().int()),
      print: PrintOutcomeSchema,
    }),
  }),
  printOrder: defineProcedure({
    channel: 'bo:sales:print-order',
    access: 'cashier',
    summary: "Print an order's tickets and receipt again (the retry after a print problem); no drawer pulse.",
    input: z.object({ orderId: IdSchema }).strict(),
    output: PrintOutcomeSchema,
  }),
  refundTickets: defineProcedure({
    channel: 'bo:sales:refund',
    access: 'cashier',
    summary: "Refund all or some of an order's tickets; the seats return to sale. Over the cashier limit a manager approves.",
    input: z
      .object({
        orderId: IdSchema,
        ticketIds: z.array(IdSchema).min(1).optional(),
        method: RefundMethodSchema.default('cash'),
        reference: z.string().trim().max(80).optional(),
        approval: ApprovalSchema.optional(),
        idempotencyKey: IdempotencyKeySchema.optional(),
      })
      .strict(),
    output: z.object({ order: OrderSchema, refundedMinor: MoneySchema, unitIds: z.array(z.number().int()), print: PrintOutcomeSchema }),
  }),
  exchangeTickets: defineProcedure({
    channel: 'bo:sales:exchange',
    access: 'cashier',
    summary: 'Exchange tickets for newly held seats (same or another performance), settling the price difference.',
    input: z
      .object({
        orderId: IdSchema,
        ticketIds: z.array(IdSchema).min(1),
        holdId: IdSchema,
        lines: z.array(SaleLineSchema.omit({ priceMinor: true })).min(1),
        payments: z.array(TenderSchema).max(10).optional(),
        refundMethod: RefundMethodSchema.optional(),
        /** A manager's PIN when the difference handed back is over the cashier refund limit. */
        approval: ApprovalSchema.optional(),
        idempotencyKey: IdempotencyKeySchema.optional(),
      })
      .strict(),
    output: z.object({
      oldOrder: OrderSchema,
      newOrder: OrderSchema,
      tickets: z.array(IssuedTicketSchema),
      differenceMinor: MoneySchema,
      changeMinor: MoneySchema,
      /** What printing the new tickets did: they print in the same call, like a sale's. */
      print: PrintOutcomeSchema,
    }),
  }),
  getOrder: defineProcedure({
    channel: 'bo:sales:order',
    access: 'cashier',
    summary: 'An order with its tickets (and seat labels) and payments.',
    input: z.object({ orderId: IdSchema }).strict(),
    output: z.object({ order: OrderSchema, tickets: z.array(TicketSchema.extend({ label: z.string() })), payments: z.array(PaymentSchema) }),
  }),
  blockSeats: defineProcedure({
    channel: 'bo:sales:block',
    access: 'manager',
    summary: 'Take free seats off sale under a name (house seats, broken, press), optionally until a release time. Manager only.',
    input: z
      .object({
        performanceId: IdSchema,
        unitIds: z.array(UnitIdSchema).min(1).max(2000),
        name: z.string().trim().min(1).max(80),
        releaseAt: InstantSchema.optional(),
        approval: ApprovalSchema.optional(),
      })
      .strict(),
    output: BlockSchema,
  }),
  releaseBlock: defineProcedure({
    channel: 'bo:sales:release-block',
    access: 'manager',
    summary: 'Put blocked seats back on sale. Manager only.',
    input: z.object({ blockId: IdSchema, approval: ApprovalSchema.optional() }).strict(),
    output: BlockSchema,
  }),
  createDiscountCode: defineProcedure({
    channel: 'bo:sales:create-discount',
    access: 'manager',
    summary: 'Create a discount code (percent in basis points, or fixed minor units) with optional validity and use limit. Manager only.',
    input: z
      .object({
        code: z.string().trim().min(3).max(32),
        kind: z.enum(['percent', 'fixed']),
        value: z.number().int().positive(),
        eventId: IdSchema.optional(),
        validFrom: InstantSchema.optional(),
        validUntil: InstantSchema.optional(),
        maxUses: z.number().int().positive().optional(),
        approval: ApprovalSchema.optional(),
      })
      .strict(),
    output: DiscountCodeSchema,
  }),
};

export const salesEvents = {
  salesChanged: defineEvent({
    channel: 'bo-event:sales-changed',
    access: 'cashier',
    summary: 'A sale, refund, exchange, reservation, block, reprint or check-in was recorded.',
    payload: z.object({ kind: z.string(), performanceId: IdSchema.nullable(), orderId: IdSchema.nullable() }),
  }),
};
