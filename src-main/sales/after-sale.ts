import { newId } from './ids.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { orders, tickets as ticketsTable, type OrderRow, type PaymentRow, type TicketRow, type UnitRow } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { issueTickets, priceLines, type IssuedTicket, type SaleLine } from './book.ts';
import type { SalesContext } from './context.ts';
import { requireNotStarted, requireOnSale } from './gate.ts';
import { requireLiveHold } from './holds.ts';
import { money, refundRow, settle, type TenderInput } from './payments.ts';
import { unitRows } from './reservations.ts';
import { fromDriver } from './rows.ts';
import { labelsOf } from './unit-checks.ts';
import { takeReceiptNumber } from './receipt-numbers.ts';

export type RefundMethod = 'cash' | 'card' | 'voucher';

export function requireOrder(ctx: SalesContext, orderId: string): OrderRow {
  const raw = ctx.st.order.get(orderId);
  if (!raw) throw new MarqueeError('NOT_FOUND', `There is no order with id ${orderId}.`);
  return fromDriver<OrderRow>(orders, raw as Record<string, unknown>);
}

export function orderTickets(ctx: SalesContext, orderId: string): TicketRow[] {
  return (ctx.st.orderTickets.all(orderId) as Record<string, unknown>[]).map((r) => fromDriver<TicketRow>(ticketsTable, r));
}

/** The valid, not-yet-used tickets of an order that a refund or exchange would give back. */
export function returnableTickets(ctx: SalesContext, orderId: string, ticketIds: string[] | undefined): TicketRow[] {
  const all = orderTickets(ctx, orderId);
  const wanted = ticketIds ? all.filter((t) => ticketIds.includes(t.id)) : all.filter((t) => t.state === 'valid');
  if (ticketIds) {
    const unknown = ticketIds.filter((id) => !all.some((t) => t.id === id));
    if (unknown.length) throw new MarqueeError('BAD_INPUT', `Ticket(s) ${unknown.join(', ')} do not belong to this order.`);
  }
  if (wanted.length === 0) throw new MarqueeError('CONFLICT', 'This order has no tickets left to give back.');
  for (const t of wanted) {
    if (t.state !== 'valid') throw new MarqueeError('CONFLICT', `Ticket ${t.id} is already ${t.state}.`);
    if (t.checkedInAt !== null) {
      throw new MarqueeError('CONFLICT', `Ticket ${t.id} was used at the door at ${new Date(t.checkedInAt).toISOString()}; undo the check-in first.`);
    }
  }
  return wanted;
}

/** Takes tickets back: the tickets change state, their units return to sale, the order records the value. */
function takeBack(ctx: SalesContext, order: OrderRow, returned: TicketRow[], state: 'refunded' | 'exchanged', now: number) {
  const tickets: TicketRow[] = [];
  const units: UnitRow[] = [];
  for (const t of returned) {
    const updated = ctx.st.setTicketState.get(state, now, t.id);
    if (!updated) throw new MarqueeError('CONFLICT', `Ticket ${t.id} changed meanwhile; try again.`);
    tickets.push(fromDriver<TicketRow>(ticketsTable, updated as Record<string, unknown>));
    units.push(...unitRows(ctx.st.freeBookedUnit.all(t.unitId, t.id)));
  }
  const value = returned.reduce((a, t) => a + t.totalMinor, 0);
  const updatedOrder = fromDriver<OrderRow>(orders, ctx.st.updateOrderRefund.get({ orderId: order.id, amount: value, now }) as Record<string, unknown>);
  return { tickets, units, value, order: updatedOrder };
}

export function refundTotal(ctx: SalesContext, orderId: string, ticketIds: string[] | undefined): number {
  return returnableTickets(ctx, orderId, ticketIds).reduce((a, t) => a + t.totalMinor, 0);
}

export function refundLimit(ctx: SalesContext): number {
  return ctx.setting('refunds.cashierLimitMinor');
}

export function refundTickets(
  ctx: SalesContext,
  actor: Actor,
  input: { orderId: string; ticketIds?: string[] | undefined; method: RefundMethod; reference?: string | undefined },
  approvedBy: string | null,
): { order: OrderRow; refundedMinor: number; unitIds: number[] } {
  const now = ctx.clock.now();
  const order = requireOrder(ctx, input.orderId);
  const returned = returnableTickets(ctx, order.id, input.ticketIds);
  const amount = returned.reduce((a, t) => a + t.totalMinor, 0);
  if (amount > refundLimit(ctx) && approvedBy === null) {
    throw new MarqueeError('FORBIDDEN', `A refund of ${money(amount, order.currency)} is over the cashier limit and needs a manager's approval.`);
  }
  const back = takeBack(ctx, order, returned, 'refunded', now);
  const rows: { orders: OrderRow[]; tickets: TicketRow[]; units: UnitRow[]; payments: PaymentRow[] } = {
    orders: [back.order],
    tickets: back.tickets,
    units: back.units,
    payments: [],
  };
  if (amount > 0) {
    const payment = refundRow(amount, input.method, { orderId: order.id, actor, now, reference: input.reference?.trim() || null });
    ctx.st.insertPayment.run(payment);
    rows.payments.push(payment);
  }
  ctx.ledger.append({ kind: 'order.refunded', at: now, actor, performanceId: order.performanceId, orderId: order.id, rows, extra: { approvedBy } });
  return { order: back.order, refundedMinor: amount, unitIds: back.units.map((u) => u.id) };
}

