import { afterEach, describe, expect, it } from 'vitest';
import { CASHIER, MANAGER, csvFixture, openDemoWorld, pretixFixture, type AdminWorld } from './helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

describe('events, plans and prices', () => {
  it('edits an event and keeps its performances', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const [first] = await manager.call('listEvents', {});
    const edited = await manager.call('saveEvent', { id: first!.id, event: { title: 'Renamed', description: 'New words', durationMinutes: 95, ageRating: 'PG', layoutId: null } });
    expect(edited).toMatchObject({ id: first!.id, title: 'Renamed', durationMinutes: 95, ageRating: 'PG', performances: first!.performances });
    expect((await manager.fail('saveEvent', { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ', event: { title: 'x', durationMinutes: 5 } })).code).toBe('NOT_FOUND');
  });

  it('previews a pretix plan without writing, imports it, maps its categories to prices and sells from it', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const db = world.temp.office.records.$client;
    const plansBefore = (db.prepare('select count(*) as n from seating_plans').get() as { n: number }).n;
    const preview = await manager.call('previewSeatingPlan', { format: 'pretix', fileName: 'riverside.json', content: pretixFixture() });
    expect(preview.seats.length).toBeGreaterThan(0);
    expect(preview.categories.length).toBeGreaterThan(0);
    expect((db.prepare('select count(*) as n from seating_plans').get() as { n: number }).n).toBe(plansBefore);

    const bad = await manager.fail('previewSeatingPlan', { format: 'pretix', fileName: 'bad.json', content: '{"zones": 3' });
    expect(bad.code).toBe('PLAN_INVALID');

    const venue = await manager.call('createVenue', { name: 'Riverside Hall', address: '1 Quay' });
    const imported = await manager.call('importSeatingPlan', { venueId: venue.id, name: 'Main', format: 'pretix', fileName: 'riverside.json', content: pretixFixture() });
    expect(imported.seats).toBe(preview.seats.length);
    const categories = await manager.call('planCategories', { planId: imported.planId });
    expect(categories.map((c) => c.name).sort()).toEqual(preview.categories.map((c) => c.name).sort());

    const event = await manager.call('saveEvent', { event: { title: 'River Songs', durationMinutes: 90 } });
    for (const [i, c] of categories.entries()) {
      await manager.call('savePriceBand', { eventId: event.id, band: { name: 'Adult', category: c.name, priceMinor: 2000 + i * 500, taxRateBp: 2000, taxIncluded: true } });
    }
    const clash = await manager.fail('savePriceBand', { eventId: event.id, band: { name: 'Adult', category: categories[0]!.name, priceMinor: 1, taxRateBp: 0, taxIncluded: true } });
    expect(clash.code).toBe('CONFLICT');
    const run = await manager.call('createRun', { eventId: event.id, planId: imported.planId, firstDate: '2026-12-05', lastDate: '2026-12-05', slots: [{ weekdays: [6], time: '19:30' }] });
    const performanceId = run.performanceIds[0]!;

    const cashier = await world.window(...CASHIER);
    const hold = await cashier.call('holdBestAvailable', { performanceId, quantity: 1 });
    const map = await cashier.call('getSeatMap', { performanceId });
    const category = map.seats.find((s) => s.unitId === hold.unitIds[0])!.category;
    const band = (await cashier.call('listPriceBands', { performanceId })).find((b) => b.category === category)!;
    await cashier.call('bookSeats', { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: band.id }], payments: [{ method: 'card', amountMinor: band.priceMinor }] });

    // The sold band is now fixed; an unsold one can still be removed.
    const bands = await manager.call('listEventPriceBands', { eventId: event.id });
    const sold = bands.find((b) => b.id === band.id)!;
    expect(sold.ticketsSold).toBe(1);
    expect((await manager.fail('savePriceBand', { eventId: event.id, id: sold.id, band: { name: 'Adult', category, priceMinor: 1, taxRateBp: 0, taxIncluded: true } })).code).toBe('CONFLICT');
    expect((await manager.fail('removePriceBand', { id: sold.id })).message).toMatch(/sold 1 ticket/);
    const unsold = bands.find((b) => b.ticketsSold === 0);
    if (unsold) await manager.call('removePriceBand', { id: unsold.id });
  });

  it('imports a CSV plan too, and cancelling a performance lists the orders and reservations to deal with', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const venue = await manager.call('createVenue', { name: 'Community Hall' });
    const imported = await manager.call('importSeatingPlan', { venueId: venue.id, name: 'Flat floor', format: 'csv', fileName: 'hall.csv', content: csvFixture() });
    expect(imported.seats).toBeGreaterThan(0);

    const cashier = await world.window(...CASHIER);
    // One that has not started: a sale after curtain-up needs the cashier's confirmation.
    const perf = (await cashier.call('listPerformances', { days: 14 })).find((p) => p.startsAt > world!.clock.now());
    const performanceId = perf!.id;
    const hold = await cashier.call('holdBestAvailable', { performanceId, quantity: 2 });
    const bands = await cashier.call('listPriceBands', { performanceId });
    const map = await cashier.call('getSeatMap', { performanceId });
    const lines = hold.unitIds.map((unitId) => {
      const category = map.seats.find((s) => s.unitId === unitId)?.category;
      const band = bands.find((b) => b.category === category || b.category === null)!;
      return { unitId, priceBandId: band.id, price: band.priceMinor };
    });
    const total = lines.reduce((n, l) => n + l.price, 0);
    await cashier.call('bookSeats', { holdId: hold.holdId, lines: lines.map(({ unitId, priceBandId }) => ({ unitId, priceBandId })), customer: { name: 'Ann Early' }, payments: [{ method: 'card', amountMinor: total }] });
    const hold2 = await cashier.call('holdBestAvailable', { performanceId, quantity: 1 });
    const reservation = await cashier.call('reserveSeats', { holdId: hold2.holdId, customer: { name: 'Ben Late', phone: '07700 900123' } });

    const { performance, toResolve } = await manager.call('updatePerformance', { performanceId, state: 'cancelled' });
    expect(performance.state).toBe('cancelled');
    expect(toResolve.orders).toEqual([expect.objectContaining({ customerName: 'Ann Early', tickets: 2, totalMinor: total })]);
    expect(toResolve.reservations).toEqual([expect.objectContaining({ reference: reservation.reference, customerName: 'Ben Late', seats: 1 })]);
    const log = await manager.call('queryAuditLog', { performanceId });
    expect(log.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['performance.cancelled', 'order.booked', 'reservation.created']));
    const window = await manager.fail('updatePerformance', { performanceId, onSaleFrom: 2000, onSaleUntil: 1000 });
    expect(window.code).toBe('BAD_INPUT');
  });

  it('lists named blocks with their seats and release time, and releases them', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const [perf] = await manager.call('listPerformances', { days: 14 });
    const map = await manager.call('getSeatMap', { performanceId: perf!.id });
    const unitIds = map.seats.filter((s) => s.state === 'available').slice(0, 3).map((s) => s.unitId);
    const releaseAt = world.clock.now() + 3_600_000;
    const block = await manager.call('blockSeats', { performanceId: perf!.id, unitIds, name: 'House seats', releaseAt });
    const [listed] = await manager.call('listBlocks', { performanceId: perf!.id });
    expect(listed).toMatchObject({ id: block.id, name: 'House seats', seats: 3, releaseAt, state: 'active' });
    expect(listed!.labels).toHaveLength(3);
    await manager.call('releaseBlock', { blockId: block.id });
    expect((await manager.call('listBlocks', { performanceId: perf!.id }))[0]?.state).toBe('released');
  });

  it('lists discount codes and switches one off', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const code = await manager.call('createDiscountCode', { code: 'FRIENDS10', kind: 'percent', value: 1000 });
    expect((await manager.call('listDiscountCodes', {})).map((c) => c.code)).toContain('FRIENDS10');
    const off = await manager.call('deactivateDiscountCode', { id: code.id });
    expect(off.active).toBe(0);
    expect((await manager.fail('deactivateDiscountCode', { id: code.id })).code).toBe('CONFLICT');
  });
});
