/**
 * Tax worked out per rate over the whole order, then handed back to the tickets, so that the
 * receipt's "VAT 20% on £58.34 = £11.66" is what 20 % of the rate's figure really is, and the tax
 * stored on each ticket still adds up to it exactly (a Z report that sums tickets by rate, and a
 * refund of one ticket, both reconcile to the receipt). Pure integer arithmetic, no floats.
 */

/** One line as tax sees it: its amount after the discount, and whether the tax is in it or on top. */
export interface TaxableLine {
  /** After the discount: the gross when tax is included, the net when it is added. */
  amountMinor: number;
  taxRateBp: number;
  taxIncluded: boolean;
}

/** A rate's figures over the order; net + tax = gross always. */
export interface TaxAtRate {
  taxRateBp: number;
  netMinor: number;
  taxMinor: number;
  grossMinor: number;
}

/** Half-up rounding of numerator / denominator for non-negative integers. */
function roundedQuotient(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * Splits `total` over shares proportional to `weights` (numerators over `denominator`): each gets
 * its floor, and the pennies left go to the largest remainders (the earlier line on a tie).
 */
function largestRemainder(weights: number[], denominator: number, total: number): number[] {
  const shares = weights.map((w) => Math.floor(w / denominator));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const byRemainder = weights.map((_, i) => i).sort((a, b) => (weights[b]! % denominator) - (weights[a]! % denominator) || a - b);
  for (let k = 0; left > 0 && k < byRemainder.length; k++, left--) shares[byRemainder[k]!]! += 1;
  return shares;
}

/**
 * The tax of each line, allocated from its group's total (a group: one rate, tax included or
 * added). Per group the tax is the rate applied once to the group's total, rounded half up.
 */
export function allocateTax(lines: readonly TaxableLine[]): number[] {
  const taxes = lines.map(() => 0);
  const groups = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const key = `${line.taxRateBp}/${line.taxIncluded ? 'in' : 'on'}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  for (const members of groups.values()) {
    const { taxRateBp: rate, taxIncluded } = lines[members[0]!]!;
    if (rate <= 0) continue;
    // Included: tax = gross × r / (1 + r); added: tax = net × r. In basis points, over integers.
    const denominator = taxIncluded ? 10_000 + rate : 10_000;
    const weights = members.map((i) => Math.max(0, lines[i]!.amountMinor) * rate);
    const total = roundedQuotient(
      weights.reduce((a, b) => a + b, 0),
      denominator,
    );
    largestRemainder(weights, denominator, total).forEach((tax, k) => {
      taxes[members[k]!] = tax;
    });
  }
  return taxes;
}

/** Lines' tax and totals summed per rate, in rising rate order (tax-free lines under rate 0). */
export function sumByRate(lines: readonly { taxRateBp: number; taxMinor: number; totalMinor: number }[]): TaxAtRate[] {
  const byRate = new Map<number, TaxAtRate>();
  for (const line of lines) {
    const at = byRate.get(line.taxRateBp) ?? { taxRateBp: line.taxRateBp, netMinor: 0, taxMinor: 0, grossMinor: 0 };
    at.taxMinor += line.taxMinor;
    at.grossMinor += line.totalMinor;
    at.netMinor = at.grossMinor - at.taxMinor;
    byRate.set(line.taxRateBp, at);
  }
  return [...byRate.values()].sort((a, b) => a.taxRateBp - b.taxRateBp);
}
