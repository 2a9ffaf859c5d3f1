import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { priceOrder, taxOf, type Discount } from '../../src-shared/pricing/index.ts';

/**
 * Tax per rate over the order (issue 11, item 6): the receipt's per-rate figures are the rate
 * applied once to the rate's total, and the tax stored on each ticket adds up to them exactly.
 */
const line = fc.record({
  listPriceMinor: fc.integer({ min: 0, max: 100_000 }),
  taxRateBp: fc.constantFrom(0, 500, 1000, 2000, 2100, 1950, 700),
  taxIncluded: fc.boolean(),
});
const discount = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
    fc.record({ kind: fc.constant('fixed' as const), value: fc.integer({ min: 0, max: 300_000 }) }),
  ),
  { nil: null },
);

describe('tax per rate over the order', () => {
  it('per rate net + tax = gross, the lines add up to the rate totals, and the order to its rates', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), discount, (lines, d: Discount | null) => {
        const priced = priceOrder(lines, d);
        for (const rate of priced.taxByRate) {
          expect(rate.netMinor + rate.taxMinor).toBe(rate.grossMinor);
          const ofRate = priced.lines.filter((l) => l.taxRateBp === rate.taxRateBp);
          expect(ofRate.reduce((a, l) => a + l.taxMinor, 0)).toBe(rate.taxMinor);
          expect(ofRate.reduce((a, l) => a + l.totalMinor, 0)).toBe(rate.grossMinor);
        }
        expect(new Set(priced.taxByRate.map((r) => r.taxRateBp)).size).toBe(priced.taxByRate.length);
        expect(priced.taxByRate.reduce((a, r) => a + r.taxMinor, 0)).toBe(priced.taxMinor);
        expect(priced.taxByRate.reduce((a, r) => a + r.grossMinor, 0)).toBe(priced.totalMinor);
        priced.lines.forEach((l) => {
          expect(l.taxMinor).toBeGreaterThanOrEqual(0);
          expect(l.taxMinor).toBeLessThanOrEqual(l.totalMinor);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('a rate whose prices all include tax carries the rate applied once to its gross, rounded half up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 5000 }), (prices, rate) => {
        const priced = priceOrder(
          prices.map((p) => ({ listPriceMinor: p, taxRateBp: rate, taxIncluded: true })),
          null,
        );
        const gross = prices.reduce((a, b) => a + b, 0);
        expect(priced.taxByRate).toEqual([{ taxRateBp: rate, grossMinor: gross, taxMinor: taxOf(gross, rate, true), netMinor: gross - taxOf(gross, rate, true) }]);
        // Against the exact figure: never more than half a penny away.
        expect(Math.abs(priced.taxMinor - (gross * rate) / (10_000 + rate))).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it('the receipt in issue 11 now says VAT 20% on £58.34 = £11.67', () => {
    // Five tickets at £14.00 included, less a £0.99 fixed discount: £70.01 ... chosen so that
    // rounding per ticket lost a penny. 20 % of £58.34 net is £11.668, so £11.67.
    const prices = [1400, 1400, 1400, 1400, 1400];
    const perTicket = prices.reduce((a, p) => a + taxOf(p - 0, 2000, true), 0);
    expect(perTicket).toBe(5 * 233); // per ticket: £2.33 × 5 = £11.65 on £70.00 gross
    const priced = priceOrder(
      prices.map((p) => ({ listPriceMinor: p, taxRateBp: 2000, taxIncluded: true })),
      null,
    );
    expect(priced.taxByRate).toEqual([{ taxRateBp: 2000, grossMinor: 7000, taxMinor: 1167, netMinor: 5833 }]);
    expect(priced.lines.map((l) => l.taxMinor).sort()).toEqual([233, 233, 233, 234, 234]);
  });

  it('keeps included and added tax at one rate apart, and leaves tax-free lines at 0', () => {
    const priced = priceOrder(
      [
        { listPriceMinor: 1200, taxRateBp: 2000, taxIncluded: true },
        { listPriceMinor: 1000, taxRateBp: 2000, taxIncluded: false },
        { listPriceMinor: 500, taxRateBp: 0, taxIncluded: true },
      ],
      null,
    );
    expect(priced.lines.map((l) => [l.taxMinor, l.totalMinor])).toEqual([
      [200, 1200],
      [200, 1200],
      [0, 500],
    ]);
    expect(priced.taxByRate).toEqual([
      { taxRateBp: 0, netMinor: 500, taxMinor: 0, grossMinor: 500 },
      { taxRateBp: 2000, netMinor: 2000, taxMinor: 400, grossMinor: 2400 },
    ]);
  });
});
