import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { ManualClock } from '../../src-main/core/clock.ts';
import { getSeatMap } from '../../src-main/catalog/seat-map.ts';
import { writeSetting } from '../../src-main/core/settings.ts';
import { ledger, performances } from '../../src-main/db/records/schema.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { checkInvariants } from '../../src-main/sales/invariants.ts';
import { verifyApproval } from '../../src-main/staff/auth.ts';
import { SignInThrottle } from '../../src-main/staff/sign-in-throttle.ts';
import { MarqueeError, type ErrorCode } from '../../src-shared/errors.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { addStation, at, seedAnotherPerformance, seedShow, seedStaff, unitState, type ShowFixture, type StaffFixture } from './fixtures.ts';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const MIN = 60_000;

function expectError(fn: () => unknown, code: ErrorCode, message?: RegExp): MarqueeError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MarqueeError);
    const e = error as MarqueeError;
    expect(e.code).toBe(code);
    if (message) expect(e.message).toMatch(message);
    return e;
  }
  throw new Error(`expected ${code}`);
}

let temp: TempBoxOffice;
let clock: ManualClock;
let engine: SalesEngine;
let show: ShowFixture;
let people: StaffFixture;
let window2: string;

/** A manager's approval typed at the cashier's window, its PIN checked as the sales handler does. */
const approve = (staffId: string, pin: string) =>
  verifyApproval({ records: temp.office.records, clock, throttle: new SignInThrottle(clock) }, people.cashier, { staffId, pin }, { stationId: people.cashier.stationId, peer: 'test' });

const ledgerCount = () => temp.office.records.get<{ n: number }>(sql`select count(*) as n from ledger`).n;

beforeEach(() => {
  clock = new ManualClock(T0);
  temp = openTempBoxOffice({ clock });
  show = seedShow(temp.office);
  people = seedStaff(temp.office);
  window2 = addStation(temp.office, 'Window 2');
  engine = new SalesEngine(temp.office);
});
afterEach(() => {
  // Whatever a test did, the engine's promises still hold and the ledger replays to the same state.
  const problems = checkInvariants(temp.office.records.$client, clock.now());
  temp.dispose();
  expect(problems).toEqual([]);
});

