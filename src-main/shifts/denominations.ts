import { MarqueeError } from '../../src-shared/errors.ts';

/**
 * The notes and coins of each currency a venue may run in, in minor units, largest first: what the
 * count screen shows and what a count by denomination may name. The one table of them.
 */
export const DENOMINATIONS: Readonly<Record<string, readonly number[]>> = {
  GBP: [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  USD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1],
  CHF: [100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  CAD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5],
  AUD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  NZD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  SEK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  NOK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100],
  DKK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50],
  PLN: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  CZK: [500000, 200000, 100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
};

/** A count: denomination in minor units (as text, the JSON key) → how many of it are in the drawer. */
export type DenominationCount = Record<string, number>;

export function denominationsOf(currency: string): readonly number[] {
  const list = DENOMINATIONS[currency];
  if (!list) throw new MarqueeError('BAD_INPUT', `Marquee has no table of notes and coins for ${currency}; type the drawer's total instead of counting by denomination.`);
  return list;
}

/**
 * The total of a count by denomination. A negative or fractional number of coins, or a value that is
 * not a note or coin of the currency, is refused with a sentence naming it; nothing is written.
 */
export function countTotal(count: DenominationCount, currency: string): number {
  const known = new Set(denominationsOf(currency));
  let total = 0;
  for (const [value, pieces] of Object.entries(count)) {
    const minor = Number(value);
    if (!known.has(minor)) throw new MarqueeError('BAD_INPUT', `${value} is not a note or coin of ${currency} (give values in minor units, e.g. 2000 for 20.00).`, { problem: 'unknown-denomination' });
    if (!Number.isInteger(pieces) || pieces < 0) {
      throw new MarqueeError('BAD_INPUT', `The count of ${(minor / 100).toFixed(2)} ${currency} is ${pieces}; a count is a whole number of notes or coins, never below nought.`, { problem: 'negative-count' });
    }
    total += minor * pieces;
  }
  return total;
}

/** A drawer figure given either as a total or by denomination; the count wins when both came. */
export function drawerAmount(input: { amountMinor?: number | undefined; count?: DenominationCount | undefined }, currency: string, what: string): { amountMinor: number; count: DenominationCount | null } {
  if (input.count) return { amountMinor: countTotal(input.count, currency), count: input.count };
  if (input.amountMinor === undefined) throw new MarqueeError('BAD_INPUT', `Give ${what} as a total or count it by notes and coins.`);
  if (!Number.isInteger(input.amountMinor) || input.amountMinor < 0) throw new MarqueeError('BAD_INPUT', `${what[0]!.toUpperCase()}${what.slice(1)} cannot be below nought.`, { problem: 'negative-amount' });
  return { amountMinor: input.amountMinor, count: null };
}
