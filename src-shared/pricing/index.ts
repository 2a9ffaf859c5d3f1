export { bandTotal, lineOfBand, priceBands, priceOrder, taxOf } from './price-order.ts';
export type { BandPrice, Discount, PricedLine, PricedLineInput, PricedOrder } from './price-order.ts';
export { allocateTax, sumByRate } from './tax-by-rate.ts';
export type { TaxAtRate, TaxableLine } from './tax-by-rate.ts';
export { bandApplies, bandsForSeat, defaultBand } from './default-band.ts';
export type { BandForSeat } from './default-band.ts';