describe('holds', () => {
  it('holds seats for one window and refuses them to another, naming the seats', () => {
    const a1 = show.unit('Stalls A-1');
    const a2 = show.unit('Stalls A-2');
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [a1, a2] });
    expect(hold.labels).toEqual(['Stalls, row A, seat 1', 'Stalls, row A, seat 2']);
    expect(hold.expiresAt).toBe(T0 + 10 * MIN);
    const e = expectError(
      () => engine.holdSeats(at(people.cashier, window2), { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-3'), a2] }),
      'SEATS_UNAVAILABLE',
      /Stalls, row A, seat 2/,
    );
    expect(e.details?.unitIds).toEqual([a2]);
    // All or nothing: A-3 was not taken either.
    expect(unitState(temp.office.records, show.unit('Stalls A-3')).state).toBe('available');
  });

  it('treats an expired hold as free at once and lets the sweeper clear it', () => {
    const a1 = show.unit('Stalls A-1');
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [a1] });
    clock.advance(10 * MIN);
    expect(getSeatMap(temp.office.records, show.performanceId, clock.now()).seats.find((s) => s.unitId === a1)?.state).toBe('available');
    expectError(() => engine.reserveSeats(people.cashier, { holdId: hold.holdId, customer: { name: 'Late', phone: '1' } }), 'HOLD_EXPIRED');
    const other = engine.holdSeats(at(people.cashier, window2), { performanceId: show.performanceId, unitIds: [a1] });
    expect(unitState(temp.office.records, a1).holdId).toBe(other.holdId);
    clock.advance(11 * MIN);
    const swept = engine.sweep();
    expect(swept.expiredHoldUnits).toBe(1);
    expect(unitState(temp.office.records, a1).state).toBe('available');
  });

  it('extends a hold and releases part of it', () => {
    const ids = [show.unit('Stalls A-1'), show.unit('Stalls A-2')];
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: ids });
    clock.advance(8 * MIN);
    const extended = engine.extendHold(people.cashier, { holdId: hold.holdId, minutes: 5 });
    expect(extended.expiresAt).toBe(T0 + 13 * MIN);
    expect(unitState(temp.office.records, ids[0]!).holdExpiresAt).toBe(T0 + 13 * MIN);
    expect(engine.releaseHold(people.cashier, { holdId: hold.holdId, unitIds: [ids[0]!] }).releasedUnitIds).toEqual([ids[0]]);
    expectError(() => engine.releaseHold(at(people.cashier, window2), { holdId: hold.holdId }), 'FORBIDDEN');
    expect(unitState(temp.office.records, ids[1]!).state).toBe('held');
  });

  it('suggests adjacent best seats nearest the front centre, then the best split', () => {
    const best = engine.holdBestAvailable(people.cashier, { performanceId: show.performanceId, quantity: 2 });
    expect(best.adjacent).toBe(true);
    expect(best.labels.sort()).toEqual(['Stalls, row A, seat 4', 'Stalls, row A, seat 5']);
    const std = engine.suggestBestAvailable({ performanceId: show.performanceId, quantity: 3, category: 'Standard' });
    expect(std.labels.every((l) => l.startsWith('Stalls, row C, '))).toBe(true);
    // Break every row into runs of at most 3, then ask for 5: no 5 together, a split comes back.
    const blockers = show.seatUnitIds.filter((id, i) => i % 4 === 3);
    engine.createBlock(people.manager, { performanceId: show.performanceId, unitIds: blockers.filter((id) => unitState(temp.office.records, id).state === 'available'), name: 'Gaps' });
    const split = engine.suggestBestAvailable({ performanceId: show.performanceId, quantity: 5 });
    expect(split.adjacent).toBe(false);
    expect(split.unitIds).toHaveLength(5);
    expectError(() => engine.suggestBestAvailable({ performanceId: show.performanceId, quantity: 500 }), 'SEATS_UNAVAILABLE', /left/);
  });

  it('holds general-admission places by quantity and refuses more than are left', () => {
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, places: [{ areaId: show.areaId!, quantity: 7 }] });
    expect(hold.unitIds).toHaveLength(7);
    expectError(
      () => engine.holdSeats(at(people.cashier, window2), { performanceId: show.performanceId, places: [{ areaId: show.areaId!, quantity: 4 }] }),
      'SEATS_UNAVAILABLE',
      /Only 3 place/,
    );
  });

  it('refuses bad input with nothing written', () => {
    const before = temp.office.records.get<{ n: number }>(sql`select count(*) as n from units where hold_id is not null`).n;
    expectError(() => engine.holdSeats(people.cashier, { performanceId: '01J00000000000000000000000', unitIds: [1] }), 'NOT_FOUND');
    expectError(() => engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [999_999] }), 'BAD_INPUT', /not part/);
    temp.office.records.update(performances).set({ state: 'off_sale' }).where(eq(performances.id, show.performanceId)).run();
    expectError(() => engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-1')] }), 'OFF_SALE');
    temp.office.records.update(performances).set({ state: 'cancelled' }).where(eq(performances.id, show.performanceId)).run();
    expectError(() => engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-1')] }), 'OFF_SALE', /cancelled/);
    expect(temp.office.records.get<{ n: number }>(sql`select count(*) as n from units where hold_id is not null`).n).toBe(before);
  });
});

