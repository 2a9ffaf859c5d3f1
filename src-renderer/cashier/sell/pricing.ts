import type { PriceBand } from './types.ts';

/**
 * The basket's arithmetic, the same rule the core prices a sale with (src-main/sales/pricing.ts):
 * tax per band, included in or added to the price. The core's figure is what is charged; this
 * only shows the cashier what to ask for before a discount code is applied.
 */
export function priceLine(band: PriceBand): { taxMinor: number; totalMinor: number } {
  const net = band.priceMinor;
  const rate = band.taxRateBp;
  const taxMinor = band.taxIncluded ? Math.round((net * rate) / (10_000 + rate)) : Math.round((net * rate) / 10_000);
  return { taxMinor, totalMinor: band.taxIncluded ? net : net + taxMinor };
}

/** Notes a customer is likely to hand over for this amount: the next 5, 10, 20 and 50 up. */
export function quickTenders(dueMinor: number): number[] {
  const out: number[] = [];
  for (const note of [500, 1000, 2000, 5000, 10_000]) {
    const value = Math.ceil(dueMinor / note) * note;
    if (value > dueMinor && !out.includes(value)) out.push(value);
  }
  return out.slice(0, 4);
}