export interface ExchangeInput {
  orderId: string;
  ticketIds: string[];
  /** The new seats, held at this window (same or another performance). */
  holdId: string;
  lines: SaleLine[];
  /** When the new seats cost more: what the customer pays on top. */
  payments?: TenderInput[] | undefined;
  /** When they cost less: how the difference goes back. */
  refundMethod?: RefundMethod | undefined;
}

/**
 * Swaps tickets for newly held seats in one transaction. The old order gives up the tickets' value
 * as an "exchange" payment out; the new order receives it as an "exchange" payment in, plus any
 * top-up, minus any difference returned, so both orders still satisfy paid = total − refunded.
 */
/**
 * Everything an exchange will charge or hand back, read without writing, so the engine can ask for
 * a manager's approval (which may count a wrong PIN) before the transaction, as a refund does.
 */
export function priceExchange(ctx: SalesContext, actor: Actor, input: ExchangeInput, now: number) {
  const oldOrder = requireOrder(ctx, input.orderId);
  const returned = returnableTickets(ctx, oldOrder.id, input.ticketIds);
  const hold = requireLiveHold(ctx, actor, input.holdId, now);
  const perf = requireOnSale(ctx, hold.performanceId, now);
  requireNotStarted(perf, now);
  const held = unitRows(ctx.st.heldUnits.all(hold.id));
  if (held.length === 0) throw new MarqueeError('HOLD_EXPIRED', 'The hold has no seats left; choose the new seats again.');
  const { priced, bands, ordered } = priceLines(ctx, perf, held, input.lines, null);
  const credit = returned.reduce((a, t) => a + t.totalMinor, 0);
  return { oldOrder, returned, hold, perf, priced, bands, ordered, difference: priced.totalMinor - credit };
}

/** Money an exchange hands back to the customer: the old tickets were worth more than the new. */
export function exchangeMoneyBack(difference: number): number {
  return Math.max(0, -difference);
}

export function exchangeTickets(
  ctx: SalesContext,
  actor: Actor,
  input: ExchangeInput,
  approvedBy: string | null,
): { oldOrder: OrderRow; newOrder: OrderRow; tickets: IssuedTicket[]; differenceMinor: number; changeMinor: number; changed: { performanceId: string; unitIds: number[] }[] } {
  const now = ctx.clock.now();
  const { oldOrder, returned, hold, perf, priced, bands, ordered, difference } = priceExchange(ctx, actor, input, now);
  const moneyBack = exchangeMoneyBack(difference);
  if (moneyBack > refundLimit(ctx) && approvedBy === null) {
    throw new MarqueeError('FORBIDDEN', `Handing back ${money(moneyBack, oldOrder.currency)} is over the cashier limit and needs a manager's approval.`);
  }
  const back = takeBack(ctx, oldOrder, returned, 'exchanged', now);
  const credit = back.value;
  const newOrderId = newId(now);
  const creditOut = refundRow(credit, 'exchange', { orderId: oldOrder.id, actor, now, reference: newOrderId });
  const creditIn: PaymentRow = { ...creditOut, id: newId(now), orderId: newOrderId, amountMinor: credit, reference: oldOrder.id };
  let extra: PaymentRow[] = [];
  let changeMinor = 0;
  if (difference > 0) {
    ({ rows: extra, changeMinor } = settle(input.payments ?? [], difference, { orderId: newOrderId, actor, now, currency: oldOrder.currency }));
  } else if (difference < 0) {
    if (input.payments?.length) throw new MarqueeError('BAD_INPUT', 'The new seats cost less; nothing is to be paid.');
    extra = [refundRow(-difference, input.refundMethod ?? 'cash', { orderId: newOrderId, actor, now })];
  }
  const newOrder: OrderRow = {
    ...oldOrder,
    id: newOrderId,
    performanceId: perf.id,
    reservationId: null,
    exchangedFromOrderId: oldOrder.id,
    discountCodeId: null,
    subtotalMinor: priced.subtotalMinor,
    discountMinor: priced.discountMinor,
    taxMinor: priced.taxMinor,
    totalMinor: priced.totalMinor,
    refundedMinor: 0,
    state: 'paid',
    stationId: actor.stationId,
    staffId: actor.staffId,
    approvedBy,
    createdAt: now,
    updatedAt: now,
  };
  ctx.st.insertOrder.run(newOrder);
  const issued = issueTickets(ctx, newOrder, ordered, bands, priced, { holdId: hold.id, reservationId: null });
  const paymentRows = [creditOut, creditIn, ...extra];
  for (const p of paymentRows) ctx.st.insertPayment.run(p);
  ctx.ledger.append({
    kind: 'order.exchanged',
    at: now,
    actor,
    performanceId: perf.id,
    orderId: newOrderId,
    rows: {
      orders: [back.order, newOrder],
      tickets: [...back.tickets, ...issued.tickets],
      payments: paymentRows,
      units: [...back.units, ...issued.units],
      // The new order's receipt gets the next consecutive number, like a sale's.
      receipt_numbers: [takeReceiptNumber(ctx.sqlite, newOrderId)],
    },
    extra: { fromOrderId: oldOrder.id, fromPerformanceId: oldOrder.performanceId, differenceMinor: difference },
  });
  const labels = labelsOf(ctx, ordered.map((u) => u.id));
  return {
    oldOrder: back.order,
    newOrder,
    differenceMinor: difference,
    changeMinor,
    tickets: issued.tickets.map((t) => ({ ticketId: t.id, unitId: t.unitId, label: labels.get(t.unitId) ?? '', bandName: t.bandName, totalMinor: t.totalMinor, code: t.code })),
    changed: [
      { performanceId: oldOrder.performanceId, unitIds: back.units.map((u) => u.id) },
      { performanceId: perf.id, unitIds: issued.units.map((u) => u.id) },
    ],
  };
}
