import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { IdSchema, InstantSchema, MoneySchema } from './common.ts';
import { PrintOutcomeSchema, TicketSchema } from './sales.ts';

/**
 * An order has no reference column: the last 8 characters of its ULID are its reference. They are
 * the random part, so two orders sold in the same millisecond still read differently.
 */
export const ORDER_REFERENCE_LENGTH = 8;
export function orderReference(orderId: string): string {
  return orderId.slice(-ORDER_REFERENCE_LENGTH);
}

export const OrderMatchSchema = z.enum(['reference', 'reservation', 'name', 'phone', 'ticket']);

export const OrderFoundSchema = z.object({
  orderId: IdSchema,
  reference: z.string(),
  performanceId: IdSchema,
  eventTitle: z.string(),
  startsAt: InstantSchema,
  customerName: z.string().nullable(),
  customerPhone: z.string().nullable(),
  state: z.enum(['paid', 'part_refunded', 'refunded']),
  currency: z.string(),
  totalMinor: MoneySchema,
  refundedMinor: MoneySchema,
  ticketCount: z.number().int(),
  validCount: z.number().int(),
  createdAt: InstantSchema,
  matchedBy: OrderMatchSchema,
});
export type OrderFound = z.infer<typeof OrderFoundSchema>;

export const ReservationFoundSchema = z.object({
  reservationId: IdSchema,
  reference: z.string(),
  performanceId: IdSchema,
  eventTitle: z.string(),
  startsAt: InstantSchema,
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  deadlineAt: InstantSchema.nullable(),
  state: z.enum(['active', 'collected', 'cancelled', 'expired']),
  seatCount: z.number().int(),
  orderId: IdSchema.nullable(),
  createdAt: InstantSchema,
});
export type ReservationFound = z.infer<typeof ReservationFoundSchema>;

export const HistoryKindSchema = z.enum(['reserved', 'booked', 'refunded', 'exchanged_in', 'exchanged_out', 'reprinted', 'checked_in', 'check_in_undone']);

export const OrderHistoryEntrySchema = z.object({
  seq: z.number().int(),
  at: InstantSchema,
  kind: HistoryKindSchema,
  /** The entry in words, e.g. "Refunded 1 ticket (Stalls A-2) by cash". */
  summary: z.string(),
  /** Money moved by this entry, + in, − out; null when none moved. */
  amountMinor: MoneySchema.nullable(),
  staffName: z.string().nullable(),
  stationName: z.string(),
});
export type OrderHistoryEntry = z.infer<typeof OrderHistoryEntrySchema>;

const SearchText = z.string().trim().min(2, 'type at least 2 characters').max(100);

export const orderProcedures = {
  findOrders: defineProcedure({
    channel: 'bo:orders:find',
    access: 'cashier',
    summary: 'Find orders by order reference or id prefix, reservation reference, customer name or phone (partial), or exact ticket code; newest first, at most 50.',
    input: z.object({ query: SearchText }).strict(),
    output: z.array(OrderFoundSchema),
  }),
  findReservations: defineProcedure({
    channel: 'bo:orders:find-reservations',
    access: 'cashier',
    summary: 'Find reservations to collect by reference, customer name or phone (partial); active ones unless asked for all; at most 50.',
    input: z.object({ query: SearchText, includeEnded: z.boolean().default(false) }).strict(),
    output: z.array(ReservationFoundSchema),
  }),
  waitingReservations: defineProcedure({
    channel: 'bo:orders:waiting-reservations',
    access: 'cashier',
    summary: "What is waiting to be collected: unpaid reservations for today's and upcoming performances, soonest first, with their deadlines.",
    input: z.object({}).strict(),
    output: z.array(ReservationFoundSchema),
  }),
  reprintTickets: defineProcedure({
    channel: 'bo:orders:reprint',
    access: 'cashier',
    summary: "Reprint some of an order's valid tickets: each reprint is counted and logged, then only those tickets print (no receipt, no drawer).",
    input: z.object({ orderId: IdSchema, ticketIds: z.array(IdSchema).min(1).max(500) }).strict(),
    output: z.object({ tickets: z.array(TicketSchema), print: PrintOutcomeSchema }),
  }),
  getOrderHistory: defineProcedure({
    channel: 'bo:orders:history',
    access: 'cashier',
    summary: "An order's ledger entries in words (reserved, booked, refunded, exchanged, reprinted, checked in) with staff, station and time, oldest first.",
    input: z.object({ orderId: IdSchema }).strict(),
    output: z.array(OrderHistoryEntrySchema),
  }),
};
