import { afterEach, describe, expect, it, vi } from 'vitest';
import { sellSeats } from '../../src-main/app/sell-seats.ts';
import { DRAWER_PULSE, openCounterRig, textOf, type CounterRig } from './counter-rig.ts';

let c: CounterRig | undefined;
afterEach(async () => {
  await c?.rig.dispose();
  c = undefined;
});

function book(c: CounterRig, labels: string[], payment: { method: 'cash' | 'card'; amountMinor: number; tenderedMinor?: number }, idempotencyKey?: string) {
  const hold = c.hold(labels);
  const input = {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })),
    payments: [payment],
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
  return { input, sell: () => sellSeats(c.counter, c.people.cashier, input, input) };
}

describe('sellSeats', () => {
  it('books, opens the drawer for cash, then prints each ticket and the receipt, reading the layouts once', async () => {
    c = await openCounterRig();
    const list = vi.spyOn(c.rig.service.requireLayouts(), 'list');
    const sale = await book(c, ['Stalls C-3', 'Stalls C-4', 'Stalls C-5'], { method: 'cash', amountMinor: 7500, tenderedMinor: 8000 }).sell();
    expect(sale.order.state).toBe('paid');
    expect(sale.print).toEqual({ printed: 'queued', jobSetId: expect.any(String), problem: null });
    const printed = await c.rig.fake.waitForJobs(5);
    expect(printed[0]).toEqual(DRAWER_PULSE);
    const [a, b, d, receipt] = printed.slice(1).map(textOf);
    expect(a).toContain(sale.tickets[0]!.code);
    expect(b).toContain(sale.tickets[1]!.code);
    expect(d).toContain(sale.tickets[2]!.code);
    expect(receipt).toContain('75.00');
    expect(receipt).toContain('5.00'); // change from £80
    // Three tickets and a receipt, one look at the layout list.
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('keeps the drawer shut for a card payment', async () => {
    c = await openCounterRig();
    await book(c, ['Stalls C-3'], { method: 'card', amountMinor: 2500 }).sell();
    const printed = await c.rig.fake.waitForJobs(2);
    expect(printed.some((bytes) => bytes.equals(DRAWER_PULSE))).toBe(false);
    expect(textOf(printed[0]!)).toContain('Stalls, row C, seat 3');
  });

  it('answers a replayed sale with the first printing, printing nothing and opening no drawer again', async () => {
    c = await openCounterRig();
    const { sell } = book(c, ['Stalls C-3'], { method: 'cash', amountMinor: 2500, tenderedMinor: 2500 }, 'sale-key-0001');
    const first = await sell();
    const again = await sell();
    expect(again.order.id).toBe(first.order.id);
    expect(again.print).toEqual(first.print);
    // A later card sale is the next thing the printer gets: nothing of the replay came in between.
    await book(c, ['Stalls C-4'], { method: 'card', amountMinor: 2500 }).sell();
    const printed = await c.rig.fake.waitForJobs(5);
    expect(printed.filter((bytes) => bytes.equals(DRAWER_PULSE))).toHaveLength(1);
    expect(textOf(printed[3]!)).toContain('Stalls, row C, seat 4');
    expect(c.queued()).toHaveLength(4);
  });
});
