import type { OutputOf } from '../../src-shared/contract/index.ts';
import type { ContractCalls } from './window.ts';

/**
 * Sales made through the contract as a second window would make them, so a test starts from real
 * orders: the same helpers for a window in process and one over HTTP.
 */

export interface SaleChoice {
  /** Hold in this seat category only. */
  category?: string;
  /** Price every seat at the band of this name (else the band for the seat's category). */
  band?: string;
  /** Card by default; cash is tendered exactly. */
  method?: 'card' | 'cash';
}

/** Seated performances on sale, soonest first (the demo has a large hall and a 120-seat studio). */
export async function seatedPerformances(window: ContractCalls): Promise<OutputOf<'listPerformances'>> {
  const list = await window.call('listPerformances', { days: 30 });
  // Not started: selling after curtain-up needs the cashier's confirmation (gate.ts requireLateSaleConfirmed).
  return list.filter((p) => p.state === 'on_sale' && p.counts.available >= 20 && p.startsAt > Date.now());
}

/** Holds the best `quantity` seats and prices each with a band for its category (tax included, so the list price is what is due). */
export async function holdPriced(window: ContractCalls, performanceId: string, quantity: number, choice: SaleChoice = {}) {
  const hold = await window.call('holdBestAvailable', { performanceId, quantity, ...(choice.category ? { category: choice.category } : {}) });
  const [map, allBands] = await Promise.all([window.call('getSeatMap', { performanceId }), window.call('listPriceBands', { performanceId })]);
  const bands = allBands.filter((b) => !choice.band || b.name === choice.band);
  const categoryOf = new Map(map.seats.map((s) => [s.unitId, s.category]));
  const lines = hold.unitIds.map((unitId) => {
    const category = categoryOf.get(unitId);
    const band = bands.find((b) => b.category === category) ?? bands.find((b) => b.category === null) ?? bands[0];
    if (!band) throw new Error(`no ${choice.band ?? ''} price band for ${category ?? 'the seat'}`);
    if (!band.taxIncluded) throw new Error(`band ${band.name} adds tax: these helpers pay the list price`);
    return { unitId, priceBandId: band.id, priceMinor: band.priceMinor };
  });
  return { hold, lines, total: lines.reduce((sum, l) => sum + l.priceMinor, 0) };
}

/** Sells the best `quantity` seats, paid in full, to a walk-in or a named customer. */
export async function sell(window: ContractCalls, performanceId: string, quantity: number, customer?: { name: string; phone?: string }, choice: SaleChoice = {}) {
  const { hold, lines, total } = await holdPriced(window, performanceId, quantity, choice);
  const method = choice.method ?? 'card';
  return window.call('bookSeats', {
    holdId: hold.holdId,
    lines: lines.map(({ unitId, priceBandId }) => ({ unitId, priceBandId })),
    ...(customer ? { customer } : {}),
    payments: [method === 'cash' ? { method, amountMinor: total, tenderedMinor: total } : { method, amountMinor: total }],
  });
}

/** Reserves the best `quantity` seats for a customer to pay at collection. */
export async function reserve(window: ContractCalls, performanceId: string, quantity: number, customer: { name: string; phone: string }) {
  const { hold, total } = await holdPriced(window, performanceId, quantity);
  const reservation = await window.call('reserveSeats', { holdId: hold.holdId, customer });
  return { reservation, labels: hold.labels, unitIds: hold.unitIds, total };
}

/** A unit's state as the seat map reads it. */
export async function unitStates(window: ContractCalls, performanceId: string, unitIds: number[]): Promise<string[]> {
  const map = await window.call('getSeatMap', { performanceId });
  const byId = new Map(map.seats.map((s) => [s.unitId, s.state]));
  return unitIds.map((id) => byId.get(id) ?? 'missing');
}
