import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportQuery } from '../../src-shared/contract/reports.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { getReport } from '../../src-main/reports/report-service.ts';
import { buildSeason, type Season } from './dataset.ts';

/** Every figure of the Reports screen on the hand-built season of ./dataset.ts, worked out by hand there. */
let s: Season;
beforeAll(() => {
  s = buildSeason();
});
afterAll(() => s?.temp.dispose());

const report = (q: Partial<ReportQuery>) =>
  getReport(s.temp.office.records, s.clock, { from: '2026-12-01', to: '2026-12-04', basis: 'payment', granularity: 'day', ...q });

describe('report figures by payment date (Dec 1-4)', () => {
  it('sales over time on the venue-local day the money moved', () => {
    const r = report({});
    expect(r.salesOverTime).toEqual([
      // Order 1.
      { period: '2026-12-01', tickets: 2, gross: 5000, net: 4167, tax: 833 },
      // Order 2 at 23:30 UTC is 00:30 on Dec 2 in Berlin.
      { period: '2026-12-02', tickets: 1, gross: 4000, net: 3333, tax: 667 },
      // Order 3 (+2, 45.00, tax 7.50) and order 1 refunded (-2, -50.00, tax -8.33).
      { period: '2026-12-03', tickets: 0, gross: -500, net: -417, tax: -83 },
      // Exchange (-40.00 tax -6.67, +25.00 tax 4.17) and the collected Concession (+18.00, tax 3.00).
      { period: '2026-12-04', tickets: 1, gross: 300, net: 250, tax: 50 },
    ]);
    expect(r.totals).toEqual({ tickets: 4, gross: 8800, net: 7333, tax: 1467 });
    expect(r).toMatchObject({ currency: 'GBP', timeZone: 'Europe/Berlin', basis: 'payment', granularity: 'day' });
  });

  it('price bands, payment methods, discount codes, refunds and exchanges', () => {
    const r = report({});
    // Adult: +2 50.00, +2 45.00, -2 -50.00, +1 25.00; Premium Adult nets to nothing and is left out.
    expect(r.priceBands).toEqual([
      { band: 'Adult', tickets: 3, gross: 7000 },
      { band: 'Concession', tickets: 1, gross: 1800 },
    ]);
    // Card: 50.00 + 45.00 - 50.00 + 18.00 in three payments less one refund; cash: 40.00 less 15.00 back.
    expect(r.paymentMethods).toEqual([
      { method: 'card', payments: 2, amount: 6300 },
      { method: 'cash', payments: 0, amount: 2500 },
    ]);
    expect(r.discountCodes).toEqual([{ code: 'WINTER10', uses: 1, discount: 500 }]);
    expect(r.refundsExchanges).toEqual([
      { kind: 'refund', count: 1, amount: 5000 },
      { kind: 'exchange', count: 1, amount: -1500 },
    ]);
  });

  it('per cashier and per window', () => {
    const r = report({});
    expect(r.cashiers).toEqual([
      { cashierId: s.cashier.staffId, name: 'Cass Cashier', tickets: 3, gross: 6300 },
      { cashierId: s.manager.staffId, name: 'Mona Manager', tickets: 1, gross: 2500 },
    ]);
    expect(r.windows).toEqual([
      { stationId: s.till, name: expect.any(String), tickets: 3, gross: 6300 },
      { stationId: s.window2, name: 'Window 2', tickets: 1, gross: 2500 },
    ]);
  });

  it('per event and per performance: revenue in the range, seats as they stand now', () => {
    const r = report({});
    expect(r.events).toEqual([{ eventId: s.show.eventId, name: 'The Test Play', tickets: 4, gross: 8800 }]);
    expect(r.performances).toEqual([
      // A: 42 places (32 seats, 10 standing); B-1 sold; A-2 reserved; A-3 blocked.
      { performanceId: s.performanceA, eventName: 'The Test Play', startsAt: Date.parse('2026-12-10T19:00:00Z'), venueName: 'Test Hall', capacity: 42, sold: 1, held: 0, reserved: 1, blocked: 1, checkedIn: 0, occupancyPct: 2.4, revenue: 1800 },
      // B: C-1, C-2 and D-1 sold, one checked in, B-2 held at the window.
      { performanceId: s.performanceB, eventName: 'The Test Play', startsAt: Date.parse('2026-12-12T19:00:00Z'), venueName: 'Test Hall', capacity: 42, sold: 3, held: 1, reserved: 0, blocked: 0, checkedIn: 1, occupancyPct: 7.1, revenue: 7000 },
    ]);
  });

  it('one cashier (or one window) sees only what was done there', () => {
    const byManager = report({ cashierId: s.manager.staffId });
    expect(byManager.salesOverTime.filter((p) => p.tickets || p.gross)).toEqual([
      { period: '2026-12-02', tickets: 1, gross: 4000, net: 3333, tax: 667 },
      { period: '2026-12-04', tickets: 0, gross: -1500, net: -1250, tax: -250 },
    ]);
    expect(byManager.totals).toEqual({ tickets: 1, gross: 2500, net: 2083, tax: 417 });
    expect(byManager.paymentMethods).toEqual([{ method: 'cash', payments: 0, amount: 2500 }]);
    expect(byManager.priceBands).toEqual([{ band: 'Adult', tickets: 1, gross: 2500 }]);
    expect(byManager.cashiers).toEqual([{ cashierId: s.manager.staffId, name: 'Mona Manager', tickets: 1, gross: 2500 }]);
    const byWindow = report({ stationId: s.window2 });
    expect(byWindow.totals).toEqual(byManager.totals);
    expect(byWindow.windows).toEqual([{ stationId: s.window2, name: 'Window 2', tickets: 1, gross: 2500 }]);
  });

  it('one day only: Dec 3', () => {
    const r = report({ from: '2026-12-03', to: '2026-12-03' });
    expect(r.totals).toEqual({ tickets: 0, gross: -500, net: -417, tax: -83 });
    expect(r.performances.map((p) => [p.performanceId, p.revenue])).toEqual([
      [s.performanceA, -5000],
      [s.performanceB, 4500],
    ]);
  });
});

