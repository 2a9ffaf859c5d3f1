import { MarqueeError } from '../../src-shared/errors.ts';
import type { SettingKey, SettingValue } from '../../src-shared/settings-registry.ts';
import { settingFromStored } from '../core/settings.ts';
import { PERFORMANCE_KEYS, type SalesContext } from './context.ts';
import { objectsOf } from './rows.ts';

export interface PerformanceGate {
  id: string;
  eventId: string;
  state: 'on_sale' | 'off_sale' | 'cancelled';
  startsAt: number;
  onSaleFrom: number | null;
  onSaleUntil: number | null;
}

function lookUp(ctx: SalesContext, performanceId: string, setting: string | null): { perf: PerformanceGate | null; setting: string | null } {
  const raw = ctx.st.performance.get({ id: performanceId, setting }) as unknown[] | undefined;
  if (!raw) return { perf: null, setting: null };
  return { perf: objectsOf<PerformanceGate>(PERFORMANCE_KEYS, [raw])[0]!, setting: raw[PERFORMANCE_KEYS.length] as string | null };
}

export function findPerformanceOrNull(ctx: SalesContext, performanceId: string): PerformanceGate | null {
  return lookUp(ctx, performanceId, null).perf;
}

export function findPerformance(ctx: SalesContext, performanceId: string): PerformanceGate {
  const perf = findPerformanceOrNull(ctx, performanceId);
  if (!perf) throw new MarqueeError('NOT_FOUND', `There is no performance with id ${performanceId}.`);
  return perf;
}

/** Refuses to sell for a performance that is cancelled, off sale, or outside its sale window. */
export function requireOnSale(ctx: SalesContext, performanceId: string, now: number): PerformanceGate {
  return checkOnSale(findPerformance(ctx, performanceId), now);
}

/** requireOnSale, and a setting read in the same statement (typed and checked, as ctx.setting reads it). */
export function requireOnSaleWith<K extends SettingKey>(ctx: SalesContext, performanceId: string, now: number, key: K): [PerformanceGate, SettingValue<K>] {
  const found = lookUp(ctx, performanceId, key);
  if (!found.perf) throw new MarqueeError('NOT_FOUND', `There is no performance with id ${performanceId}.`);
  return [checkOnSale(found.perf, now), settingFromStored(key, found.setting)];
}

function checkOnSale(perf: PerformanceGate, now: number): PerformanceGate {
  if (perf.state === 'cancelled') throw new MarqueeError('OFF_SALE', 'This performance has been cancelled; nothing can be sold for it.');
  if (perf.state === 'off_sale') throw new MarqueeError('OFF_SALE', 'This performance is off sale.');
  if (perf.onSaleFrom !== null && now < perf.onSaleFrom) {
    throw new MarqueeError('OFF_SALE', `This performance goes on sale at ${new Date(perf.onSaleFrom).toISOString()}.`);
  }
  if (perf.onSaleUntil !== null && now >= perf.onSaleUntil) throw new MarqueeError('OFF_SALE', 'Sales for this performance have closed.');
  return perf;
}

/**
 * Selling after curtain-up is allowed (latecomers) but never silently: the window has to say it
 * asked the cashier. Refused otherwise with `details.confirm = 'afterCurtainUp'`, which the
 * screens answer with a confirmation and the same request again with the flag.
 */
export function requireLateSaleConfirmed(perf: Pick<PerformanceGate, 'startsAt'>, now: number, confirmed: boolean | undefined): void {
  if (now < perf.startsAt || confirmed === true) return;
  const minutes = Math.floor((now - perf.startsAt) / 60_000);
  const ago = minutes < 1 ? 'just now' : minutes === 1 ? 'a minute ago' : minutes < 120 ? `${minutes} minutes ago` : `${Math.floor(minutes / 60)} hours ago`;
  throw new MarqueeError('OFF_SALE', `This performance started ${ago}; confirm that you are selling after curtain-up.`, {
    confirm: 'afterCurtainUp',
    startsAt: perf.startsAt,
  });
}

/** An exchange moves a customer to another night: never to one that has already begun. */
export function requireNotStarted(perf: Pick<PerformanceGate, 'startsAt'>, now: number): void {
  if (now >= perf.startsAt) throw new MarqueeError('OFF_SALE', 'That performance has already started; exchange into one that has not begun.');
}
