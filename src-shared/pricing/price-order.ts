/**
 * The one pricing rule of a basket, in integer minor units, shared by the core (which charges it)
 * and the screens (which show it before the core answers). Pure: no clock, no records, no I/O.
 *
 * Discounts are spread over tickets so that refunding one ticket returns exactly what was paid for
 * it; tax is included in or added to the price after the discount, worked out per rate over the
 * whole order and allocated back to the tickets (./tax-by-rate.ts), so per-ticket tax sums to the
 * receipt's per-rate figures.
 */
import { allocateTax, sumByRate, type TaxAtRate } from './tax-by-rate.ts';

export interface PricedLineInput {
  listPriceMinor: number;
  taxRateBp: number;
  taxIncluded: boolean;
}

export interface PricedLine {
  listPriceMinor: number;
  taxRateBp: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

export interface Discount {
  kind: 'percent' | 'fixed';
  /** Basis points for percent, minor units for fixed. */
  value: number;
}

export interface PricedOrder {
  lines: PricedLine[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  /** Net, tax and gross per rate over the order; the lines' tax adds up to these exactly. */
  taxByRate: TaxAtRate[];
}

/** What a price band needs to be priced: the band rows of the core and the bands a screen lists both fit. */
export interface BandPrice {
  priceMinor: number;
  taxRateBp: number;
  taxIncluded: boolean;
}

function allocateDiscounts(prices: number[], discount: Discount | null): number[] {
  if (!discount) return prices.map(() => 0);
  if (discount.kind === 'percent') {
    const bp = Math.min(10_000, Math.max(0, discount.value));
    return prices.map((p) => Math.min(p, Math.round((p * bp) / 10_000)));
  }
  const subtotal = prices.reduce((a, b) => a + b, 0);
  const amount = Math.min(subtotal, Math.max(0, discount.value));
  if (subtotal === 0 || amount === 0) return prices.map(() => 0);
  const shares = prices.map((p) => Math.floor((amount * p) / subtotal));
  // The pennies lost to rounding go to the dearest tickets first, so shares sum to the amount exactly.
  let left = amount - shares.reduce((a, b) => a + b, 0);
  const order = prices.map((p, i) => i).sort((a, b) => prices[b]! - prices[a]!);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    const i = order[k]!;
    if (shares[i]! < prices[i]!) {
      shares[i]! += 1;
      left--;
    }
  }
  return shares;
}

/** The tax in one amount on its own: the part of it when included, on top of it when added (rounded half up). */
export function taxOf(netMinor: number, taxRateBp: number, taxIncluded: boolean): number {
  return allocateTax([{ amountMinor: netMinor, taxRateBp, taxIncluded }])[0]!;
}

export function priceOrder(inputs: PricedLineInput[], discount: Discount | null): PricedOrder {
  const discounts = allocateDiscounts(
    inputs.map((l) => l.listPriceMinor),
    discount,
  );
  const taxes = allocateTax(inputs.map((line, i) => ({ amountMinor: line.listPriceMinor - discounts[i]!, taxRateBp: line.taxRateBp, taxIncluded: line.taxIncluded })));
  const lines = inputs.map((line, i): PricedLine => {
    const discountMinor = discounts[i]!;
    const net = line.listPriceMinor - discountMinor;
    const taxMinor = taxes[i]!;
    return { listPriceMinor: line.listPriceMinor, taxRateBp: line.taxRateBp, discountMinor, taxMinor, totalMinor: line.taxIncluded ? net : net + taxMinor };
  });
  const sum = (f: (l: PricedLine) => number) => lines.reduce((a, l) => a + f(l), 0);
  return {
    lines,
    subtotalMinor: sum((l) => l.listPriceMinor),
    discountMinor: sum((l) => l.discountMinor),
    taxMinor: sum((l) => l.taxMinor),
    totalMinor: sum((l) => l.totalMinor),
    taxByRate: sumByRate(lines),
  };
}

/** A band as a line to price; a manager's override replaces the list price, never the tax rule. */
export function lineOfBand(band: BandPrice, overrideMinor?: number): PricedLineInput {
  return { listPriceMinor: overrideMinor ?? band.priceMinor, taxRateBp: band.taxRateBp, taxIncluded: band.taxIncluded };
}

/** A basket of bands, one per seat, with an optional discount: the figures the core charges. */
export function priceBands(bands: BandPrice[], discount: Discount | null = null): PricedOrder {
  return priceOrder(
    bands.map((b) => lineOfBand(b)),
    discount,
  );
}

/** What one seat at this band costs the customer with no discount, tax included or added. */
export function bandTotal(band: BandPrice): number {
  return priceBands([band]).totalMinor;
}
