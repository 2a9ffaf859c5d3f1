import { afterEach, describe, expect, it } from 'vitest';
import { Day } from './day.ts';
import { oracleExpectedCash, oracleFigures } from './ledger-oracle.ts';

let day: Day | undefined;
afterEach(() => {
  day?.dispose();
  day = undefined;
});

/**
 * One window's shift, built by hand, with every figure of its Z report written out. Adult 25.00,
 * Concession 18.00, Premium Adult 40.00, all 20 % tax included (the stored per-ticket tax).
 */
function runShift() {
  const d = (day = new Day());
  const cass = d.at('W1');
  const mona = d.at('W1', 'manager');
  // Float counted by notes and coins: 3 × 20.00 + 2 × 10.00 + 4 × 5.00 + 10 × 1.00 = 110.00.
  const opened = d.till.open(cass, { count: { '2000': 3, '1000': 2, '500': 4, '100': 10 } });
  const a = d.sell(cass, 2, 'cash'); // 50.00 cash
  const b = d.sell(cass, 3, 'card'); // 75.00 card
  d.sell(cass, 1, 'voucher', { band: 'concession' }); // 18.00 voucher
  d.sell(mona, 1, 'complimentary'); // a house seat worth 25.00
  d.refund(cass, a.order.id, 'cash', [a.tickets[0]!.ticketId]); // 25.00 back in cash: a void
  d.exchange(cass, b.order.id, b.tickets[0]!.ticketId, 'premium', 'card'); // +15.00 on card
  d.exchange(cass, b.order.id, b.tickets[1]!.ticketId, 'concession', 'cash'); // 7.00 back in cash
  d.tick();
  d.till.moveCash(cass, { direction: 'in', amountMinor: 2000, reason: 'Float top-up' });
  d.tick();
  d.till.moveCash(cass, { direction: 'out', amountMinor: 1500, reason: 'Ice-cream supplier' });
  d.tick();
  d.till.noSale(cass, 'Change for a tenner');
  d.tick();
  const closed = d.till.close(cass, { amountMinor: 13_250 });
  return { d, opened, closed, cass };
}