describe('reservations', () => {
  it('reserves for a named customer with a short unambiguous reference, and cancels', () => {
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit('Stalls B-1')] });
    expectError(() => engine.reserveSeats(people.cashier, { holdId: hold.holdId, customer: { name: 'Ann' } }), 'BAD_INPUT', /phone/);
    const r = engine.reserveSeats(people.cashier, { holdId: hold.holdId, customer: { name: 'Ann', email: 'ann@example.org' } });
    expect(r.reference).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(engine.findReservation({ reference: r.reference.toLowerCase() }).units[0]?.label).toBe('Stalls, row B, seat 1');
    expect(unitState(temp.office.records, show.unit('Stalls B-1')).state).toBe('reserved');
    const cancelled = engine.cancelReservation(people.cashier, { reservationId: r.id });
    expect(cancelled.state).toBe('cancelled');
    expect(unitState(temp.office.records, show.unit('Stalls B-1')).state).toBe('available');
    expectError(() => engine.cancelReservation(people.cashier, { reservationId: r.id }), 'CONFLICT');
  });

  it('expires a reservation at its deadline with a ledger entry', () => {
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit('Stalls B-2')] });
    const r = engine.reserveSeats(people.cashier, { holdId: hold.holdId, customer: { name: 'Bo', phone: '0123' }, deadlineAt: T0 + 30 * MIN });
    clock.advance(31 * MIN);
    expectError(() => engine.book(people.cashier, { reservationId: r.id, lines: [{ unitId: show.unit('Stalls B-2'), priceBandId: show.bands.adult }], payments: [{ method: 'cash', amountMinor: 2500 }] }), 'CONFLICT', /deadline/);
    expect(engine.sweep().expiredReservations).toBe(1);
    expect(engine.getReservation(r.id).state).toBe('expired');
    const last = temp.office.records.select().from(ledger).orderBy(sql`seq desc`).limit(1).get()!;
    expect(last.kind).toBe('reservation.expired');
    expect(unitState(temp.office.records, show.unit('Stalls B-2')).state).toBe('available');
  });
});

