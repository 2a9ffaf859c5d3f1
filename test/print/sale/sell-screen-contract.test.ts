import { afterEach, describe, expect, it } from 'vitest';
import { addStation } from '../../sales/fixtures.ts';
import { openCounter } from '../../helpers/counter.ts';
import type { Counter } from '../../helpers/counter.ts';
import { openWindow } from '../../helpers/window.ts';
import { fastOptions } from '../delivery/helpers.ts';

let opened: Counter | undefined;
afterEach(async () => {
  if (opened) {
    await opened.running.stop();
    opened.dispose();
  }
  opened = undefined;
});

/** What the sell screen relies on from the contract, beyond the engine's own tests. */
describe('the sell screen’s contract', () => {
  it('marks seats held by this window apart from those held by another station', async () => {
    const counter = (opened = await openCounter({ show: true, signedIn: 'cashier' }));
    const { show, till: here } = counter;
    const there = openWindow(counter.api, addStation(counter.office, 'Box office 2'));
    await counter.signInAs('manager', there);
    expect((await here.result('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-1')] })).ok).toBe(true);
    expect((await there.result('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-2')] })).ok).toBe(true);
    const map = await here.call('getSeatMap', { performanceId: show.performanceId });
    const seats = map.seats;
    const seat = (label: string) => seats.find((s) => s.label === label)!;
    expect(seat('Stalls, row A, seat 1')).toMatchObject({ state: 'held', heldByMe: true });
    expect(seat('Stalls, row A, seat 2')).toMatchObject({ state: 'held', heldByMe: false });
    expect(seat('Stalls, row A, seat 3')).toMatchObject({ state: 'available', heldByMe: false });
  });

  it('prices a discount code by a sale attempt without payment, which writes nothing', async () => {
    const counter = (opened = await openCounter({ show: true, signedIn: 'manager', compose: { print: fastOptions } }));
    const { show, till } = counter;
    expect((await till.result('createDiscountCode', { code: 'FRIENDS', kind: 'percent', value: 2000 })).ok).toBe(true);
    const held = await till.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls C-1'), show.unit('Stalls C-2')] });
    const lines = held.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult }));
    const probe = await till.result('bookSeats', { holdId: held.holdId, lines, payments: [], discountCode: 'FRIENDS' });
    expect(probe).toMatchObject({ ok: false, error: { code: 'PAYMENT_SHORT', details: { dueMinor: 4000 } } });
    const uses = counter.office.records.$client.prepare(`select uses from discount_codes where code = 'FRIENDS'`).pluck().get();
    expect(uses).toBe(0);
    const sale = await till.result('bookSeats', {
      holdId: held.holdId,
      lines,
      payments: [{ method: 'cash', amountMinor: 4000, tenderedMinor: 5000 }],
      discountCode: 'FRIENDS',
    });
    expect(sale).toMatchObject({ ok: true, value: { order: { totalMinor: 4000 }, changeMinor: 1000, print: { printed: 'no-printer' } } });
  });
});
