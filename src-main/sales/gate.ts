import { MarqueeError } from '../../src-shared/errors.ts';
import type { SalesContext } from './context.ts';

export interface PerformanceGate {
  id: string;
  eventId: string;
  state: 'on_sale' | 'off_sale' | 'cancelled';
  startsAt: number;
  onSaleFrom: number | null;
  onSaleUntil: number | null;
}

export function findPerformance(ctx: SalesContext, performanceId: string): PerformanceGate {
  const perf = ctx.st.performance.get(performanceId) as PerformanceGate | undefined;
  if (!perf) throw new MarqueeError('NOT_FOUND', `There is no performance with id ${performanceId}.`);
  return perf;
}

/** Refuses to sell for a performance that is cancelled, off sale, or outside its sale window. */
export function requireOnSale(ctx: SalesContext, performanceId: string, now: number): PerformanceGate {
  const perf = findPerformance(ctx, performanceId);
  if (perf.state === 'cancelled') throw new MarqueeError('OFF_SALE', 'This performance has been cancelled; nothing can be sold for it.');
  if (perf.state === 'off_sale') throw new MarqueeError('OFF_SALE', 'This performance is off sale.');
  if (perf.onSaleFrom !== null && now < perf.onSaleFrom) {
    throw new MarqueeError('OFF_SALE', `This performance goes on sale at ${new Date(perf.onSaleFrom).toISOString()}.`);
  }
  if (perf.onSaleUntil !== null && now >= perf.onSaleUntil) throw new MarqueeError('OFF_SALE', 'Sales for this performance have closed.');
  return perf;
}
