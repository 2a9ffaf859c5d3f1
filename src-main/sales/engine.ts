import { newId } from './ids.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import { payments as paymentsTable, type DiscountCodeRow, type OrderRow, type PaymentRow, type TicketRow } from '../db/records/schema.ts';
import { authorize, type VerifiedApprover } from '../staff/auth.ts';
import type { Actor } from '../staff/actor.ts';
import { exchangeMoneyBack, exchangeTickets, orderTickets, priceExchange, refundLimit, refundTickets, refundTotal, requireOrder, type ExchangeInput, type RefundMethod } from './after-sale.ts';
import { createBlock, releaseBlock } from './blocks.ts';
import { bookSeats, quoteSale, type BookInput, type BookResult, type SaleQuote } from './book.ts';
import { createSalesContext, type SalesContext } from './context.ts';
import { extendHold, holdBestAvailable, holdSeats, releaseHold, suggestBestAvailable, type HoldInput } from './holds.ts';
import { endReservation, findReservationByReference, requireReservation, reserveSeats, type Customer } from './reservations.ts';
import { findRecordedAnswer, notePrint, recordAnswer, saleRequestOf, type SaleProcedure, type SaleRequest } from './sale-requests.ts';
import { sweepExpired, type SweepResult } from './sweeper.ts';
import { checkIn, reprintTicket, undoCheckIn } from './tickets.ts';
import { labelsOf } from './unit-checks.ts';
import { fromDriver } from './rows.ts';
import type { LedgerKind } from './ledger.ts';

/**
 * The booking engine of one box office: every operation is one BEGIN IMMEDIATE transaction with
 * typed errors, manager approvals (PINs checked by the handler, off the main thread) authorised
 * before the write lock is taken, and
 * events emitted only after the commit so no screen ever shows a change that rolled back.
 */