describe('a hand-built shift: every figure of its Z report', () => {
  it('adds up the way the box office counts it', () => {
    const { opened, closed, d } = runShift();
    const f = closed.report.figures;
    expect(opened.floatMinor).toBe(11_000);
    expect(closed.report.number).toBe(1);
    expect(closed.shift.zNumber).toBe(1);
    expect(f.byMethod).toEqual([
      { method: 'card', salesCount: 1, salesMinor: 7500, refundsCount: 0, refundsMinor: 0, exchangesMinor: 1500, netMinor: 9000 },
      { method: 'cash', salesCount: 1, salesMinor: 5000, refundsCount: 1, refundsMinor: 2500, exchangesMinor: -700, netMinor: 1800 },
      { method: 'complimentary', salesCount: 1, salesMinor: 2500, refundsCount: 0, refundsMinor: 0, exchangesMinor: 0, netMinor: 2500 },
      { method: 'voucher', salesCount: 1, salesMinor: 1800, refundsCount: 0, refundsMinor: 0, exchangesMinor: 0, netMinor: 1800 },
    ]);
    expect(f.cardMinor).toBe(9000);
    expect(f.voucherMinor).toBe(1800);
    expect(f.complimentaryMinor).toBe(2500);
    expect(f.ticketsSold).toBe(9);
    expect(f.ticketsReturned).toBe(3);
    expect(f.byBand).toEqual([
      { bandName: 'Adult', sold: 6, soldMinor: 15_000, returned: 3, returnedMinor: 7500 },
      { bandName: 'Concession', sold: 2, soldMinor: 3600, returned: 0, returnedMinor: 0 },
      { bandName: 'Premium Adult', sold: 1, soldMinor: 4000, returned: 0, returnedMinor: 0 },
    ]);
    expect(f.byPerformance).toEqual([
      { performanceId: d.show.performanceId, title: 'The Test Play', startsAt: expect.any(Number), sold: 9, soldMinor: 22_600, returned: 3, returnedMinor: 7500 },
    ]);
    expect(f.byCashier).toEqual([
      { staffId: d.people.cashier.staffId, name: 'Cass Cashier', salesMinor: 14_300, refundsMinor: 2500, netMinor: 12_600 },
      { staffId: d.people.manager.staffId, name: 'Mona Manager', salesMinor: 2500, refundsMinor: 0, netMinor: 2500 },
    ]);
    expect(f.refunds).toEqual({ count: 1, minor: 2500 });
    expect(f.exchanges).toEqual({ count: 2, creditMinor: 5000, differenceMinor: 800 });
    expect(f.discounts).toEqual([]);
    // Issued 226.00 gross (tax 8.33 + 12.50 + 3.00 + 4.17 + 6.67 + 3.00), 75.00 of it given back (tax 4.17 × 3).
    expect(f.taxByRate).toEqual([{ taxRateBp: 2000, grossMinor: 15_100, taxMinor: 2516, netMinor: 12_584 }]);
    expect(f.complimentary).toEqual({ tickets: 1, valueMinor: 2500 });
    expect(f.voids).toEqual({ count: 1, minor: 2500 });
    expect(f.noSales).toBe(1);
    // 110.00 + 50.00 − 25.00 − 7.00 + 20.00 − 15.00 = 133.00 expected; 132.50 counted.
    expect(f.cash).toEqual({
      floatMinor: 11_000,
      salesMinor: 5000,
      refundsMinor: 2500,
      exchangesMinor: -700,
      inMinor: 2000,
      outMinor: 1500,
      expectedMinor: 13_300,
      countedMinor: 13_250,
      varianceMinor: -50,
    });
    expect(closed.shift).toMatchObject({ state: 'closed', expectedMinor: 13_300, countedMinor: 13_250, varianceMinor: -50, approvedBy: null });
  });

  it('agrees with the sums worked out from the ledger payloads alone', () => {
    const { closed, d } = runShift();
    const f = closed.report.figures;
    const o = oracleFigures(d.office.records, { from: f.fromSeq, to: f.toSeq, station: 'W1' });
    expect(oracleExpectedCash(o, 11_000)).toBe(f.cash.expectedMinor);
    expect(o.ticketsSold).toBe(f.ticketsSold);
    expect(o.refunds).toEqual(f.refunds);
    expect(o.exchanges).toEqual({ count: 2, credit: 5000, difference: 800 });
  });

  it('keeps the closed shift as it was: moving cash afterwards finds no shift, and the Z reprints unchanged', () => {
    const { closed, d, cass } = runShift();
    expect(() => d.till.moveCash(cass, { direction: 'in', amountMinor: 100, reason: 'late' })).toThrow(/No shift is open/);
    expect(d.till.zReport(1)).toEqual(closed.report);
    expect(d.till.shift(closed.shift.id)).toEqual(closed.shift);
  });

  it("closes the venue's day over every window with the next Z number", () => {
    const { d } = runShift();
    const w2 = d.at('W2');
    d.till.open(w2, { amountMinor: 5000 });
    d.sell(w2, 2, 'cash');
    d.tick();
    d.till.close(w2, { amountMinor: 10_000 });
    d.tick();
    const z = d.till.closeDay(d.at('W2', 'manager'), '2026-12-03');
    expect(z.number).toBe(3);
    expect(z.figures.cash).toMatchObject({ floatMinor: 16_000, salesMinor: 10_000, expectedMinor: 23_300, countedMinor: 23_250, varianceMinor: -50 });
    expect(z.figures.ticketsSold).toBe(11);
    expect(d.till.listZ().map((r) => r.number)).toEqual([3, 2, 1]);
  });
});