describe('booking', () => {
  it('books held seats with bands, tax and split payments, and gives change', () => {
    const ids = [show.unit('Stalls C-1'), show.unit('Stalls C-2'), show.unit('Stalls C-3')];
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: ids });
    const result = engine.book(people.cashier, {
      holdId: hold.holdId,
      lines: [
        { unitId: ids[0]!, priceBandId: show.bands.adult },
        { unitId: ids[1]!, priceBandId: show.bands.concession },
        { unitId: ids[2]!, priceBandId: show.bands.taxAdded },
      ],
      payments: [
        { method: 'card', amountMinor: 3000, reference: 'AUTH1' },
        { method: 'cash', amountMinor: 2400, tenderedMinor: 5000 },
      ],
    });
    // 2500 + 1800 (20 % included) + 1000 net + 10 % added = 5400.
    expect(result.order.totalMinor).toBe(5400);
    expect(result.order.taxMinor).toBe(417 + 300 + 100);
    expect(result.changeMinor).toBe(2600);
    expect(result.tickets.map((t) => t.label)).toEqual(['Stalls, row C, seat 1', 'Stalls, row C, seat 2', 'Stalls, row C, seat 3']);
    for (const id of ids) expect(unitState(temp.office.records, id).state).toBe('booked');
    const row = temp.office.records.select().from(ledger).where(eq(ledger.orderId, result.order.id)).get()!;
    expect(row.kind).toBe('order.booked');
    const payload = row.payload as { rows: Record<string, unknown[]> };
    expect(Object.keys(payload.rows).sort()).toEqual(['orders', 'payments', 'receipt_numbers', 'tickets', 'units']);
    expect(payload.rows.units).toHaveLength(3);
  });

  it('refuses a short payment, a wrong band and an expired hold, writing nothing', () => {
    const id = show.unit('Stalls C-4');
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [id] });
    const before = ledgerCount();
    const line = [{ unitId: id, priceBandId: show.bands.adult }];
    expectError(() => engine.book(people.cashier, { holdId: hold.holdId, lines: line, payments: [{ method: 'cash', amountMinor: 2000 }] }), 'PAYMENT_SHORT', /short by GBP 5.00/);
    expectError(() => engine.book(people.cashier, { holdId: hold.holdId, lines: [{ unitId: id, priceBandId: show.bands.premium }], payments: [{ method: 'cash', amountMinor: 4000 }] }), 'BAD_INPUT', /Premium/);
    expectError(() => engine.book(people.cashier, { holdId: hold.holdId, lines: [], payments: [] }), 'BAD_INPUT', /Choose a price/);
    expectError(() => engine.book(at(people.cashier, window2), { holdId: hold.holdId, lines: line, payments: [{ method: 'cash', amountMinor: 2500 }] }), 'FORBIDDEN');
    clock.advance(10 * MIN);
    expectError(() => engine.book(people.cashier, { holdId: hold.holdId, lines: line, payments: [{ method: 'cash', amountMinor: 2500 }] }), 'HOLD_EXPIRED');
    expect(ledgerCount()).toBe(before);
    expect(temp.office.records.get<{ n: number }>(sql`select count(*) as n from orders`).n).toBe(0);
  });

  it('applies percent and fixed discount codes with validity and use limits', () => {
    const code10 = engine.createDiscountCode(people.manager, { code: 'ten', kind: 'percent', value: 1000 });
    expect(code10.code).toBe('TEN');
    engine.createDiscountCode(people.manager, { code: 'FIVER', kind: 'fixed', value: 500, maxUses: 1 });
    engine.createDiscountCode(people.manager, { code: 'OLD', kind: 'fixed', value: 500, validUntil: T0 - 1 });
    expectError(() => engine.createDiscountCode(people.cashier, { code: 'NOPE', kind: 'fixed', value: 1 }), 'FORBIDDEN');
    const sell = (label: string, code: string, amount: number) => {
      const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit(label), show.unit(label.replace(/\d+$/, (n) => String(Number(n) + 1)))] });
      return engine.book(people.cashier, {
        holdId: hold.holdId,
        lines: hold.unitIds.map((unitId, i) => ({ unitId, priceBandId: i === 0 ? show.bands.adult : show.bands.concession })),
        discountCode: code,
        payments: [{ method: 'card', amountMinor: amount }],
      });
    };
    expect(sell('Stalls D-1', 'ten', 3870).order.discountMinor).toBe(430);
    const fixed = sell('Stalls D-3', 'FIVER', 3800);
    expect(fixed.order.discountMinor).toBe(500);
    expect(fixed.tickets.reduce((a, t) => a + t.totalMinor, 0)).toBe(3800);
    expectError(() => sell('Stalls D-5', 'FIVER', 3800), 'BAD_INPUT', /used up/);
    expectError(() => sell('Stalls D-7', 'OLD', 3800), 'BAD_INPUT', /expired/);
  });

  it('needs a manager to override a price, approved with their own PIN at the cashier window', async () => {
    const id = show.unit('Stalls D-8');
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [id] });
    const input = { holdId: hold.holdId, lines: [{ unitId: id, priceBandId: show.bands.adult, priceMinor: 1000 }], payments: [{ method: 'cash' as const, amountMinor: 1000 }] };
    expectError(() => engine.book(people.cashier, input), 'FORBIDDEN', /manager/);
    await expect(approve(people.manager.staffId, '9999')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const byCashier = await approve(people.cashier.staffId, '1111');
    expectError(() => engine.book(people.cashier, { ...input, approver: byCashier }), 'FORBIDDEN', /cannot approve/);
    const sold = engine.book(people.cashier, { ...input, approver: await approve(people.manager.staffId, '2222') });
    expect(sold.order.totalMinor).toBe(1000);
    expect(sold.order.approvedBy).toBe(people.manager.staffId);
  });

  it('collects a reservation by paying for it', () => {
    const ids = [show.unit('Stalls B-5'), show.unit('Stalls B-6')];
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: ids });
    const r = engine.reserveSeats(people.cashier, { holdId: hold.holdId, customer: { name: 'Cy', phone: '555' } });
    const sold = engine.book(at(people.cashier, window2), { reservationId: r.id, lines: ids.map((unitId) => ({ unitId, priceBandId: show.bands.comp })), payments: [] });
    expect(sold.order.customerName).toBe('Cy');
    expect(sold.order.totalMinor).toBe(0);
    expect(engine.getReservation(r.id).state).toBe('collected');
  });
});