export class SalesEngine {
  readonly ctx: SalesContext;
  /** Answers handed out again for a repeated request key, with what printing did the first time. */
  private readonly replays = new WeakMap<object, { print: unknown }>();
  private prunedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly office: BoxOffice) {
    this.ctx = createSalesContext(office.records, office.clock);
  }

  private deps() {
    return { records: this.office.records, clock: this.office.clock };
  }

  /**
   * A sale-changing operation, at most once per window and request key: the recorded answer is
   * looked for and written inside the operation's own transaction, so two retries racing each
   * other cannot both sell, and a crash leaves either the sale with its record or neither.
   */
  private once<T extends object>(actor: Actor, request: SaleRequest | null, work: () => T): T {
    return this.ctx.immediate(() => {
      const earlier = this.recorded<T>(actor, request);
      if (earlier) return earlier;
      const answer = work();
      if (request) recordAnswer(this.ctx, actor.stationId, request, answer);
      return answer;
    });
  }

  /**
   * The answer already recorded for this window's request, if any. Also asked before the checks
   * that precede the transaction (a manager's approval, the tickets still to give back): those
   * would refuse a retry whose first try already went through.
   */
  private recorded<T extends object>(actor: Actor, request: SaleRequest | null): T | undefined {
    if (!request) return undefined;
    const earlier = findRecordedAnswer<T>(this.ctx, actor.stationId, request);
    if (!earlier) return undefined;
    this.replays.set(earlier.answer, { print: earlier.print });
    return earlier.answer;
  }

  private request(procedure: SaleProcedure, input: object, asked: object | undefined): SaleRequest | null {
    return saleRequestOf(procedure, asked ?? input);
  }

  /**
   * Whether `answer` (from book, reserveSeats, refund or exchange) repeats one given before for
   * the same request key: then nothing changed now, and `print` is what printing did the first
   * time (undefined when that was never noted).
   */
  replayOf(answer: object): { print: unknown } | undefined {
    return this.replays.get(answer);
  }

  /** Notes what printing did for a recorded request, for a replay to report instead of printing twice. */
  notePrint(actor: Actor, idempotencyKey: string | undefined, print: unknown): void {
    if (idempotencyKey === undefined) return;
    try {
      notePrint(this.ctx, actor.stationId, idempotencyKey, print);
    } catch (error) {
      // The sale and its record stand; a replay then says the tickets went to print the first time.
      console.error('[marquee] could not note the print outcome of a sale request', error);
    }
  }

  private changed(performanceId: string | null, unitIds: number[], kind?: LedgerKind, orderId?: string | null): void {
    if (performanceId && unitIds.length) this.office.bus.emit('unitsChanged', { performanceId, unitIds });
    if (kind) this.office.bus.emit('salesChanged', { kind, performanceId, orderId: orderId ?? null });
  }

  holdSeats(actor: Actor, input: HoldInput) {
    const result = this.ctx.immediate(() => holdSeats(this.ctx, actor, input));
    this.changed(result.performanceId, result.unitIds);
    return result;
  }

  holdBestAvailable(actor: Actor, input: { performanceId: string; quantity: number; category?: string | undefined; holdId?: string | undefined }) {
    const result = this.ctx.immediate(() => holdBestAvailable(this.ctx, actor, input));
    this.changed(result.performanceId, result.unitIds);
    return result;
  }

  suggestBestAvailable(input: { performanceId: string; quantity: number; category?: string | undefined }) {
    const suggestion = suggestBestAvailable(this.ctx, input, this.ctx.clock.now());
    const labels = labelsOf(this.ctx, suggestion.unitIds);
    return { ...suggestion, labels: suggestion.unitIds.map((id) => labels.get(id) ?? String(id)) };
  }

  /** Every unit's state as the screens read it (an expired hold is available): [unitId, state] pairs. */
  availability(performanceId: string): [number, string][] {
    return this.ctx.st.availability.all(this.ctx.clock.now(), performanceId) as [number, string][];
  }

  releaseHold(actor: Actor, input: { holdId: string; unitIds?: number[] | undefined }) {
    const result = this.ctx.immediate(() => releaseHold(this.ctx, actor, input));
    this.changed(result.performanceId, result.unitIds);
    return { releasedUnitIds: result.unitIds };
  }

  extendHold(actor: Actor, input: { holdId: string; minutes?: number | undefined }) {
    const result = this.ctx.immediate(() => extendHold(this.ctx, actor, input));
    this.changed(result.performanceId, result.unitIds);
    return { holdId: result.holdId, expiresAt: result.expiresAt };
  }

  /** `asked`: what the window sent, when `input` adds defaults to it (the request key's hash is of what was asked). */
  reserveSeats(actor: Actor, input: { holdId: string; customer: Customer; deadlineAt?: number | undefined; idempotencyKey?: string | undefined }, asked?: object) {
    const request = this.request('reserveSeats', input, asked);
    const result = this.once(actor, request, () => {
      const made = reserveSeats(this.ctx, actor, input);
      // Only the reservation is the answer; the unit rows go to the events below, not into the record.
      return { reservation: made.reservation, unitIds: made.units.map((u) => u.id) };
    });
    const replay = this.replays.get(result);
    if (replay) this.replays.set(result.reservation, replay);
    else this.changed(result.reservation.performanceId, result.unitIds, 'reservation.created');
    return result.reservation;
  }

  cancelReservation(actor: Actor, input: { reservationId: string }) {
    const result = this.ctx.immediate(() => endReservation(this.ctx, actor, input.reservationId, 'cancelled'));
    this.changed(result.reservation.performanceId, result.units.map((u) => u.id), 'reservation.cancelled');
    return result.reservation;
  }

  findReservation(input: { reference: string }) {
    const reservation = findReservationByReference(this.ctx, input.reference);
    const units = this.ctx.st.reservedUnits.all(reservation.id) as { id: number; category: string }[];
    const labels = labelsOf(this.ctx, units.map((u) => u.id));
    return { reservation, units: units.map((u) => ({ unitId: u.id, label: labels.get(u.id) ?? '', category: u.category })) };
  }

  getReservation(reservationId: string) {
    return requireReservation(this.ctx, reservationId);
  }

  /** The basket's figures from the same pricing a sale uses; writes nothing. */
  quote(actor: Actor, input: Pick<BookInput, 'holdId' | 'reservationId' | 'lines' | 'discountCode'>): SaleQuote {
    return quoteSale(this.ctx, actor, input);
  }

  /**
   * Manager approval is needed to override a price or to let "complimentary" pay for priced seats.
   * Approvals arrive with the manager's PIN already checked (verifyApproval, asynchronously, in the
   * handler): scrypt never runs on this synchronous path.
   */
  book(actor: Actor, input: BookInput & { approver?: VerifiedApprover | undefined; idempotencyKey?: string | undefined }, asked?: object): BookResult {
    const request = this.request('bookSeats', input, asked);
    const earlier = this.recorded<BookResult>(actor, request);
    if (earlier) return earlier;
    const needsManager = input.lines.some((l) => l.priceMinor !== undefined) || input.payments.some((p) => p.method === 'complimentary' && (p.amountMinor === undefined || p.amountMinor > 0));
    const approvedBy = needsManager ? authorize(this.deps(), actor, 'manager', 'Overriding a price or giving seats away', input.approver) : null;
    const result = this.once(actor, request, () => bookSeats(this.ctx, actor, input, needsManager ? approvedBy : null));
    if (!this.replays.has(result)) this.changed(result.order.performanceId, result.unitIds, 'order.booked', result.order.id);
    return result;
  }

  refund(
    actor: Actor,
    input: { orderId: string; ticketIds?: string[] | undefined; method: RefundMethod; reference?: string | undefined; approver?: VerifiedApprover | undefined; idempotencyKey?: string | undefined },
    asked?: object,
  ) {
    const request = this.request('refundTickets', input, asked);
    const earlier = this.recorded<ReturnType<typeof refundTickets>>(actor, request);
    if (earlier) return earlier;
    // The amount decides whether a manager must approve; it is checked again inside the transaction.
    const amount = refundTotal(this.ctx, input.orderId, input.ticketIds);
    const approvedBy = amount > refundLimit(this.ctx) ? authorize(this.deps(), actor, 'manager', 'A refund over the cashier limit', input.approver) : null;
    const result = this.once(actor, request, () => refundTickets(this.ctx, actor, input, approvedBy));
    if (!this.replays.has(result)) this.changed(result.order.performanceId, result.unitIds, 'order.refunded', result.order.id);
    return result;
  }

  exchange(actor: Actor, input: ExchangeInput & { approver?: VerifiedApprover | undefined; idempotencyKey?: string | undefined }, asked?: object) {
    const request = this.request('exchangeTickets', input, asked);
    const earlier = this.recorded<ReturnType<typeof exchangeTickets>>(actor, request);
    if (earlier) return earlier;
    const quote = priceExchange(this.ctx, actor, input, this.ctx.clock.now());
    const approvedBy =
      exchangeMoneyBack(quote.difference) > refundLimit(this.ctx)
        ? authorize(this.deps(), actor, 'manager', 'Handing back money over the cashier limit', input.approver)
        : null;
    const result = this.once(actor, request, () => exchangeTickets(this.ctx, actor, input, approvedBy));
    if (this.replays.has(result)) return result;
    for (const c of result.changed) this.changed(c.performanceId, c.unitIds);
    this.changed(result.newOrder.performanceId, [], 'order.exchanged', result.newOrder.id);
    return result;
  }

  reprint(actor: Actor, input: { ticketId: string }) {
    const ticket = this.ctx.immediate(() => reprintTicket(this.ctx, actor, input));
    this.changed(ticket.performanceId, [], 'ticket.reprinted', ticket.orderId);
    return ticket;
  }

  checkIn(actor: Actor, input: { code: string; performanceId: string }) {
    const answer = this.ctx.immediate(() => checkIn(this.ctx, actor, input));
    if (answer.status === 'admitted') this.changed(input.performanceId, [], 'ticket.checked-in', answer.ticket?.orderId);
    return answer;
  }

  undoCheckIn(actor: Actor, input: { ticketId: string }) {
    const ticket = this.ctx.immediate(() => undoCheckIn(this.ctx, actor, input));
    this.changed(ticket.performanceId, [], 'ticket.check-in-undone', ticket.orderId);
    return ticket;
  }

  createBlock(actor: Actor, input: { performanceId: string; unitIds: number[]; name: string; releaseAt?: number | undefined; approver?: VerifiedApprover | undefined }) {
    authorize(this.deps(), actor, 'manager', 'Blocking seats', input.approver);
    const result = this.ctx.immediate(() => createBlock(this.ctx, actor, input));
    this.changed(result.block.performanceId, result.units.map((u) => u.id), 'block.created');
    return result.block;
  }

  releaseBlock(actor: Actor, input: { blockId: string; approver?: VerifiedApprover | undefined }) {
    authorize(this.deps(), actor, 'manager', 'Releasing blocked seats', input.approver);
    const result = this.ctx.immediate(() => releaseBlock(this.ctx, actor, input));
    this.changed(result.block.performanceId, result.units.map((u) => u.id), 'block.released');
    return result.block;
  }

  createDiscountCode(
    actor: Actor,
    input: { code: string; kind: 'percent' | 'fixed'; value: number; eventId?: string | null | undefined; validFrom?: number | null | undefined; validUntil?: number | null | undefined; maxUses?: number | null | undefined; approver?: VerifiedApprover | undefined },
  ): DiscountCodeRow {
    authorize(this.deps(), actor, 'manager', 'Creating a discount code', input.approver);
    const code = input.code.trim().toUpperCase();
    if (!/^[A-Z0-9-]{3,32}$/.test(code)) throw new MarqueeError('BAD_INPUT', 'A discount code is 3 to 32 letters, digits or dashes.');
    if (input.kind === 'percent' && (input.value < 1 || input.value > 10_000)) throw new MarqueeError('BAD_INPUT', 'A percent discount is between 0.01 % and 100 % (1 to 10000 basis points).');
    const row: DiscountCodeRow = {
      id: newId(),
      code,
      kind: input.kind,
      value: input.value,
      eventId: input.eventId ?? null,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      maxUses: input.maxUses ?? null,
      uses: 0,
      active: 1,
      createdAt: this.ctx.clock.now(),
    };
    this.ctx.immediate(() => {
      if (this.ctx.st.discountByCode.get(code)) throw new MarqueeError('CONFLICT', `The discount code ${code} already exists.`);
      this.ctx.st.insertDiscount.run(row);
    });
    return row;
  }

  getOrder(orderId: string): { order: OrderRow; tickets: (TicketRow & { label: string })[]; payments: PaymentRow[] } {
    const order = requireOrder(this.ctx, orderId);
    const tickets = orderTickets(this.ctx, orderId);
    const labels = labelsOf(this.ctx, tickets.map((t) => t.unitId));
    const payments = (this.ctx.st.orderPayments.all(orderId) as Record<string, unknown>[]).map((p) => fromDriver<PaymentRow>(paymentsTable, p));
    return { order, tickets: tickets.map((t) => ({ ...t, label: labels.get(t.unitId) ?? '' })), payments };
  }

  sweep(): SweepResult {
    // Recorded sale requests are pruned hourly, not every few seconds: the table has no index on time.
    const now = this.ctx.clock.now();
    const prune = now - this.prunedAt >= PRUNE_SALE_REQUESTS_EVERY_MS;
    const result = this.ctx.immediate(() => sweepExpired(this.ctx, this.office.identity.id, { pruneSaleRequests: prune }));
    if (prune) this.prunedAt = now;
    for (const [performanceId, unitIds] of result.changed) this.changed(performanceId, unitIds);
    return result;
  }
}

const PRUNE_SALE_REQUESTS_EVERY_MS = 3_600_000;

/**
 * Runs the engine's sweeper every `intervalMs` (default 5 s); the returned function stops it.
 * The running box office (src-main/app/compose.ts) starts it once, with its one engine.
 */
export function startSalesSweeper(engine: SalesEngine, intervalMs = 5_000): () => void {
  const timer = setInterval(() => {
    try {
      engine.sweep();
    } catch (error) {
      console.error('[marquee] sales sweeper failed', error);
    }
  }, intervalMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
