import { afterEach, describe, expect, it } from 'vitest';
import { refundTickets } from '../../src-main/app/refund-tickets.ts';
import { sellSeats } from '../../src-main/app/sell-seats.ts';
import { DRAWER_PULSE, openCounterRig, type CounterRig } from './counter-rig.ts';

let c: CounterRig | undefined;
afterEach(async () => {
  await c?.rig.dispose();
  c = undefined;
});

describe('refundTickets', () => {
  it('refunds and returns the seats to sale; nothing prints until the refund slip exists', async () => {
    c = await openCounterRig();
    const hold = c.hold(['Stalls C-3']);
    const input = { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: c.show.bands.adult }], payments: [{ method: 'card' as const, amountMinor: 2500 }] };
    const sale = await sellSeats(c.counter, c.people.cashier, input, input);
    const refund = { orderId: sale.order.id, method: 'cash' as const };
    const r = refundTickets(c.counter, c.people.cashier, refund, refund);
    expect(r.refundedMinor).toBe(2500);
    expect(r.unitIds).toEqual(hold.unitIds);
    // The sale's ticket and receipt, and nothing for the refund (no slip yet, so no drawer pulse either).
    const printed = await c.rig.fake.waitForJobs(2);
    expect(printed.some((bytes) => bytes.equals(DRAWER_PULSE))).toBe(false);
    expect(c.queued()).toHaveLength(2);
  });
});
