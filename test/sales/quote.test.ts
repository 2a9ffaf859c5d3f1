import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ManualClock } from '../../src-main/core/clock.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedShow, seedStaff, type ShowFixture, type StaffFixture } from './fixtures.ts';

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
let temp: TempBoxOffice;
let engine: SalesEngine;
let show: ShowFixture;
let people: StaffFixture;

beforeEach(() => {
  temp = openTempBoxOffice({ clock: new ManualClock(T0) });
  show = seedShow(temp.office);
  people = seedStaff(temp.office);
  engine = new SalesEngine(temp.office);
});
afterEach(() => temp.dispose());

const count = (table: string) => temp.office.records.get<{ n: number }>(sql.raw(`select count(*) as n from ${table}`)).n;

describe('quoting a basket', () => {
  it('gives the figures the sale then charges, discount and tax included, and writes nothing', () => {
    engine.createDiscountCode(people.manager, { code: 'FRIENDS20', kind: 'percent', value: 2000 });
    const ids = [show.unit('Stalls C-5'), show.unit('Stalls C-6')];
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: ids });
    const lines = ids.map((unitId) => ({ unitId, priceBandId: show.bands.adult }));
    const before = { orders: count('orders'), ledger: count('ledger'), payments: count('payments') };

    const plain = engine.quote(people.cashier, { holdId: hold.holdId, lines });
    const discounted = engine.quote(people.cashier, { holdId: hold.holdId, lines, discountCode: 'friends20' });
    expect(plain.discountMinor).toBe(0);
    expect(discounted.discountMinor).toBe(Math.round(plain.totalMinor * 0.2));
    expect(discounted.totalMinor).toBe(plain.totalMinor - discounted.discountMinor);
    // Tax follows the discounted price, line by line.
    expect(discounted.taxMinor).toBeLessThan(plain.taxMinor);
    expect(discounted.lines.map((l) => l.unitId)).toEqual(ids);
    expect(discounted.lines.reduce((a, l) => a + l.taxMinor, 0)).toBe(discounted.taxMinor);
    expect({ orders: count('orders'), ledger: count('ledger'), payments: count('payments') }).toEqual(before);

    const sold = engine.book(people.cashier, {
      holdId: hold.holdId,
      lines,
      discountCode: 'FRIENDS20',
      payments: [{ method: 'card', amountMinor: discounted.totalMinor }],
    });
    expect({ total: sold.order.totalMinor, tax: sold.order.taxMinor, discount: sold.order.discountMinor }).toEqual({
      total: discounted.totalMinor,
      tax: discounted.taxMinor,
      discount: discounted.discountMinor,
    });
  });

  it('names an unknown code and refuses a hold from another window', () => {
    const ids = [show.unit('Stalls D-1')];
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: ids });
    const lines = ids.map((unitId) => ({ unitId, priceBandId: show.bands.adult }));
    expect(() => engine.quote(people.cashier, { holdId: hold.holdId, lines, discountCode: 'NOPE' })).toThrow(/NOPE does not exist/);
    const elsewhere = { ...people.manager, stationId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' };
    expect(() => engine.quote(elsewhere, { holdId: hold.holdId, lines })).toThrow(MarqueeError);
  });
});