describe('after the sale', () => {
  function sellTwo(labels = ['Stalls C-5', 'Stalls C-6']) {
    const ids = labels.map((l) => show.unit(l));
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: ids });
    return engine.book(people.cashier, { holdId: hold.holdId, lines: ids.map((unitId) => ({ unitId, priceBandId: show.bands.adult })), payments: [{ method: 'cash', amountMinor: 5000 }] });
  }

  it('refunds some then all tickets as negative payments, returning the seats to sale', () => {
    const sold = sellTwo();
    const first = engine.refund(people.cashier, { orderId: sold.order.id, ticketIds: [sold.tickets[0]!.ticketId], method: 'cash' });
    expect(first.order.state).toBe('part_refunded');
    expect(unitState(temp.office.records, sold.tickets[0]!.unitId).state).toBe('available');
    const again = engine.refund(people.cashier, { orderId: sold.order.id, method: 'cash' });
    expect(again.refundedMinor).toBe(2500);
    const order = engine.getOrder(sold.order.id);
    expect(order.order.state).toBe('refunded');
    expect(order.payments.map((p) => p.amountMinor)).toEqual([5000, -2500, -2500]);
    expectError(() => engine.refund(people.cashier, { orderId: sold.order.id, method: 'cash' }), 'CONFLICT');
  });

  it('needs a manager for refunds over the cashier limit', async () => {
    writeSetting(temp.office.records, 'refunds.cashierLimitMinor', 3000);
    const sold = sellTwo();
    expectError(() => engine.refund(people.cashier, { orderId: sold.order.id, method: 'card' }), 'FORBIDDEN', /over the cashier limit/);
    const ok = engine.refund(people.cashier, { orderId: sold.order.id, method: 'card', approver: await approve(people.manager.staffId, '2222') });
    expect(ok.refundedMinor).toBe(5000);
  });

  it('exchanges to another performance, settling the difference both ways', () => {
    const sold = sellTwo();
    const later = seedAnotherPerformance(temp.office, show, T0 + 14 * 86_400_000);
    const premium = engine.holdBestAvailable(people.cashier, { performanceId: later, quantity: 2, category: 'Premium' });
    expectError(
      () => engine.exchange(people.cashier, { orderId: sold.order.id, ticketIds: sold.tickets.map((t) => t.ticketId), holdId: premium.holdId, lines: premium.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.premium })) }),
      'PAYMENT_SHORT',
    );
    const up = engine.exchange(people.cashier, {
      orderId: sold.order.id,
      ticketIds: sold.tickets.map((t) => t.ticketId),
      holdId: premium.holdId,
      lines: premium.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.premium })),
      payments: [{ method: 'cash', amountMinor: 3000, tenderedMinor: 4000 }],
    });
    expect(up.differenceMinor).toBe(3000);
    expect(up.changeMinor).toBe(1000);
    expect(up.oldOrder.state).toBe('refunded');
    expect(unitState(temp.office.records, sold.tickets[0]!.unitId).state).toBe('available');
    // And back down to cheaper seats: the difference goes back in cash.
    const cheap = engine.holdSeats(people.cashier, { performanceId: later, unitIds: [] , places: [{ areaId: show.areaId!, quantity: 2 }] });
    const down = engine.exchange(people.cashier, {
      orderId: up.newOrder.id,
      ticketIds: up.tickets.map((t) => t.ticketId),
      holdId: cheap.holdId,
      lines: cheap.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.concession })),
    });
    expect(down.differenceMinor).toBe(3600 - 8000);
    const newOrder = engine.getOrder(down.newOrder.id);
    expect(newOrder.payments.reduce((a, p) => a + p.amountMinor, 0)).toBe(newOrder.order.totalMinor);
  });

  it('needs a manager when an exchange hands back more than the cashier limit, and writes nothing without one', async () => {
    const sold = sellTwo();
    const later = seedAnotherPerformance(temp.office, show, T0 + 14 * 86_400_000);
    const premium = engine.holdBestAvailable(people.cashier, { performanceId: later, quantity: 2, category: 'Premium' });
    const up = engine.exchange(people.cashier, {
      orderId: sold.order.id,
      ticketIds: sold.tickets.map((t) => t.ticketId),
      holdId: premium.holdId,
      lines: premium.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.premium })),
      payments: [{ method: 'card', amountMinor: 3000 }],
    });
    writeSetting(temp.office.records, 'refunds.cashierLimitMinor', 3000);
    const cheap = engine.holdSeats(people.cashier, { performanceId: later, unitIds: [], places: [{ areaId: show.areaId!, quantity: 2 }] });
    const down = {
      orderId: up.newOrder.id,
      ticketIds: up.tickets.map((t) => t.ticketId),
      holdId: cheap.holdId,
      lines: cheap.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.concession })),
    };
    const before = ledgerCount();
    expectError(() => engine.exchange(people.cashier, down), 'FORBIDDEN', /Handing back money over the cashier limit needs a manager/);
    const byCashier = await approve(people.cashier.staffId, '1111');
    expectError(() => engine.exchange(people.cashier, { ...down, approver: byCashier }), 'FORBIDDEN', /cannot approve/);
    expect(ledgerCount()).toBe(before);
    expect(engine.getOrder(up.newOrder.id).tickets.every((t) => t.state === 'valid')).toBe(true);
    const approved = engine.exchange(people.cashier, { ...down, approver: await approve(people.manager.staffId, '2222') });
    expect(approved.differenceMinor).toBe(3600 - 8000);
    expect(approved.newOrder.approvedBy).toBe(people.manager.staffId);
  });

  it('counts reprints and checks tickets in with a clear answer for every case', () => {
    const sold = sellTwo();
    const [t1, t2] = sold.tickets;
    expect(engine.reprint(people.cashier, { ticketId: t1!.ticketId }).printCount).toBe(2);
    const door = addStation(temp.office, 'North door');
    const steward = at(people.cashier, door);
    expect(engine.checkIn(steward, { code: t1!.code, performanceId: show.performanceId }).status).toBe('admitted');
    clock.advance(5 * MIN);
    const again = engine.checkIn(people.cashier, { code: t1!.code.toLowerCase(), performanceId: show.performanceId });
    expect(again.status).toBe('already_used');
    // Where in the sentence; when as an instant, which the door screen shows in the venue's zone.
    expect(again.message).toBe('Already checked in at North door.');
    expect(again.ticket?.checkedInAt).toBe(clock.now() - 5 * MIN);
    const forged = t1!.code.slice(0, 26) + 'AAAAAAAAAAAAAAAA';
    expect(engine.checkIn(steward, { code: forged, performanceId: show.performanceId }).status).toBe('unknown');
    expect(engine.checkIn(steward, { code: 'hello', performanceId: show.performanceId }).status).toBe('unknown');
    const other = seedAnotherPerformance(temp.office, show, T0 + 86_400_000);
    expect(engine.checkIn(steward, { code: t2!.code, performanceId: other }).status).toBe('wrong_performance');
    expectError(() => engine.refund(people.cashier, { orderId: sold.order.id, method: 'cash' }), 'CONFLICT', /undo the check-in/);
    engine.undoCheckIn(people.cashier, { ticketId: t1!.ticketId });
    engine.refund(people.cashier, { orderId: sold.order.id, ticketIds: [t2!.ticketId], method: 'cash' });
    expect(engine.checkIn(steward, { code: t2!.code, performanceId: show.performanceId }).status).toBe('refunded');
    expect(engine.checkIn(steward, { code: t1!.code, performanceId: show.performanceId }).status).toBe('admitted');
    expectError(() => engine.reprint(people.cashier, { ticketId: t2!.ticketId }), 'CONFLICT');
  });

  it('lets only managers block seats, and releases a block at its release time', async () => {
    const ids = [show.unit('Stalls A-7'), show.unit('Stalls A-8')];
    expectError(() => engine.createBlock(people.cashier, { performanceId: show.performanceId, unitIds: ids, name: 'House' }), 'FORBIDDEN');
    const block = engine.createBlock(people.cashier, { performanceId: show.performanceId, unitIds: ids, name: 'House', releaseAt: T0 + 60 * MIN, approver: await approve(people.manager.staffId, '2222') });
    expect(unitState(temp.office.records, ids[0]!).state).toBe('blocked');
    expectError(() => engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: ids }), 'SEATS_UNAVAILABLE');
    clock.advance(61 * MIN);
    expect(engine.sweep().releasedBlocks).toBe(1);
    expect(unitState(temp.office.records, ids[0]!).state).toBe('available');
    expectError(() => engine.releaseBlock(people.manager, { blockId: block.id }), 'CONFLICT');
  });

  it('emits unitsChanged after each committed change, and nothing for a failed one', () => {
    const seen: string[] = [];
    temp.office.bus.subscribe((event, payload) => seen.push(`${event}:${JSON.stringify(payload)}`));
    const id = show.unit('Stalls A-1');
    engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [id] });
    expect(seen).toEqual([`unitsChanged:${JSON.stringify({ performanceId: show.performanceId, unitIds: [id] })}`]);
    expect(() => engine.holdSeats(at(people.cashier, window2), { performanceId: show.performanceId, unitIds: [id] })).toThrow();
    expect(seen).toHaveLength(1);
  });
});

