import { randomInt } from 'node:crypto';
import { newId } from './ids.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { reservations, units, type ReservationRow, type UnitRow } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import type { SalesContext } from './context.ts';
import { requireOnSale } from './gate.ts';
import { requireLiveHold } from './holds.ts';
import { fromDriver } from './rows.ts';

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: a reference read out over the phone cannot be misheard. */
export const REFERENCE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

export interface Customer {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
}

function newReference(ctx: SalesContext): string {
  for (;;) {
    let ref = '';
    for (let i = 0; i < 6; i++) ref += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
    if (!ctx.st.referenceTaken.get(ref)) return ref;
  }
}

export const unitRows = (raw: unknown[]): UnitRow[] => raw.map((r) => fromDriver<UnitRow>(units, r as Record<string, unknown>));
const reservationRow = (raw: unknown): ReservationRow => fromDriver<ReservationRow>(reservations, raw as Record<string, unknown>);

export function reserveSeats(
  ctx: SalesContext,
  actor: Actor,
  input: { holdId: string; customer: Customer; deadlineAt?: number | undefined },
): { reservation: ReservationRow; units: UnitRow[] } {
  const now = ctx.clock.now();
  const { customer } = input;
  if (!customer.name.trim()) throw new MarqueeError('BAD_INPUT', 'A reservation needs the customer’s name.');
  if (!customer.phone?.trim() && !customer.email?.trim()) {
    throw new MarqueeError('BAD_INPUT', 'A reservation needs the customer’s phone number or e-mail address.');
  }
  if (input.deadlineAt !== undefined && input.deadlineAt <= now) throw new MarqueeError('BAD_INPUT', 'The collection deadline is already past.');
  const hold = requireLiveHold(ctx, actor, input.holdId, now);
  requireOnSale(ctx, hold.performanceId, now);
  const reservation: ReservationRow = {
    id: newId(now),
    reference: newReference(ctx),
    performanceId: hold.performanceId,
    customerName: customer.name.trim(),
    customerPhone: customer.phone?.trim() || null,
    customerEmail: customer.email?.trim() || null,
    deadlineAt: input.deadlineAt ?? null,
    state: 'active',
    orderId: null,
    stationId: actor.stationId,
    staffId: actor.staffId,
    createdAt: now,
    updatedAt: now,
  };
  ctx.st.insertReservation.run(reservation);
  const changed = unitRows(ctx.st.reserveHeld.all({ reservationId: reservation.id, holdId: hold.id }));
  if (changed.length === 0) throw new MarqueeError('HOLD_EXPIRED', 'The hold has no seats left to reserve; choose the seats again.');
  ctx.ledger.append({
    kind: 'reservation.created',
    at: now,
    actor,
    performanceId: hold.performanceId,
    rows: { reservations: [reservation], units: changed },
  });
  return { reservation, units: changed };
}

export function requireReservation(ctx: SalesContext, reservationId: string): ReservationRow {
  const raw = ctx.st.reservation.get(reservationId);
  if (!raw) throw new MarqueeError('NOT_FOUND', `There is no reservation with id ${reservationId}.`);
  return reservationRow(raw);
}

export function findReservationByReference(ctx: SalesContext, reference: string): ReservationRow {
  const raw = ctx.st.reservationByReference.get(reference.trim().toUpperCase());
  if (!raw) throw new MarqueeError('NOT_FOUND', `No reservation has the reference ${reference.trim().toUpperCase()}.`);
  return reservationRow(raw);
}

/** Ends a reservation (cancelled by a cashier, or expired by the sweeper) and frees its seats. */
export function endReservation(
  ctx: SalesContext,
  actor: Pick<Actor, 'stationId'> & { staffId: string | null },
  reservationId: string,
  state: 'cancelled' | 'expired',
): { reservation: ReservationRow; units: UnitRow[] } {
  const now = ctx.clock.now();
  const current = requireReservation(ctx, reservationId);
  if (current.state !== 'active') {
    throw new MarqueeError('CONFLICT', `Reservation ${current.reference} is already ${current.state}.`);
  }
  const changed = unitRows(ctx.st.releaseReserved.all(reservationId));
  const reservation = reservationRow(ctx.st.setReservationState.get({ id: reservationId, state, orderId: null, now }));
  ctx.ledger.append({
    kind: state === 'cancelled' ? 'reservation.cancelled' : 'reservation.expired',
    at: now,
    actor,
    performanceId: reservation.performanceId,
    rows: { reservations: [reservation], units: changed },
  });
  return { reservation, units: changed };
}
