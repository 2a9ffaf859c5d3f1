import { newId } from './ids.ts';
import { labelList } from '../../src-shared/seat-label.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { discountCodes, reservations, type DiscountCodeRow, type OrderRow, type ReservationRow, type TicketRow, type UnitRow } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import { HELD_FOR_SALE_KEYS, PRICE_BAND_KEYS, type SalesContext } from './context.ts';
import { requireLateSaleConfirmed, requireOnSaleWith, type PerformanceGate } from './gate.ts';
import { checkLiveHold } from './holds.ts';
import { settle, type TenderInput } from './payments.ts';
import { bandApplies, priceOrder, type Discount, type PricedOrder } from '../../src-shared/pricing/index.ts';
import { requireReservation, type Customer } from './reservations.ts';
import { fromDriver, objectsOf } from './rows.ts';
import { ticketCode } from './ticket-code.ts';
import { takeReceiptNumber } from './receipt-numbers.ts';
import { labelsOf } from './unit-checks.ts';

export interface SaleLine {
  unitId: number;
  priceBandId: string;
  /** A manager's price override for this unit, in minor units. */
  priceMinor?: number | undefined;
}

export interface BookInput {
  holdId?: string | undefined;
  reservationId?: string | undefined;
  lines: SaleLine[];
  discountCode?: string | undefined;
  customer?: Customer | undefined;
  payments: TenderInput[];
  /** The window confirmed selling after curtain-up (gate.ts requireLateSaleConfirmed). */
  afterCurtainUp?: boolean | undefined;
}

export interface IssuedTicket {
  ticketId: string;
  unitId: number;
  label: string;
  bandName: string;
  totalMinor: number;
  code: string;
}

export interface BookResult {
  order: OrderRow;
  tickets: IssuedTicket[];
  changeMinor: number;
  unitIds: number[];
}

/** What pricing needs of a unit being sold; the label rides along for the answer. */
export interface SaleUnit {
  id: number;
  category: string;
  label?: string | null;
}

/** A held unit's whole row as read in the sale's transaction, with its label. */
type HeldForSale = UnitRow & { label: string | null };

/** The row bookHeldUnit leaves behind: the same changes as its SET, applied to the row read before it. */
function bookedUnit(unit: HeldForSale, ticketId: string): UnitRow {
  const { label: _label, ...row } = unit;
  return { ...row, state: 'booked', ticketId, holdId: null, holdStationId: null, holdExpiresAt: null, version: row.version + 1 };
}

interface Band {
  id: string;
  eventId: string;
  name: string;
  category: string | null;
  priceMinor: number;
  taxRateBp: number;
  taxIncluded: number;
}

/** Checks each unit has exactly one line with a band of this event and the unit's category. */
export function priceLines<U extends SaleUnit>(
  ctx: SalesContext,
  perf: PerformanceGate,
  sourceUnits: U[],
  lines: SaleLine[],
  discount: Discount | null,
): { priced: PricedOrder; bands: Band[]; ordered: U[] } {
  const byId = new Map(sourceUnits.map((u) => [u.id, u]));
  const seen = new Set<number>();
  const bands: Band[] = [];
  const ordered: U[] = [];
  // Most sales price every seat with the same band or two: read each band once.
  const bandsById = new Map<string, Band | undefined>();
  const labels = () => labelsOf(ctx, [...byId.keys(), ...lines.map((l) => l.unitId)]);
  for (const line of lines) {
    const unit = byId.get(line.unitId);
    if (!unit) throw new MarqueeError('BAD_INPUT', `Seat ${labels().get(line.unitId) ?? line.unitId} is not part of this hold or reservation.`);
    if (seen.has(line.unitId)) throw new MarqueeError('BAD_INPUT', `Seat ${labels().get(line.unitId)} has more than one price line.`);
    seen.add(line.unitId);
    let band = bandsById.get(line.priceBandId);
    if (!band && !bandsById.has(line.priceBandId)) {
      const raw = ctx.st.priceBand.get(line.priceBandId) as unknown[] | undefined;
      band = raw && objectsOf<Band>(PRICE_BAND_KEYS, [raw])[0];
      bandsById.set(line.priceBandId, band);
    }
    if (!band || band.eventId !== perf.eventId) throw new MarqueeError('BAD_INPUT', `Price band ${line.priceBandId} is not a price of this show.`);
    if (!bandApplies(band, unit.category)) {
      throw new MarqueeError('BAD_INPUT', `${band.name} (${band.category}) does not apply to seat ${labels().get(unit.id)}, which is ${unit.category}.`);
    }
    bands.push(band);
    ordered.push(unit);
  }
  const missing = sourceUnits.filter((u) => !seen.has(u.id));
  if (missing.length) {
    const l = labels();
    throw new MarqueeError('BAD_INPUT', `Choose a price for ${labelList(missing.map((u) => l.get(u.id) ?? String(u.id)))}.`, { unitIds: missing.map((u) => u.id) });
  }
  // The one pricing rule the screens show too (src-shared/pricing); band rows keep taxIncluded as 0/1.
  const priced = priceOrder(
    lines.map((line, i) => ({ listPriceMinor: line.priceMinor ?? bands[i]!.priceMinor, taxRateBp: bands[i]!.taxRateBp, taxIncluded: bands[i]!.taxIncluded === 1 })),
    discount,
  );
  return { priced, bands, ordered };
}