it('keeps staff PIN hashes out of every ledger payload', () => {
  const id = show.unit('Stalls A-1');
  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [id] });
  engine.book(people.cashier, { holdId: hold.holdId, lines: [{ unitId: id, priceBandId: show.bands.adult }], payments: [{ method: 'cash', amountMinor: 2500 }] });
  const payloads = temp.office.records.select({ payload: ledger.payload }).from(ledger).all();
  expect(payloads.length).toBeGreaterThan(0);
  for (const { payload } of payloads) expect(JSON.stringify(payload)).not.toMatch(/pin/i);
});

it('has an invariant checker that notices tampering behind the ledger’s back', () => {
  const id = show.unit('Stalls A-1');
  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [id] });
  engine.book(people.cashier, { holdId: hold.holdId, lines: [{ unitId: id, priceBandId: show.bands.adult }], payments: [{ method: 'cash', amountMinor: 2500 }] });
  const db = temp.office.records.$client;
  db.prepare('UPDATE payments SET amount_minor = amount_minor - 1').run();
  db.prepare(`UPDATE units SET state = 'available', ticket_id = NULL WHERE id = ?`).run(id);
  const problems = checkInvariants(db, clock.now());
  expect(problems.join('\n')).toMatch(/paid 2499/);
  expect(problems.join('\n')).toMatch(/payments .* differs from its ledger replay/);
  expect(problems.join('\n')).toMatch(new RegExp(`unit ${id} is available`));
  db.prepare('UPDATE payments SET amount_minor = amount_minor + 1').run();
  db.prepare(`UPDATE units SET state = 'booked', ticket_id = (SELECT id FROM tickets WHERE unit_id = ?) WHERE id = ?`).run(id, id);
});
