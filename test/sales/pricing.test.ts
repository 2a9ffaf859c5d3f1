import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { suggestSeats, type CandidateSeat } from '../../src-main/sales/best-available.ts';
import { priceOrder } from '../../src-shared/pricing/index.ts';
import { ticketCode, verifyTicketCode } from '../../src-main/sales/ticket-code.ts';

describe('priceOrder', () => {
  const line = fc.record({ listPriceMinor: fc.integer({ min: 0, max: 50_000 }), taxRateBp: fc.integer({ min: 0, max: 3000 }), taxIncluded: fc.boolean() });

  it('spreads a fixed discount over tickets exactly, never below zero', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 100_000 }), (lines, value) => {
        const priced = priceOrder(lines, { kind: 'fixed', value });
        const subtotal = lines.reduce((a, l) => a + l.listPriceMinor, 0);
        expect(priced.discountMinor).toBe(Math.min(value, subtotal));
        priced.lines.forEach((l, i) => {
          expect(l.discountMinor).toBeGreaterThanOrEqual(0);
          expect(l.discountMinor).toBeLessThanOrEqual(lines[i]!.listPriceMinor);
        });
        expect(priced.totalMinor).toBe(priced.lines.reduce((a, l) => a + l.totalMinor, 0));
      }),
    );
  });

  it('includes or adds tax per band', () => {
    const priced = priceOrder(
      [
        { listPriceMinor: 1200, taxRateBp: 2000, taxIncluded: true },
        { listPriceMinor: 1000, taxRateBp: 2000, taxIncluded: false },
      ],
      { kind: 'percent', value: 5000 },
    );
    expect(priced.lines.map((l) => [l.discountMinor, l.taxMinor, l.totalMinor])).toEqual([
      [600, 100, 600],
      [500, 100, 600],
    ]);
  });
});

describe('best available', () => {
  const row = (r: string, free: boolean[], rankBase: number): CandidateSeat[] =>
    free.map((selectable, i) => ({ unitId: rankBase + i, zone: 'Z', row: r, number: String(i + 1), x: i, rank: rankBase + Math.abs(i - 2), selectable }));

  it('prefers seats together in the best row, then the best split', () => {
    const seats = [...row('A', [true, false, true, true, false], 0), ...row('B', [true, true, true, true, true], 100)];
    expect(suggestSeats(seats, 2)).toEqual({ unitIds: [2, 3], adjacent: true });
    expect(suggestSeats(seats, 4)?.adjacent).toBe(true);
    const broken = [...row('A', [true, false, true, true, false], 0), ...row('B', [true, false, true, false, true], 100)];
    const split = suggestSeats(broken, 4)!;
    expect(split.adjacent).toBe(false);
    expect(split.unitIds).toHaveLength(4);
    expect(split.unitIds).toEqual(expect.arrayContaining([2, 3]));
    expect(suggestSeats(broken, 7)).toBeNull();
  });
});

describe('ticket codes', () => {
  it('verify only with the installation secret and survive lower case', () => {
    const secret = randomBytes(32);
    const code = ticketCode(secret, '01JD0000000000000000000000');
    expect(code).toHaveLength(42);
    expect(verifyTicketCode(secret, code.toLowerCase())).toBe('01JD0000000000000000000000');
    expect(verifyTicketCode(randomBytes(32), code)).toBeNull();
    expect(verifyTicketCode(secret, code.slice(0, -1) + (code.endsWith('0') ? '1' : '0'))).toBeNull();
  });
});
