import { afterEach, describe, expect, it } from 'vitest';
import { CASHIER, MANAGER, openDemoWorld, type AdminWorld, type Window } from '../admin/helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

const MINUTE = 60_000;

async function lyricPlan(manager: Window) {
  return (await manager.call('listVenues', {})).find((v) => v.name === 'The Lyric Theatre')!.plans[0]!.id;
}

describe('no sale without prices', () => {
  it('keeps a run off sale until every category it sells has a price, naming the ones that lack one', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const planId = await lyricPlan(manager);
    const event = await manager.call('saveEvent', { event: { title: 'Unpriced', durationMinutes: 90 } });
    await manager.call('savePriceBand', { eventId: event.id, band: { name: 'Stalls adult', category: 'Stalls', priceMinor: 4800, taxRateBp: 2000, taxIncluded: true } });
    const run = { eventId: event.id, planId, firstDate: '2026-12-05', lastDate: '2026-12-05', slots: [{ weekdays: [6], time: '19:30' }] };
    const refused = await manager.fail('createRun', run);
    expect(refused.code).toBe('BAD_INPUT');
    expect(refused.message).toMatch(/no price for the categories "Balcony" and "Circle"/);
    expect(refused.details).toMatchObject({ unpricedCategories: ['Balcony', 'Circle'] });
    expect(await manager.call('listEventPerformances', { eventId: event.id })).toEqual([]);

    const offSale = await manager.call('createRun', { ...run, state: 'off_sale' });
    const performanceId = offSale.performanceIds[0]!;
    expect((await manager.fail('updatePerformance', { performanceId, state: 'on_sale' })).message).toMatch(/"Balcony" and "Circle"/);
    await manager.call('savePriceBand', { eventId: event.id, band: { name: 'Adult', category: null, priceMinor: 1800, taxRateBp: 2000, taxIncluded: true } });
    expect((await manager.call('updatePerformance', { performanceId, state: 'on_sale' })).performance.state).toBe('on_sale');
  });
});

describe('no silent late sale', () => {
  it('asks the window to confirm a sale after curtain-up, and sells once it has', async () => {
    world = openDemoWorld();
    const cashier = await world.window(...CASHIER);
    const list = await cashier.call('listPerformances', { days: 1 });
    const started = list.find((p) => p.startsAt <= world!.clock.now() && p.venueName === 'The Lyric Theatre')!;
    const hold = await cashier.call('holdBestAvailable', { performanceId: started.id, quantity: 1 });
    const [band] = await cashier.call('listPriceBands', { performanceId: started.id });
    const sale = { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: band!.id }], payments: [{ method: 'card' as const }] };
    const refused = await cashier.fail('bookSeats', sale);
    expect(refused).toMatchObject({ code: 'OFF_SALE', details: { confirm: 'afterCurtainUp', startsAt: started.startsAt } });
    expect(refused.message).toMatch(/^This performance started 60 minutes ago; confirm that you are selling after curtain-up\.$/);
    const sold = await cashier.call('bookSeats', { ...sale, afterCurtainUp: true });
    expect(sold.tickets).toHaveLength(1);
  });

  it('never exchanges into a performance that has started', async () => {
    world = openDemoWorld();
    const cashier = await world.window(...CASHIER);
    const list = await cashier.call('listPerformances', { days: 7 });
    const lyric = list.filter((p) => p.venueName === 'The Lyric Theatre');
    const started = lyric.find((p) => p.startsAt <= world!.clock.now())!;
    const later = lyric.find((p) => p.startsAt > world!.clock.now() + 60 * MINUTE)!;
    const hold = await cashier.call('holdBestAvailable', { performanceId: later.id, quantity: 1 });
    const [band] = await cashier.call('listPriceBands', { performanceId: later.id });
    const sold = await cashier.call('bookSeats', { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: band!.id }], payments: [{ method: 'card' }] });
    const newHold = await cashier.call('holdBestAvailable', { performanceId: started.id, quantity: 1 });
    const [startedBand] = await cashier.call('listPriceBands', { performanceId: started.id });
    const refused = await cashier.fail('exchangeTickets', {
      orderId: sold.order.id,
      ticketIds: sold.tickets.map((t) => t.ticketId),
      holdId: newHold.holdId,
      lines: [{ unitId: newHold.unitIds[0]!, priceBandId: startedBand!.id }],
      refundMethod: 'card',
    });
    expect(refused).toMatchObject({ code: 'OFF_SALE', message: 'That performance has already started; exchange into one that has not begun.' });
  });
});
