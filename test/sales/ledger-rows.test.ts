import { desc, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock.ts';
import { ledger, orders, payments, tickets, units } from '../../src-main/db/records/schema.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedAnotherPerformance, seedShow, seedStaff, type ShowFixture, type StaffFixture } from './fixtures.ts';

/**
 * The fast paths write ledger rows they built themselves (a booked unit's row is the row read
 * before the UPDATE with the UPDATE's changes applied). They must be exactly what drizzle's
 * select() returns for the same rows right after the operation (docs/ledger.md).
 */

let temp: TempBoxOffice;
let engine: SalesEngine;
let show: ShowFixture;
let people: StaffFixture;

beforeEach(() => {
  temp = openTempBoxOffice({ clock: new ManualClock(Date.UTC(2026, 10, 22, 12)) });
  show = seedShow(temp.office);
  people = seedStaff(temp.office);
  engine = new SalesEngine(temp.office);
});
afterEach(() => temp.dispose());

type Rows = Record<'orders' | 'tickets' | 'payments' | 'units', { id: string | number }[]>;

function lastLedgerRows(): Rows {
  const entry = temp.office.records.select().from(ledger).orderBy(desc(ledger.seq)).limit(1).get()!;
  return (entry.payload as { rows: Rows }).rows;
}

function expectRowsAsStored(rows: Rows): void {
  const db = temp.office.records;
  const byId = <T extends { id: string | number }>(list: T[]) => [...list].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const ids = <T extends { id: string | number }>(list: T[]) => list.map((r) => r.id);
  expect(byId(rows.orders)).toEqual(byId(db.select().from(orders).where(inArray(orders.id, ids(rows.orders) as string[])).all()));
  expect(byId(rows.tickets)).toEqual(byId(db.select().from(tickets).where(inArray(tickets.id, ids(rows.tickets) as string[])).all()));
  expect(byId(rows.payments)).toEqual(byId(db.select().from(payments).where(inArray(payments.id, ids(rows.payments) as string[])).all()));
  expect(byId(rows.units)).toEqual(byId(db.select().from(units).where(inArray(units.id, ids(rows.units) as number[])).all()));
}

it('a sale from a hold ledgers its order, tickets, payment and units exactly as stored', () => {
  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit('Stalls C-1'), show.unit('Stalls C-2')] });
  // Extending the hold rewrites the units' hold columns in between: the sale must ledger what is stored.
  engine.extendHold(people.cashier, { holdId: hold.holdId });
  const sale = engine.book(people.cashier, {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
    payments: [{ method: 'cash', amountMinor: 5000, tenderedMinor: 6000 }],
  });
  expect(sale.tickets.map((t) => t.label)).toEqual(['Stalls, row C, seat 1', 'Stalls, row C, seat 2']);
  const rows = lastLedgerRows();
  expect(rows.units.map((u) => (u as unknown as { state: string }).state)).toEqual(['booked', 'booked']);
  expectRowsAsStored(rows);
});

it('general-admission places and a collected reservation ledger their rows exactly as stored', () => {
  const places = engine.holdSeats(people.cashier, { performanceId: show.performanceId, places: [{ areaId: show.areaId!, quantity: 2 }] });
  engine.book(people.cashier, {
    holdId: places.holdId,
    lines: places.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
    payments: [{ method: 'card', amountMinor: 5000, reference: 'T1' }],
  });
  expectRowsAsStored(lastLedgerRows());

  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit('Stalls D-4')] });
  const reservation = engine.reserveSeats(people.cashier, { holdId: hold.holdId, customer: { name: 'Ada', phone: '1' } });
  engine.book(people.cashier, {
    reservationId: reservation.id,
    lines: [{ unitId: show.unit('Stalls D-4'), priceBandId: show.bands.adult }],
    payments: [{ method: 'cash', amountMinor: 2500 }],
  });
  expectRowsAsStored(lastLedgerRows());
});

it('an exchange ledgers both orders’ rows exactly as stored', () => {
  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit('Stalls C-5')] });
  const sale = engine.book(people.cashier, {
    holdId: hold.holdId,
    lines: [{ unitId: show.unit('Stalls C-5'), priceBandId: show.bands.adult }],
    payments: [{ method: 'cash', amountMinor: 2500 }],
  });
  const other = seedAnotherPerformance(temp.office, show, Date.UTC(2026, 11, 1, 19));
  const seat = engine.availability(other).find(([, state]) => state === 'available')![0];
  const newHold = engine.holdSeats(people.cashier, { performanceId: other, unitIds: [seat] });
  engine.exchange(people.cashier, {
    orderId: sale.order.id,
    ticketIds: [sale.tickets[0]!.ticketId],
    holdId: newHold.holdId,
    lines: [{ unitId: seat, priceBandId: show.bands.adult }],
  });
  expectRowsAsStored(lastLedgerRows());
});