function findDiscount(ctx: SalesContext, code: string, eventId: string, now: number): DiscountCodeRow {
  const raw = ctx.st.discountByCode.get(code.trim().toUpperCase());
  const row = raw ? fromDriver<DiscountCodeRow>(discountCodes, raw as Record<string, unknown>) : undefined;
  if (!row || !row.active) throw new MarqueeError('BAD_INPUT', `The discount code ${code} does not exist.`);
  if (row.eventId !== null && row.eventId !== eventId) throw new MarqueeError('BAD_INPUT', `The discount code ${row.code} is not valid for this show.`);
  if (row.validFrom !== null && now < row.validFrom) throw new MarqueeError('BAD_INPUT', `The discount code ${row.code} is not valid yet.`);
  if (row.validUntil !== null && now >= row.validUntil) throw new MarqueeError('BAD_INPUT', `The discount code ${row.code} has expired.`);
  if (row.maxUses !== null && row.uses >= row.maxUses) throw new MarqueeError('BAD_INPUT', `The discount code ${row.code} has been used up.`);
  return row;
}

const isHeldRow = (unit: SaleUnit): unit is HeldForSale => 'holdId' in unit && 'version' in unit && 'label' in unit;

/** Writes the tickets for units already checked to be this order's, and books the units. */
export function issueTickets(
  ctx: SalesContext,
  order: OrderRow,
  units: SaleUnit[],
  bands: Band[],
  priced: PricedOrder,
  source: { holdId: string | null; reservationId: string | null },
): { tickets: TicketRow[]; units: UnitRow[] } {
  const secret = ctx.ticketSecret();
  const tickets: TicketRow[] = [];
  const changed: UnitRow[] = [];
  units.forEach((unit, i) => {
    const id = newId(order.createdAt);
    const line = priced.lines[i]!;
    const ticket: TicketRow = {
      id,
      orderId: order.id,
      performanceId: order.performanceId,
      unitId: unit.id,
      priceBandId: bands[i]!.id,
      bandName: bands[i]!.name,
      listPriceMinor: line.listPriceMinor,
      discountMinor: line.discountMinor,
      taxMinor: line.taxMinor,
      // The rate as sold: a band changed later must not change this ticket's receipt or reports.
      taxRateBp: bands[i]!.taxRateBp,
      totalMinor: line.totalMinor,
      code: ticketCode(secret, id),
      state: 'valid',
      // Tickets print as the sale completes; reprints count from here.
      printCount: 1,
      checkedInAt: null,
      checkedInStationId: null,
      checkedInStaffId: null,
      createdAt: order.createdAt,
      updatedAt: order.createdAt,
    };
    ctx.st.insertTicket.run(ticket);
    let booked: UnitRow | undefined;
    if (!source.holdId) {
      booked = ctx.st.bookReservedUnit.get({ ticketId: id, unitId: unit.id, reservationId: source.reservationId }) as UnitRow | undefined;
    } else if (isHeldRow(unit)) {
      // Read in this same write transaction, so the row after the UPDATE is known without RETURNING.
      if (ctx.st.bookHeldUnit.run(id, unit.id, source.holdId).changes === 1) booked = bookedUnit(unit, id);
    } else {
      booked = ctx.st.bookHeldUnitReturning.get({ ticketId: id, unitId: unit.id, holdId: source.holdId }) as UnitRow | undefined;
    }
    if (!booked) throw new MarqueeError('CONFLICT', 'A seat changed while the sale was being written; nothing was charged. Try again.');
    tickets.push(ticket);
    changed.push(booked);
  });
  return { tickets, units: changed };
}

/**
 * Where a sale's seats come from (a live hold at this window, or an active reservation) and what
 * they cost with their bands and discount code. Reads only: a sale and a basket quote share it.
 */
