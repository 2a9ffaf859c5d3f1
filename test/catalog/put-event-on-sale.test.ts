import { afterEach, describe, expect, it } from 'vitest';
import { CASHIER, MANAGER, openDemoWorld, type AdminWorld, type Window } from '../admin/helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

async function planNamed(manager: Window, venue: string) {
  return (await manager.call('listVenues', {})).find((v) => v.name === venue)!.plans[0]!.id;
}

describe('put all on sale', () => {
  it('puts a series made off sale on sale at once, and names each performance whose categories lack a price', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const lyric = await planNamed(manager, 'The Lyric Theatre');
    const event = await manager.call('saveEvent', { event: { title: 'A Series', durationMinutes: 90 } });
    // Only the Stalls are priced: every Lyric performance lacks Balcony and Circle.
    await manager.call('savePriceBand', { eventId: event.id, band: { name: 'Stalls adult', category: 'Stalls', priceMinor: 4800, taxRateBp: 2000, taxIncluded: true } });
    const run = await manager.call('createRun', {
      eventId: event.id,
      planId: lyric,
      firstDate: '2026-12-07',
      lastDate: '2026-12-13',
      slots: [{ weekdays: [1, 2, 3, 4, 5, 6, 0], time: '19:30' }],
      state: 'off_sale',
    });
    expect(run.performanceIds).toHaveLength(7);

    const refused = await manager.call('putEventOnSale', { eventId: event.id });
    expect(refused.putOnSale).toEqual([]);
    expect(refused.refused.map((r) => r.performanceId)).toEqual(run.performanceIds);
    for (const r of refused.refused) {
      expect(r.unpricedCategories).toEqual(['Balcony', 'Circle']);
      expect(r.message).toMatch(/no price for the categories "Balcony" and "Circle"/);
    }
    expect((await manager.call('listEventPerformances', { eventId: event.id })).every((p) => p.state === 'off_sale')).toBe(true);

    await manager.call('savePriceBand', { eventId: event.id, band: { name: 'Adult', category: null, priceMinor: 1800, taxRateBp: 2000, taxIncluded: true } });
    const done = await manager.call('putEventOnSale', { eventId: event.id });
    expect(done).toEqual({ putOnSale: run.performanceIds, refused: [] });
    expect((await manager.call('listEventPerformances', { eventId: event.id })).every((p) => p.state === 'on_sale')).toBe(true);
    // Nothing left to put on sale: a second press changes nothing.
    expect(await manager.call('putEventOnSale', { eventId: event.id })).toEqual({ putOnSale: [], refused: [] });
    const log = await manager.call('queryAuditLog', { limit: 5 });
    expect(log.entries.some((e) => e.kind === 'event.put-on-sale' && /put 7 performances of A Series on sale/.test(e.summary))).toBe(true);
  });

  it('is for managers only, and names an unknown event', async () => {
    world = openDemoWorld();
    const cashier = await world.window(...CASHIER);
    const manager = await world.window(...MANAGER);
    expect((await cashier.fail('putEventOnSale', { eventId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })).code).toBe('FORBIDDEN');
    expect(await manager.fail('putEventOnSale', { eventId: '01JZZZZZZZZZZZZZZZZZZZZZZZ' })).toMatchObject({ code: 'NOT_FOUND', message: 'There is no event with id 01JZZZZZZZZZZZZZZZZZZZZZZZ.' });
  });
});
