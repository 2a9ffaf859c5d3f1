import { ManualClock } from '../../src-main/core/clock.ts';
import { writeSetting } from '../../src-main/core/settings.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { addStation, seedAnotherPerformance, seedShow, seedStaff, type ShowFixture } from '../sales/fixtures.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

/**
 * The hand-built season of test/reports/figures.test.ts, in the venue's zone Europe/Berlin (UTC+1
 * in December), every figure worked out by hand there. Prices include 20 % tax (a sixth of the
 * price, per order, rounded half up): Adult 25.00, Premium Adult 40.00, Concession 18.00.
 *
 *  when (UTC)         Berlin day  who              what
 *  12-01 10:00        Dec 1       cashier @ till   A: 2 Adult, card 50.00 (tax 8.33)              order 1
 *  12-01 23:30        Dec 2       manager @ Win 2  A: 1 Premium Adult, cash 40.00 (tax 6.67)      order 2
 *  12-02 09:00        Dec 2       cashier @ till   A: reserves B-1 (no money)
 *  12-03 09:00        Dec 3       cashier @ till   B: 2 Adult with WINTER10 (10 %), card 45.00    order 3
 *  12-03 12:00        Dec 3       cashier @ till   refunds order 1 in full by card, 50.00
 *  12-04 10:00        Dec 4       manager @ Win 2  exchanges order 2's Premium (A) for D-1 Adult (B): 15.00 back in cash
 *  12-04 11:00        Dec 4       cashier @ till   collects the reservation: B-1 Concession, card 18.00 (tax 3.00)
 *  12-04 11:30        Dec 4       manager @ Win 2  blocks A-3 on A
 *  12-04 12:00        Dec 4       cashier @ till   reserves A-2 on A (kept)
 *  12-12 18:30        Dec 12      cashier @ till   checks in one ticket of order 3 at B; holds B-2 on B
 *
 * Performance A starts 2026-12-10 19:00 UTC (Dec 10), B 2026-12-12 19:00 UTC (Dec 12).
 */
export interface Season {
  temp: TempBoxOffice;
  clock: ManualClock;
  show: ShowFixture;
  performanceA: string;
  performanceB: string;
  cashier: Actor;
  manager: Actor;
  till: string;
  window2: string;
}

const at = (iso: string) => Date.parse(iso);

export function buildSeason(): Season {
  const clock = new ManualClock(at('2026-12-01T09:00:00Z'));
  const temp = openTempBoxOffice({ clock });
  const { office } = temp;
  writeSetting(office.records, 'venue.timeZone', 'Europe/Berlin');
  const show = seedShow(office, { startsAt: at('2026-12-10T19:00:00Z') });
  const performanceA = show.performanceId;
  const performanceB = seedAnotherPerformance(office, show, at('2026-12-12T19:00:00Z'));
  const people = seedStaff(office);
  const window2 = addStation(office, 'Window 2');
  const cashier = people.cashier;
  const manager: Actor = { ...people.manager, stationId: window2 };
  const engine = new SalesEngine(office);
  const unitB = (label: string) => {
    const row = office.records.$client
      .prepare(`SELECT u.id FROM units u JOIN units a ON a.seat_id = u.seat_id WHERE a.id = ? AND u.performance_id = ?`)
      .pluck()
      .get(show.unit(label), performanceB) as number;
    return row;
  };
  const sell = (who: Actor, performanceId: string, unitIds: number[], band: string, payments: { method: 'card' | 'cash'; amountMinor: number; tenderedMinor?: number }[], discountCode?: string) => {
    const hold = engine.holdSeats(who, { performanceId, unitIds });
    return engine.book(who, { holdId: hold.holdId, lines: unitIds.map((unitId) => ({ unitId, priceBandId: band })), payments, ...(discountCode ? { discountCode } : {}) });
  };

  clock.set(at('2026-12-01T10:00:00Z'));
  const order1 = sell(cashier, performanceA, [show.unit('Stalls C-1'), show.unit('Stalls C-2')], show.bands.adult, [{ method: 'card', amountMinor: 5000 }]);
  clock.set(at('2026-12-01T23:30:00Z'));
  const order2 = sell(manager, performanceA, [show.unit('Stalls A-1')], show.bands.premium, [{ method: 'cash', amountMinor: 4000, tenderedMinor: 4000 }]);
  clock.set(at('2026-12-02T09:00:00Z'));
  const toCollect = engine.reserveSeats(cashier, {
    holdId: engine.holdSeats(cashier, { performanceId: performanceA, unitIds: [show.unit('Stalls B-1')] }).holdId,
    customer: { name: 'Rae Reserver', phone: '0123 456789' },
  });
  clock.set(at('2026-12-03T09:00:00Z'));
  engine.createDiscountCode(people.manager, { code: 'WINTER10', kind: 'percent', value: 1000 });
  const order3 = sell(cashier, performanceB, [unitB('Stalls C-1'), unitB('Stalls C-2')], show.bands.adult, [{ method: 'card', amountMinor: 4500 }], 'WINTER10');
  clock.set(at('2026-12-03T12:00:00Z'));
  engine.refund(cashier, { orderId: order1.order.id, method: 'card' });
  clock.set(at('2026-12-04T10:00:00Z'));
  const newSeat = unitB('Stalls D-1');
  const exchangeHold = engine.holdSeats(manager, { performanceId: performanceB, unitIds: [newSeat] });
  engine.exchange(manager, {
    orderId: order2.order.id,
    ticketIds: [order2.tickets[0]!.ticketId],
    holdId: exchangeHold.holdId,
    lines: [{ unitId: newSeat, priceBandId: show.bands.adult }],
    refundMethod: 'cash',
  });
  clock.set(at('2026-12-04T11:00:00Z'));
  engine.book(cashier, { reservationId: toCollect.id, lines: [{ unitId: show.unit('Stalls B-1'), priceBandId: show.bands.concession }], payments: [{ method: 'card', amountMinor: 1800 }] });
  clock.set(at('2026-12-04T11:30:00Z'));
  engine.createBlock(manager, { performanceId: performanceA, unitIds: [show.unit('Stalls A-3')], name: 'House seat' });
  clock.set(at('2026-12-04T12:00:00Z'));
  engine.reserveSeats(cashier, {
    holdId: engine.holdSeats(cashier, { performanceId: performanceA, unitIds: [show.unit('Stalls A-2')] }).holdId,
    customer: { name: 'Kit Keeper', phone: '0123 000000' },
  });
  clock.set(at('2026-12-12T18:30:00Z'));
  engine.checkIn(cashier, { code: order3.tickets[0]!.code, performanceId: performanceB });
  engine.holdSeats(cashier, { performanceId: performanceB, unitIds: [unitB('Stalls B-2')] });
  return { temp, clock, show, performanceA, performanceB, cashier, manager, till: office.identity.id, window2 };
}
