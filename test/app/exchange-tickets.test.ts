import { afterEach, describe, expect, it } from 'vitest';
import { exchangeTickets } from '../../src-main/app/exchange-tickets.ts';
import { sellSeats } from '../../src-main/app/sell-seats.ts';
import { DRAWER_PULSE, openCounterRig, textOf, type CounterRig } from './counter-rig.ts';

let c: CounterRig | undefined;
afterEach(async () => {
  await c?.rig.dispose();
  c = undefined;
});

/** A card sale of one Adult seat in row C, its two printed jobs already out. */
async function soldByCard(c: CounterRig) {
  const hold = c.hold(['Stalls C-3']);
  const input = { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: c.show.bands.adult }], payments: [{ method: 'card' as const, amountMinor: 2500 }] };
  const sale = await sellSeats(c.counter, c.people.cashier, input, input);
  await c.rig.fake.waitForJobs(2);
  return sale;
}

describe('exchangeTickets', () => {
  it('prints the new tickets in the same call and opens the drawer when cash is taken', async () => {
    c = await openCounterRig();
    const sale = await soldByCard(c);
    const hold = c.hold(['Stalls A-1']);
    const input = {
      orderId: sale.order.id,
      ticketIds: [sale.tickets[0]!.ticketId],
      holdId: hold.holdId,
      lines: [{ unitId: hold.unitIds[0]!, priceBandId: c.show.bands.premium }],
      payments: [{ method: 'cash' as const }],
      idempotencyKey: 'exchange-key-1',
    };
    const r = await exchangeTickets(c.counter, c.people.cashier, input, input);
    expect(r.differenceMinor).toBeGreaterThan(0);
    expect(r.print).toEqual({ printed: 'queued', jobSetId: expect.any(String), problem: null });
    const printed = await c.rig.fake.waitForJobs(5);
    expect(printed[2]).toEqual(DRAWER_PULSE);
    expect(textOf(printed[3]!)).toContain(r.tickets[0]!.code);
    expect(textOf(printed[3]!)).toContain('Stalls, row A, seat 1');
    // A replay answers the first printing and queues nothing more.
    const again = await exchangeTickets(c.counter, c.people.cashier, input, input);
    expect(again.print).toEqual(r.print);
    expect(c.queued()).toHaveLength(4);
  });

  it('keeps the drawer shut when the difference goes back to the card', async () => {
    c = await openCounterRig();
    const hold = c.hold(['Stalls A-2']);
    const dear = { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: c.show.bands.premium }], payments: [{ method: 'card' as const }] };
    const quote = c.counter.engine().quote(c.people.cashier, { holdId: dear.holdId, lines: dear.lines });
    const sale = await sellSeats(c.counter, c.people.cashier, { ...dear, payments: [{ method: 'card', amountMinor: quote.totalMinor }] }, dear);
    await c.rig.fake.waitForJobs(2);
    const cheap = c.hold(['Stalls C-6']);
    const input = {
      orderId: sale.order.id,
      ticketIds: [sale.tickets[0]!.ticketId],
      holdId: cheap.holdId,
      lines: [{ unitId: cheap.unitIds[0]!, priceBandId: c.show.bands.adult }],
      refundMethod: 'card' as const,
    };
    const r = await exchangeTickets(c.counter, c.people.cashier, input, input);
    expect(r.differenceMinor).toBeLessThan(0);
    const printed = await c.rig.fake.waitForJobs(4);
    expect(printed.some((bytes) => bytes.equals(DRAWER_PULSE))).toBe(false);
    expect(textOf(printed[2]!)).toContain('Stalls, row C, seat 6');
  });
});
