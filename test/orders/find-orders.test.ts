import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { findOrders, findReservations } from '../../src-main/orders/find-orders.ts';
import { orderHistory } from '../../src-main/orders/order-history.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { orderReference } from '../../src-shared/contract/orders.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openWindow } from '../helpers/window.ts';
import { addStation, at, seedAnotherPerformance, seedShow, seedStaff, type ShowFixture, type StaffFixture } from '../sales/fixtures.ts';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

let temp: TempBoxOffice;
let clock: ManualClock;
let engine: SalesEngine;
let show: ShowFixture;
let people: StaffFixture;

beforeEach(() => {
  clock = new ManualClock(T0);
  temp = openTempBoxOffice({ clock });
  show = seedShow(temp.office, { rows: 8 });
  people = seedStaff(temp.office);
  engine = new SalesEngine(temp.office);
});
afterEach(() => temp.dispose());

/** Sells the named seats as Adult tickets paid in cash, one minute after the previous sale. */
function sell(labels: string[], customer?: { name: string; phone?: string }) {
  clock.advance(60_000);
  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: labels.map(show.unit) });
  return engine.book(people.cashier, {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
    ...(customer ? { customer } : {}),
    payments: [{ method: 'cash', amountMinor: 2500 * labels.length }],
  });
}

function reserve(labels: string[], customer: { name: string; phone?: string }) {
  clock.advance(60_000);
  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: labels.map(show.unit) });
  return engine.reserveSeats(people.cashier, { holdId: hold.holdId, customer });
}

describe('findOrders', () => {
  it('finds an order by its reference, id prefix, ticket code, name and phone, newest first', () => {
    const ana = sell(['Stalls C-1', 'Stalls C-2'], { name: 'Ana Lind', phone: '07700 900123' });
    const bo = sell(['Stalls C-3'], { name: 'Bo Anand', phone: '+44 7700 900456' });
    const walkIn = sell(['Stalls C-4']);

    const byRef = findOrders(temp.office.records, orderReference(ana.order.id).toLowerCase());
    expect(byRef.map((o) => o.orderId)).toEqual([ana.order.id]);
    expect(byRef[0]).toMatchObject({ matchedBy: 'reference', ticketCount: 2, validCount: 2, totalMinor: 5000, eventTitle: 'The Test Play', customerName: 'Ana Lind' });

    expect(findOrders(temp.office.records, bo.order.id.slice(0, 22)).map((o) => o.orderId)).toContain(bo.order.id);

    const code = walkIn.tickets[0]!.code;
    expect(findOrders(temp.office.records, code.toLowerCase())).toMatchObject([{ orderId: walkIn.order.id, matchedBy: 'ticket' }]);
    // One wrong character of the MAC and it is not a ticket of ours.
    const forged = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    expect(findOrders(temp.office.records, forged)).toEqual([]);

    // "an" is in both names: newest first.
    expect(findOrders(temp.office.records, 'AN').map((o) => o.orderId)).toEqual([bo.order.id, ana.order.id]);
    expect(findOrders(temp.office.records, 'lind')).toMatchObject([{ orderId: ana.order.id, matchedBy: 'name' }]);
    // Phone digits match whatever spaces or "+" the number was typed with.
    expect(findOrders(temp.office.records, '900 456')).toMatchObject([{ orderId: bo.order.id, matchedBy: 'phone' }]);
    expect(findOrders(temp.office.records, '7700900').map((o) => o.orderId)).toEqual([bo.order.id, ana.order.id]);
    expect(findOrders(temp.office.records, 'nobody here')).toEqual([]);
    // LIKE wildcards typed by a cashier are plain characters.
    expect(findOrders(temp.office.records, '%%')).toEqual([]);
  });

  it('finds a collected reservation by its reference and shows refunds in the counts', () => {
    const reservation = reserve(['Stalls D-1', 'Stalls D-2'], { name: 'Cy Young', phone: '0100' });
    const paid = engine.book(people.cashier, {
      reservationId: reservation.id,
      lines: ['Stalls D-1', 'Stalls D-2'].map((l) => ({ unitId: show.unit(l), priceBandId: show.bands.adult })),
      payments: [{ method: 'card', amountMinor: 5000 }],
    });
    engine.refund(people.cashier, { orderId: paid.order.id, ticketIds: [paid.tickets[0]!.ticketId], method: 'cash' });
    const found = findOrders(temp.office.records, reservation.reference.toLowerCase());
    expect(found).toMatchObject([{ orderId: paid.order.id, matchedBy: 'reservation', state: 'part_refunded', refundedMinor: 2500, validCount: 1, ticketCount: 2 }]);
  });

  it('stops at 50 orders', () => {
    for (let i = 0; i < 52; i++) {
      clock.advance(1000);
      const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, places: [{ areaId: show.areaId!, quantity: 1 }] });
      if (i >= 8) break; // the standing area has 10 places; seats make the rest
      engine.book(people.cashier, { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: show.bands.adult }], customer: { name: `Many ${i}` }, payments: [{ method: 'cash', amountMinor: 2500 }] });
    }
    for (const unitId of show.seatUnitIds.slice(0, 44)) {
      clock.advance(1000);
      const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [unitId] });
      engine.book(people.cashier, { holdId: hold.holdId, lines: [{ unitId, priceBandId: show.bands.adult }], customer: { name: `Many seat ${unitId}` }, payments: [{ method: 'cash', amountMinor: 2500 }] });
    }
    const found = findOrders(temp.office.records, 'many');
    expect(found).toHaveLength(50);
    expect([...found].sort((a, b) => b.createdAt - a.createdAt)).toEqual(found);
  });
});

