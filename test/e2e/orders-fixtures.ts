import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { InputOf, MarqueeBridge, OutputOf, ProcedureName } from '../../src-shared/contract/index.ts';
import { decodeEscPos, decodedTextLines } from '../../src-main/print/render/index.ts';
import { createHttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import type { Result } from '../../src-shared/errors.ts';
import { demoCashier, signIn } from './fixtures.ts';

/**
 * The after-sale screens' e2e helpers: a second box-office window driven through the contract
 * (exactly as another cashier's browser would), to make the real sales each test starts from.
 */
export interface CounterClient {
  call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  close(): void;
}

export async function openCounter(url: string, who = demoCashier): Promise<CounterClient> {
  const bridge = createHttpBridge(url, { windowName: 'Setup window', WebSocket: WebSocket as unknown as WebSocketCtor });
  const call = async <K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const method = bridge[name] as unknown as (i: InputOf<K>) => Promise<Result<OutputOf<K>>>;
    const result = await method(input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value;
  };
  const staff = await call('listStaff', {});
  const member = staff.find((s) => s.name === who.name);
  if (!member) throw new Error(`no demo staff member ${who.name}`);
  await call('signIn', { staffId: member.id, pin: who.pin });
  return { call, close: () => (bridge as MarqueeBridge & { close(): void }).close() };
}

/** Seated performances on sale, soonest first (the demo has a large hall and a 120-seat studio). */
export async function seatedPerformances(counter: CounterClient): Promise<OutputOf<'listPerformances'>> {
  const list = await counter.call('listPerformances', { days: 30 });
  return list.filter((p) => p.state === 'on_sale' && p.counts.available >= 20);
}

/** Holds the best `quantity` seats and prices each with a band for its category. */
async function holdPriced(counter: CounterClient, performanceId: string, quantity: number) {
  const hold = await counter.call('holdBestAvailable', { performanceId, quantity });
  const [map, bands] = await Promise.all([counter.call('getSeatMap', { performanceId }), counter.call('listPriceBands', { performanceId })]);
  const categoryOf = new Map(map.seats.map((s) => [s.unitId, s.category]));
  const lines = hold.unitIds.map((unitId) => {
    const category = categoryOf.get(unitId);
    const band = bands.find((b) => b.category === category) ?? bands.find((b) => b.category === null) ?? bands[0]!;
    expect(band.taxIncluded).toBe(true);
    return { unitId, priceBandId: band.id, priceMinor: band.priceMinor };
  });
  return { hold, lines, total: lines.reduce((sum, l) => sum + l.priceMinor, 0) };
}

export async function reserve(counter: CounterClient, performanceId: string, quantity: number, customer: { name: string; phone: string }) {
  const { hold, total } = await holdPriced(counter, performanceId, quantity);
  const reservation = await counter.call('reserveSeats', { holdId: hold.holdId, customer });
  return { reservation, labels: hold.labels, unitIds: hold.unitIds, total };
}

export async function sell(counter: CounterClient, performanceId: string, quantity: number, customer?: { name: string; phone?: string }) {
  const { hold, lines, total } = await holdPriced(counter, performanceId, quantity);
  return counter.call('bookSeats', {
    holdId: hold.holdId,
    lines: lines.map(({ unitId, priceBandId }) => ({ unitId, priceBandId })),
    ...(customer ? { customer } : {}),
    payments: [{ method: 'card', amountMinor: total }],
  });
}

/** A unit's state as the seat map reads it. */
export async function unitStates(counter: CounterClient, performanceId: string, unitIds: number[]): Promise<string[]> {
  const map = await counter.call('getSeatMap', { performanceId });
  const byId = new Map(map.seats.map((s) => [s.unitId, s.state]));
  return unitIds.map((id) => byId.get(id) ?? 'missing');
}

/** Signs the browser window in and opens one of the cashier tabs by its Alt shortcut. */
export async function openTab(page: Page, url: string, key: '2' | '3' | '4', who = demoCashier): Promise<void> {
  await page.goto(url);
  await signIn(page, who.name, who.pin);
  await page.keyboard.press(`Alt+${key}`);
}

/** Every job the demo's simulated counter printer received, decoded from its ESC/POS bytes to text lines. */
export function printedJobs(dataDir: string): string[][] {
  const dir = join(dataDir, 'fake-printer');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((f) => decodedTextLines(decodeEscPos(readFileSync(join(dir, f)))));
}

/** How many printed jobs carry this text (a ticket code, a seat label). */
export function jobsWith(dataDir: string, text: string): number {
  return printedJobs(dataDir).filter((lines) => lines.some((l) => l.includes(text))).length;
}
