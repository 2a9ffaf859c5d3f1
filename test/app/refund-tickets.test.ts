import { afterEach, describe, expect, it } from 'vitest';
import { exchangeTickets } from '../../src-main/app/exchange-tickets.ts';
import { refundTickets } from '../../src-main/app/refund-tickets.ts';
import { sellSeats } from '../../src-main/app/sell-seats.ts';
import { DRAWER_PULSE, openCounterRig, textOf, type CounterRig } from './counter-rig.ts';

let c: CounterRig | undefined;
afterEach(async () => {
  await c?.rig.dispose();
  c = undefined;
});

/** A card sale of these seats (Adult, £25.00 each, unless `band` says), its tickets and receipt already out of the printer. */
async function soldByCard(c: CounterRig, labels: string[], band: 'adult' | 'premium' = 'adult') {
  const hold = c.hold(labels);
  const input = {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands[band] })),
    payments: [{ method: 'card' as const, amountMinor: (band === 'adult' ? 2500 : 4000) * labels.length }],
  };
  const sale = await sellSeats(c.counter, c.people.cashier, input, input);
  await c.rig.fake.waitForJobs(labels.length + 1);
  return { sale, hold };
}

describe('refundTickets (issue 11, item 3)', () => {
  it('a cash refund pulses the drawer and prints a refund slip; a replay prints nothing more', async () => {
    c = await openCounterRig();
    const { sale, hold } = await soldByCard(c, ['Stalls C-3']);
    const refund = { orderId: sale.order.id, method: 'cash' as const, idempotencyKey: 'refund-key-1' };
    const r = await refundTickets(c.counter, c.people.cashier, refund, refund);
    expect(r.refundedMinor).toBe(2500);
    expect(r.unitIds).toEqual(hold.unitIds);
    expect(r.print).toEqual({ printed: 'queued', jobSetId: expect.any(String), problem: null });
    // Ticket, receipt, then the pulse ahead of the slip.
    const printed = await c.rig.fake.waitForJobs(4);
    expect(printed[2]).toEqual(DRAWER_PULSE);
    const slip = textOf(printed[3]!);
    expect(slip).toContain('REFUND');
    expect(slip).toContain('Stalls, row C, seat 3');
    expect(slip).toMatch(/RETURNED +£25\.00/);
    expect(slip).toContain('Handed back by cash, 1 ticket(s)');
    expect(slip).toContain("Refunded by Cass Cashier");
    const again = await refundTickets(c.counter, c.people.cashier, refund, refund);
    expect(again.print).toEqual(r.print);
    expect(c.queued().filter((l) => l.startsWith('Refund slip'))).toHaveLength(1);
  });

  it('a card refund prints the slip with the card reference and opens no drawer', async () => {
    c = await openCounterRig();
    const { sale } = await soldByCard(c, ['Stalls C-4', 'Stalls C-5']);
    const refund = { orderId: sale.order.id, ticketIds: [sale.tickets[0]!.ticketId], method: 'card' as const, reference: 'RFND-7781' };
    const r = await refundTickets(c.counter, c.people.cashier, refund, refund);
    expect(r.print.printed).toBe('queued');
    const printed = await c.rig.fake.waitForJobs(4);
    expect(printed.some((bytes) => bytes.equals(DRAWER_PULSE))).toBe(false);
    const slip = textOf(printed[3]!);
    expect(slip).toContain('Card reference RFND-7781');
    expect(slip).toContain('Stalls, row C, seat 4');
    expect(slip).not.toContain('Stalls, row C, seat 5');
  });

  it('an exchange for a cheaper seat with cash back pulses the drawer with an exchange slip', async () => {
    c = await openCounterRig();
    const { sale } = await soldByCard(c, ['Stalls A-2'], 'premium');
    const cheap = c.hold(['Stalls C-6']);
    const input = { orderId: sale.order.id, ticketIds: [sale.tickets[0]!.ticketId], holdId: cheap.holdId, lines: [{ unitId: cheap.unitIds[0]!, priceBandId: c.show.bands.adult }] };
    const r = await exchangeTickets(c.counter, c.people.cashier, input, input);
    expect(r.differenceMinor).toBe(2500 - 4000);
    // New ticket and receipt (no cash taken), and the slip for £15.00 back with the one drawer pulse
    // (the queue sends a set's pulse ahead of its paper, so it may overtake the tickets still printing).
    const printed = await c.rig.fake.waitForJobs(6);
    expect(printed.filter((b) => b.equals(DRAWER_PULSE))).toHaveLength(1);
    const slip = textOf(printed[5]!);
    expect(slip).toContain('EXCHANGE');
    expect(slip).toMatch(/RETURNED +£15\.00/);
    expect(slip).toContain('Stalls, row A, seat 2');
    expect(slip).toContain(`Exchanged for order ${r.newOrder.id.slice(-8)}`);
  });
});
