import { afterEach, describe, expect, it } from 'vitest';
import { planRun } from '../../src-main/admin/runs.ts';
import { wallClock, zonedInstant } from '../../src-main/admin/zoned-time.ts';
import { CASHIER, MANAGER, openDemoWorld, type AdminWorld } from './helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

const TUE_TO_SAT = [2, 3, 4, 5, 6];

describe('the run generator', () => {
  it('keeps 19:30 local time across the October clock change in Europe/London', () => {
    // 25 October 2026 is the last Sunday of October: BST (UTC+1) ends, GMT (UTC+0) begins.
    const starts = planRun({
      firstDate: '2026-10-20',
      lastDate: '2026-10-31',
      slots: [{ weekdays: TUE_TO_SAT, time: '19:30' }, { weekdays: [6], time: '14:30' }],
      timeZone: 'Europe/London',
    });
    const local = starts.map((ms) => wallClock(ms, 'Europe/London'));
    expect(local.map((l) => `${l.date} ${l.time}`)).toEqual([
      '2026-10-20 19:30',
      '2026-10-21 19:30',
      '2026-10-22 19:30',
      '2026-10-23 19:30',
      '2026-10-24 14:30',
      '2026-10-24 19:30',
      '2026-10-27 19:30',
      '2026-10-28 19:30',
      '2026-10-29 19:30',
      '2026-10-30 19:30',
      '2026-10-31 14:30',
      '2026-10-31 19:30',
    ]);
    // Before the change 19:30 is 18:30 UTC, after it 19:30 UTC.
    expect(new Date(starts[0]!).toISOString()).toBe('2026-10-20T18:30:00.000Z');
    expect(new Date(starts[6]!).toISOString()).toBe('2026-10-27T19:30:00.000Z');
  });

  it('also keeps the wall time across the March change, and refuses empty or absurd runs', () => {
    const starts = planRun({ firstDate: '2026-03-28', lastDate: '2026-03-30', slots: [{ weekdays: [0, 1, 6], time: '19:30' }], timeZone: 'Europe/London' });
    expect(starts.map((ms) => new Date(ms).toISOString())).toEqual(['2026-03-28T19:30:00.000Z', '2026-03-29T18:30:00.000Z', '2026-03-30T18:30:00.000Z']);
    expect(() => planRun({ firstDate: '2026-03-02', lastDate: '2026-03-03', slots: [{ weekdays: [6], time: '19:30' }], timeZone: 'Europe/London' })).toThrow(/no performances/);
    expect(() => planRun({ firstDate: '2026-03-03', lastDate: '2026-03-02', slots: [{ weekdays: [1], time: '19:30' }], timeZone: 'Europe/London' })).toThrow(/before it starts/);
    expect(() => planRun({ firstDate: '2026-03-03', lastDate: '2026-03-09', slots: [{ weekdays: [1], time: '19:30' }], timeZone: 'Mars/Olympus' })).toThrow(/time zone/);
  });
});

describe('creating a run through the contract', () => {
  it('creates a three-week run with its seats in one go, and a seat of it can be sold', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const event = await manager.call('saveEvent', { event: { title: 'The Winter Play', description: 'A new play.', durationMinutes: 140, ageRating: '12+', layoutId: 'ticket-80mm' } });
    const venues = await manager.call('listVenues', {});
    const planId = venues.find((v) => v.name === 'The Lyric Theatre')!.plans[0]!.id;
    // No sale without prices: a run goes on sale once every category it sells has a price.
    await manager.call('savePriceBand', { eventId: event.id, band: { name: 'Adult', category: null, priceMinor: 3000, taxRateBp: 2000, taxIncluded: true } });
    const run = await manager.call('createRun', {
      eventId: event.id,
      planId,
      firstDate: '2026-12-01',
      lastDate: '2026-12-21',
      slots: [{ weekdays: TUE_TO_SAT, time: '19:30' }, { weekdays: [6], time: '14:30' }],
    });
    expect(run.performanceIds).toHaveLength(18);
    const listed = await manager.call('listEventPerformances', { eventId: event.id });
    expect(listed).toHaveLength(18);
    expect(listed.every((p) => p.capacity > 500 && p.sold === 0 && p.state === 'on_sale')).toBe(true);

    const cashier = await world.window(...CASHIER);
    const performanceId = run.performanceIds[0]!;
    const hold = await cashier.call('holdBestAvailable', { performanceId, quantity: 1 });
    const [band] = await cashier.call('listPriceBands', { performanceId });
    const sale = await cashier.call('bookSeats', { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: band!.id }], payments: [{ method: 'card', amountMinor: 3000 }] });
    expect(sale).toBeTruthy();
    const after = await manager.call('listEventPerformances', { eventId: event.id });
    expect(after.find((p) => p.id === performanceId)?.sold).toBe(1);

    const audit = await manager.call('queryAuditLog', { kind: 'performance.run-created' });
    expect(audit.entries[0]).toMatchObject({ staffName: 'Morgan Hale', stationId: manager.stationId, summary: expect.stringContaining('added 18 performances') });
  });

  it('writes nothing when any part of the run fails', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const event = await manager.call('saveEvent', { event: { title: 'Nothing', durationMinutes: 60 } });
    const count = () => (world!.temp.office.records.$client.prepare('select count(*) as n from performances').get() as { n: number }).n;
    const before = count();
    const error = await manager.fail('createRun', { eventId: event.id, planId: event.id, firstDate: '2026-12-01', lastDate: '2026-12-21', slots: [{ weekdays: [2], time: '19:30' }] });
    expect(error.code).toBe('NOT_FOUND');
    expect(count()).toBe(before);
  });
});

describe('dates that do not exist', () => {
  it('refuses 2027-02-30 with a sentence instead of moving it to March, and accepts 2028-02-29', async () => {
    const world = openDemoWorld();
    try {
      const manager = await world.window(...MANAGER);
      const [event] = await manager.call('listEvents', {});
      const plan = world.temp.office.records.$client.prepare('select id from seating_plans limit 1').get() as { id: string };
      const run = (firstDate: string, lastDate: string) => ({
        eventId: event!.id,
        planId: plan.id,
        firstDate,
        lastDate,
        slots: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], time: '19:30' }],
        // Off sale: this event's bands need not price every category of the plan for a test of dates.
        state: 'off_sale',
      });
      const refused = await manager.fail('createRun', run('2027-02-28', '2027-02-30') as never);
      expect(refused).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('The last date is not a day of the calendar') });
      expect(zonedInstant.bind(null, '2027-02-30', '19:30', 'Europe/London')).toThrow(/2027-02-30 is not a day of the calendar/);
      const leap = await manager.call('createRun', run('2028-02-29', '2028-02-29') as never);
      expect(leap.performanceIds).toHaveLength(1);
    } finally {
      world.dispose();
    }
  });
});