describe('findReservations', () => {
  it('finds active reservations by reference, name or phone, and ended ones only when asked', () => {
    const dee = reserve(['Stalls E-1'], { name: 'Dee Marsh', phone: '0161 496 0000' });
    const eli = reserve(['Stalls E-2', 'Stalls E-3'], { name: 'Eli Marsh', phone: '0200' });
    engine.cancelReservation(people.cashier, { reservationId: dee.id });

    expect(findReservations(temp.office.records, 'marsh').map((r) => r.reservationId)).toEqual([eli.id]);
    expect(findReservations(temp.office.records, eli.reference.toLowerCase())).toMatchObject([{ reservationId: eli.id, seatCount: 2, state: 'active', customerName: 'Eli Marsh' }]);
    const all = findReservations(temp.office.records, 'marsh', true);
    expect(all.map((r) => [r.reservationId, r.state])).toEqual([[eli.id, 'active'], [dee.id, 'cancelled']]);
    expect(findReservations(temp.office.records, '4960000', true).map((r) => r.reservationId)).toEqual([dee.id]);
  });
});

describe('orderHistory', () => {
  it('tells an order in words: reserved, booked, reprinted, checked in, refunded, exchanged, with who and where', () => {
    const door = addStation(temp.office, 'Door 1');
    const reservation = reserve(['Stalls B-1', 'Stalls B-2', 'Stalls B-3'], { name: 'Fay Wray', phone: '0300' });
    clock.advance(60_000);
    const paid = engine.book(people.manager, {
      reservationId: reservation.id,
      lines: ['Stalls B-1', 'Stalls B-2', 'Stalls B-3'].map((l) => ({ unitId: show.unit(l), priceBandId: show.bands.adult })),
      payments: [{ method: 'cash', amountMinor: 7500, tenderedMinor: 8000 }],
    });
    const [b1, b2, b3] = paid.tickets;
    clock.advance(60_000);
    engine.reprint(people.cashier, { ticketId: b1!.ticketId });
    clock.advance(60_000);
    engine.checkIn(at(people.cashier, door), { code: b1!.code, performanceId: show.performanceId });
    clock.advance(60_000);
    engine.refund(people.cashier, { orderId: paid.order.id, ticketIds: [b2!.ticketId], method: 'card' });
    clock.advance(60_000);
    const later = seedAnotherPerformance(temp.office, show, T0 + 14 * 86_400_000);
    const hold = engine.holdSeats(people.cashier, { performanceId: later, places: [{ areaId: show.areaId!, quantity: 1 }] });
    const swapped = engine.exchange(people.cashier, {
      orderId: paid.order.id,
      ticketIds: [b3!.ticketId],
      holdId: hold.holdId,
      lines: [{ unitId: hold.unitIds[0]!, priceBandId: show.bands.adult }],
    });

    const history = orderHistory(temp.office.records, paid.order.id);
    expect(history.map((h) => h.kind)).toEqual(['reserved', 'booked', 'reprinted', 'checked_in', 'refunded', 'exchanged_out']);
    expect(history.map((h) => h.summary)).toEqual([
      `Reserved 3 seats (Stalls, row B, seat 1; Stalls, row B, seat 2 and Stalls, row B, seat 3) for Fay Wray, reference ${reservation.reference}`,
      `Booked 3 tickets (Stalls, row B, seat 1; Stalls, row B, seat 2 and Stalls, row B, seat 3) collecting reservation ${reservation.reference}, paid by cash`,
      'Reprinted ticket Stalls, row B, seat 1 (print 2)',
      'Checked in ticket Stalls, row B, seat 1',
      'Refunded 1 ticket (Stalls, row B, seat 2) by card',
      `Exchanged 1 ticket (Stalls, row B, seat 3) for order ${orderReference(swapped.newOrder.id)}`,
    ]);
    expect(history.map((h) => h.amountMinor)).toEqual([null, 7500, null, null, -2500, -2500]);
    expect(history.map((h) => h.staffName)).toEqual(['Cass Cashier', 'Mona Manager', 'Cass Cashier', 'Cass Cashier', 'Cass Cashier', 'Cass Cashier']);
    expect(history[3]!.stationName).toBe('Door 1');
    expect(history[0]!.at).toBeLessThan(history[1]!.at);

    const after = orderHistory(temp.office.records, swapped.newOrder.id);
    expect(after).toMatchObject([{ kind: 'exchanged_in', summary: `Exchanged in from order ${orderReference(paid.order.id)}: 1 new ticket (Standing, place 1)`, amountMinor: 2500 }]);
  });

  it('names a missing order', () => {
    expect(() => orderHistory(temp.office.records, '01J000000000000000000000ZZ')).toThrow(/no order with id/);
  });
});

describe('order handlers', () => {
  it('refuse a window where nobody is signed in, and answer once someone is', async () => {
    const counter = openWindow(createApi(composeForTest(temp.office), { checkOutput: true }), temp.office.identity.id);
    expect(await counter.fail('findOrders', { query: 'ana' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    await counter.signIn(people.cashier.staffId, people.pins.cashier);
    sell(['Stalls A-1'], { name: 'Ana Lind' });
    expect(await counter.call('findOrders', { query: 'ana' })).toHaveLength(1);
  });
});