function priceSale(ctx: SalesContext, actor: Actor, input: Pick<BookInput, 'holdId' | 'reservationId' | 'lines' | 'discountCode'>, now: number) {
  if ((input.holdId ? 1 : 0) + (input.reservationId ? 1 : 0) !== 1) {
    throw new MarqueeError('BAD_INPUT', 'A sale books either held seats or a reservation.');
  }
  let performanceId: string;
  let sourceUnits: SaleUnit[];
  let reservation: ReservationRow | null = null;
  if (input.holdId) {
    // The hold is its units: one read gives the hold, its seats and their labels.
    const held = objectsOf<HeldForSale>(HELD_FOR_SALE_KEYS, ctx.st.heldForSale.all(input.holdId) as unknown[][]);
    const first = held[0];
    const hold = checkLiveHold(
      first && { id: input.holdId, performanceId: first.performanceId, stationId: first.holdStationId!, expiresAt: first.holdExpiresAt! },
      actor,
      input.holdId,
      now,
    );
    performanceId = hold.performanceId;
    sourceUnits = held;
  } else {
    reservation = requireReservation(ctx, input.reservationId!);
    if (reservation.state !== 'active') throw new MarqueeError('CONFLICT', `Reservation ${reservation.reference} is ${reservation.state}; it cannot be paid for.`);
    if (reservation.deadlineAt !== null && reservation.deadlineAt <= now) {
      throw new MarqueeError('CONFLICT', `Reservation ${reservation.reference} passed its collection deadline and is being released.`);
    }
    performanceId = reservation.performanceId;
    sourceUnits = ctx.st.reservedForSale.all(reservation.id) as SaleUnit[];
  }
  const [perf, currency] = requireOnSaleWith(ctx, performanceId, now, 'currency');
  const discountRow = input.discountCode ? findDiscount(ctx, input.discountCode, perf.eventId, now) : null;
  const { priced, bands, ordered } = priceLines(ctx, perf, sourceUnits, input.lines, discountRow);
  return { perf, performanceId, reservation, currency, discountRow, priced, bands, ordered };
}

export interface SaleQuote {
  currency: string;
  lines: { unitId: number; listPriceMinor: number; discountMinor: number; taxMinor: number; totalMinor: number }[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** What the sale would charge now, line by line, without writing anything: the basket's figures. */
export function quoteSale(ctx: SalesContext, actor: Actor, input: Pick<BookInput, 'holdId' | 'reservationId' | 'lines' | 'discountCode'>): SaleQuote {
  const { currency, priced, ordered } = priceSale(ctx, actor, input, ctx.clock.now());
  return {
    currency,
    lines: priced.lines.map((line, i) => ({ unitId: ordered[i]!.id, ...line })),
    subtotalMinor: priced.subtotalMinor,
    discountMinor: priced.discountMinor,
    taxMinor: priced.taxMinor,
    totalMinor: priced.totalMinor,
  };
}

export function bookSeats(ctx: SalesContext, actor: Actor, input: BookInput, approvedBy: string | null): BookResult {
  const now = ctx.clock.now();
  const { perf, performanceId, reservation, currency, discountRow, priced, bands, ordered } = priceSale(ctx, actor, input, now);
  requireLateSaleConfirmed(perf, now, input.afterCurtainUp);
  const orderId = newId(now);
  const { rows: paymentRows, changeMinor } = settle(input.payments, priced.totalMinor, { orderId, actor, now, currency });
  const customer = reservation
    ? { name: reservation.customerName, phone: reservation.customerPhone, email: reservation.customerEmail }
    : { name: input.customer?.name?.trim() || null, phone: input.customer?.phone?.trim() || null, email: input.customer?.email?.trim() || null };
  const order: OrderRow = {
    id: orderId,
    performanceId,
    reservationId: reservation?.id ?? null,
    exchangedFromOrderId: null,
    customerName: customer.name,
    customerPhone: customer.phone,
    customerEmail: customer.email,
    discountCodeId: discountRow?.id ?? null,
    currency,
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
  ctx.st.insertOrder.run(order);
  const issued = issueTickets(ctx, order, ordered, bands, priced, { holdId: input.holdId ?? null, reservationId: reservation?.id ?? null });
  for (const p of paymentRows) ctx.st.insertPayment.run(p);
  const rows: Parameters<SalesContext['ledger']['append']>[0]['rows'] = {
    orders: [order],
    tickets: issued.tickets,
    payments: paymentRows,
    units: issued.units,
    // The receipt's consecutive number, taken in this transaction (receipt-numbers.ts).
    receipt_numbers: [takeReceiptNumber(ctx.sqlite, orderId)],
  };
  if (discountRow) {
    const used = ctx.st.useDiscount.get(discountRow.id);
    if (!used) throw new MarqueeError('BAD_INPUT', `The discount code ${discountRow.code} has been used up.`);
    rows.discount_codes = [fromDriver(discountCodes, used as Record<string, unknown>)];
  }
  if (reservation) {
    const collected = ctx.st.setReservationState.get({ id: reservation.id, state: 'collected', orderId, now });
    rows.reservations = [fromDriver(reservations, collected as Record<string, unknown>)];
  }
  ctx.ledger.append({ kind: 'order.booked', at: now, actor, performanceId, orderId, rows, extra: approvedBy ? { approvedBy } : undefined });
  return {
    order,
    changeMinor,
    unitIds: ordered.map((u) => u.id),
    tickets: issued.tickets.map((t, i) => ({
      ticketId: t.id,
      unitId: t.unitId,
      label: ordered[i]!.label ?? String(t.unitId),
      bandName: t.bandName,
      totalMinor: t.totalMinor,
      code: t.code,
    })),
  };
}
