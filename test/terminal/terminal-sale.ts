import { randomUUID } from 'node:crypto';
import type { Result } from '../../src-shared/errors.ts';
import type { Terminal } from '../../src-main/terminal/terminal-core.ts';

/** A terminal's call that must succeed: the value, or the host's sentence as the failure. */
export async function must<T = Record<string, unknown>>(terminal: Terminal, name: Parameters<Terminal['call']>[0], input: unknown): Promise<T> {
  const result: Result<unknown> = await terminal.call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** The demo's cashier signs in at the terminal and opens a till (cash needs an open shift). */
export async function signInCashier(terminal: Terminal): Promise<void> {
  const staff = await must<{ id: string; name: string }[]>(terminal, 'listStaff', {});
  const priya = staff.find((s) => s.name === 'Priya Shah')!;
  await must(terminal, 'signIn', { staffId: priya.id, pin: '1111' });
  await must(terminal, 'openShift', { amountMinor: 10_000 });
}

/** The basket of a two-seat cash sale of the demo's first performance, with its idempotency key. */
export async function cashBasket(terminal: Terminal, key = randomUUID()) {
  const list = await must<{ id: string; eventTitle: string; startsAt: number; state: string; counts: { available: number } }[]>(terminal, 'listPerformances', {});
  // Not one whose curtain is already up: that needs a manager's confirmation.
  const performance = list.find((p) => p.state === 'on_sale' && p.startsAt > Date.now() + 3_600_000 && p.counts.available >= 2);
  const bands = await must<{ id: string; category: string | null }[]>(terminal, 'listPriceBands', { performanceId: performance!.id });
  const hold = await must<{ holdId: string; unitIds: number[] }>(terminal, 'holdBestAvailable', { performanceId: performance!.id, quantity: 2 });
  const lines = hold.unitIds.map((unitId) => ({ unitId, priceBandId: bands[0]!.id }));
  const quote = await must<{ totalMinor: number }>(terminal, 'quoteSale', { holdId: hold.holdId, lines });
  return {
    title: performance!.eventTitle,
    input: { holdId: hold.holdId, lines, payments: [{ method: 'cash', amountMinor: quote.totalMinor, tenderedMinor: quote.totalMinor + 500 }], idempotencyKey: key },
  };
}