describe('report figures by performance date', () => {
  it('counts each sale on the day of its performance, by week', () => {
    const r = report({ basis: 'performance', granularity: 'week', from: '2026-12-01', to: '2026-12-31' });
    // Weeks start on Monday: Dec 1 2026 is a Tuesday, in the week of Nov 30.
    expect(r.salesOverTime.map((p) => p.period)).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    // A (Dec 10): what is left is B-1, 18.00 (tax 3.00); B (Dec 12): 45.00 + 25.00 (tax 7.50 + 4.17).
    expect(r.salesOverTime[1]).toEqual({ period: '2026-12-07', tickets: 4, gross: 8800, net: 7333, tax: 1467 });
    expect(r.totals).toEqual({ tickets: 4, gross: 8800, net: 7333, tax: 1467 });
    expect(r.performances.map((p) => [p.performanceId, p.revenue])).toEqual([
      [s.performanceA, 1800],
      [s.performanceB, 7000],
    ]);
  });

  it('a range without performances lists none, even with sales paid in it', () => {
    const r = report({ basis: 'performance', from: '2026-12-01', to: '2026-12-04' });
    expect(r.performances).toEqual([]);
    expect(r.totals).toEqual({ tickets: 0, gross: 0, net: 0, tax: 0 });
  });

  it('filters by performance', () => {
    const r = report({ basis: 'performance', from: '2026-12-01', to: '2026-12-31', performanceId: s.performanceB });
    expect(r.totals).toEqual({ tickets: 3, gross: 7000, net: 5833, tax: 1167 });
    expect(r.discountCodes).toEqual([{ code: 'WINTER10', uses: 1, discount: 500 }]);
    expect(r.refundsExchanges).toEqual([{ kind: 'exchange', count: 1, amount: -1500 }]);
  });
});

describe('ranges the report refuses', () => {
  it('a range that ends before it starts', () => {
    let thrown: unknown;
    try {
      report({ from: '2026-12-04', to: '2026-12-01' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MarqueeError);
    expect((thrown as MarqueeError).toAppError()).toEqual({ code: 'BAD_INPUT', message: 'The range ends before it starts.', details: { field: 'to' } });
  });

  it('a range of more than a year', () => {
    expect(() => report({ from: '2026-01-01', to: '2027-01-02' })).toThrowError(/at most 366/);
  });
});
