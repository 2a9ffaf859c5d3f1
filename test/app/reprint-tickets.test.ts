import { afterEach, describe, expect, it } from 'vitest';
import { reprintTickets } from '../../src-main/app/reprint-tickets.ts';
import { sellSeats } from '../../src-main/app/sell-seats.ts';
import { DRAWER_PULSE, openCounterRig, textOf, type CounterRig } from './counter-rig.ts';

let c: CounterRig | undefined;
afterEach(async () => {
  await c?.rig.dispose();
  c = undefined;
});

describe('reprintTickets', () => {
  it('prints only the picked tickets: no receipt, no drawer, even for a cash sale', async () => {
    c = await openCounterRig();
    const hold = c.hold(['Stalls C-3', 'Stalls C-4']);
    const input = {
      holdId: hold.holdId,
      lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: c!.show.bands.adult })),
      payments: [{ method: 'cash' as const, amountMinor: 5000, tenderedMinor: 5000 }],
    };
    const sale = await sellSeats(c.counter, c.people.cashier, input, input);
    await c.rig.fake.waitForJobs(4);
    const r = await reprintTickets(c.counter, c.people.cashier, sale.order.id, [sale.tickets[1]!.ticketId]);
    expect(r.print.printed).toBe('queued');
    const printed = await c.rig.fake.waitForJobs(5);
    expect(printed.filter((bytes) => bytes.equals(DRAWER_PULSE))).toHaveLength(1);
    expect(textOf(printed[4]!)).toContain(sale.tickets[1]!.code);
    expect(c.queued()).toHaveLength(4);
  });
});
