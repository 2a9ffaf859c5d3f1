export { bandTotal, lineOfBand, priceBands, priceOrder, taxOf } from './price-order.ts';
export type { BandPrice, Discount, PricedLine, PricedLineInput, PricedOrder } from './price-order.ts';
export { bandApplies, bandsForSeat, defaultBand } from './default-band.ts';
export type { BandForSeat } from './default-band.ts';
