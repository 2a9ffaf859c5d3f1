import { afterEach, describe, expect, it } from 'vitest';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { sell } from '../helpers/sales.ts';

let c: Counter | undefined;
afterEach(() => {
  c?.dispose();
  c = undefined;
});

/** A cheaper seat (concession) for one adult ticket of `orderId`: the difference goes back, in cash unless told. */
async function exchangeForCheaper(counter: Counter, orderId: string, ticketId: string, refundMethod?: 'cash' | 'card') {
  const hold = await counter.till.call('holdBestAvailable', { performanceId: counter.show.performanceId, quantity: 1 });
  return {
    holdId: hold.holdId,
    input: { orderId, ticketIds: [ticketId], holdId: hold.holdId, lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: counter.show.bands.concession })), ...(refundMethod ? { refundMethod } : {}) },
  };
}

/** The rule "cash needs an open shift" (docs/cash-up.md) holds for refunds and exchanges as for sales, through the contract. */
describe('cash at the counter needs an open shift, from the first sale', () => {
  it('refuses cash sales, cash refunds and exchanges handing cash back without a shift; card goes ahead', async () => {
    c = await openCounter({ show: { rows: 4, seatsPerRow: 10, standing: 0 }, shift: false });
    const { till, show } = c;
    expect((await till.fail('bookSeats', await cashBasket(c))).message).toMatch(/Taking cash needs a shift open at this window/);
    const card = await sell(till, show.performanceId, 2);
    const ledgerBefore = ledgerSize(c);

    expect((await till.fail('refundTickets', { orderId: card.order.id, ticketIds: [card.tickets[0]!.ticketId], method: 'cash' })).message).toMatch(/Handing cash back needs a shift open/);
    const back = await exchangeForCheaper(c, card.order.id, card.tickets[1]!.ticketId);
    expect((await till.fail('exchangeTickets', back.input)).message).toMatch(/Cash in an exchange needs a shift open/);
    expect(ledgerSize(c)).toBe(ledgerBefore);
    // The same exchange with the difference back on the card moves no cash.
    await till.call('exchangeTickets', { ...back.input, refundMethod: 'card' });
    await till.call('refundTickets', { orderId: card.order.id, ticketIds: [card.tickets[0]!.ticketId], method: 'card', reference: 'TERM-1' });
  });

  it('lets cash refunds and exchanges through once the seller has a shift open', async () => {
    c = await openCounter({ show: { rows: 4, seatsPerRow: 10, standing: 0 } });
    const { till, show } = c;
    const cash = await sell(till, show.performanceId, 2, undefined, { method: 'cash' });
    const back = await exchangeForCheaper(c, cash.order.id, cash.tickets[1]!.ticketId);
    expect((await till.call('exchangeTickets', back.input)).differenceMinor).toBeLessThan(0);
    expect((await till.call('refundTickets', { orderId: cash.order.id, ticketIds: [cash.tickets[0]!.ticketId], method: 'cash' })).refundedMinor).toBeGreaterThan(0);
  });

  it("follows the setting: 'always' asks for a shift even for card, 'never' for nothing", async () => {
    c = await openCounter({ show: { rows: 4, seatsPerRow: 10, standing: 0 }, shift: false });
    const { till, show } = c;
    const card = await sell(till, show.performanceId, 1);
    await c.signInAs('manager');
    await till.call('updateSettings', { changes: { shiftRequired: 'always' } });
    expect((await till.fail('refundTickets', { orderId: card.order.id, method: 'card', reference: 'TERM-2' })).message).toMatch(/A refund needs a shift open at this window/);
    await till.call('updateSettings', { changes: { shiftRequired: 'never' } });
    await sell(till, show.performanceId, 1, undefined, { method: 'cash' });
  });
});

const ledgerSize = (counter: Counter) => counter.office.records.$client.prepare('SELECT count(*) FROM ledger').pluck().get() as number;

async function cashBasket(counter: Counter) {
  const hold = await counter.till.call('holdBestAvailable', { performanceId: counter.show.performanceId, quantity: 1 });
  return { holdId: hold.holdId, lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: counter.show.bands.adult })), payments: [{ method: 'cash' as const }] };
}
