import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarqueeError } from '../../src-shared/errors.ts';
import { listPerformances, startOfLocalDay } from '../../src-main/catalog/performance-list.ts';
import { readSetting } from '../../src-main/core/settings.ts';
import type { RecordsDb } from '../../src-main/db/open.ts';
import { events, performances, planAreas, planSeats, priceBands, seatingPlans, staff, venues } from '../../src-main/db/records/schema.ts';
import { demoStaff } from '../../src-main/demo/demo-catalogue.ts';
import { demoSchedule } from '../../src-main/demo/demo-schedule.ts';
import { loadDemo } from '../../src-main/demo/load-demo.ts';
import { sourceAssetsDir } from '../../src-main/paths.ts';
import { verifyPin } from '../../src-main/staff/pin.ts';
import { formatPlan, makeLyricTheatrePlan } from '../../scripts/make-demo-plan.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

/** A Wednesday afternoon in local time, so there are shows before and after "now" today. */
const NOW = new Date(2026, 10, 18, 16, 10).getTime();
const DAY = 86_400_000;

let temp: TempBoxOffice;
let records: RecordsDb;

beforeEach(() => {
  temp = openTempBoxOffice();
  records = temp.office.records;
});

afterEach(() => temp.dispose());

function planOf(venueName: string) {
  const venue = records.select().from(venues).where(eq(venues.name, venueName)).get()!;
  return records.select().from(seatingPlans).where(eq(seatingPlans.venueId, venue.id)).get()!;
}

describe('the demo', () => {
  it('fills an empty box office with a theatre, a studio, a week of shows, prices and staff', () => {
    const result = loadDemo(records, { now: NOW });

    const theatre = planOf('The Lyric Theatre');
    const theatreSeats = records.select().from(planSeats).where(eq(planSeats.planId, theatre.id)).all();
    expect(theatreSeats.length).toBeGreaterThanOrEqual(560);
    expect(theatreSeats.length).toBeLessThanOrEqual(640);
    expect(result.seats).toBe(theatreSeats.length);
    expect(new Set(theatreSeats.map((s) => s.zone))).toEqual(new Set(['Stalls', 'Circle', 'Balcony']));
    const wheelchair = theatreSeats.filter((s) => s.wheelchair);
    expect(wheelchair.length).toBeGreaterThanOrEqual(2);
    expect(wheelchair.every((s) => s.zone === 'Stalls')).toBe(true);
    const restricted = theatreSeats.filter((s) => s.restrictedView);
    expect(restricted.length).toBeGreaterThanOrEqual(2);
    expect(restricted.every((s) => s.zone === 'Circle' || s.zone === 'Balcony')).toBe(true);
    expect(theatreSeats.find((s) => s.rank === 0)?.zone).toBe('Stalls');

    const studio = planOf('Studio');
    expect(records.select().from(planSeats).where(eq(planSeats.planId, studio.id)).all()).toHaveLength(0);
    const studioAreas = records.select().from(planAreas).where(eq(planAreas.planId, studio.id)).all();
    expect(studioAreas.reduce((n, a) => n + a.capacity, 0)).toBe(120);

    const eventRows = records.select().from(events).all();
    expect(eventRows).toHaveLength(3);
    for (const event of eventRows) {
      const bands = records.select().from(priceBands).where(eq(priceBands.eventId, event.id)).all();
      expect(new Set(bands.map((b) => b.name))).toEqual(new Set(['Adult', 'Concession', 'Child', 'Complimentary']));
      expect(bands.every((b) => b.taxRateBp === 2000 && b.taxIncluded)).toBe(true);
      expect(bands.filter((b) => b.name === 'Complimentary').every((b) => b.priceMinor === 0)).toBe(true);
      const adult = (category: string) => bands.find((b) => b.name === 'Adult' && b.category === category)?.priceMinor;
      if (bands.some((b) => b.category === 'Stalls')) expect(adult('Stalls')!).toBeGreaterThan(adult('Balcony')!);
    }

    const perfs = records.select().from(performances).all();
    expect(result.performances).toBe(perfs.length);
    const today = startOfLocalDay(NOW);
    const days = new Set(perfs.map((p) => startOfLocalDay(p.startsAt)));
    expect(days.size).toBe(7);
    expect(Math.min(...days)).toBe(today);
    expect(Math.max(...perfs.map((p) => p.startsAt))).toBeLessThan(today + 8 * DAY);
    const todays = perfs.filter((p) => startOfLocalDay(p.startsAt) === today);
    expect(todays.some((p) => p.startsAt < NOW)).toBe(true);
    expect(todays.some((p) => p.startsAt > NOW)).toBe(true);

    const staffRows = records.select().from(staff).all();
    expect(staffRows.map((s) => s.role).sort()).toEqual(['cashier', 'cashier', 'manager']);
    for (const member of demoStaff) {
      const row = staffRows.find((s) => s.name === member.name)!;
      expect(verifyPin(member.pin, { hash: row.pinHash, salt: row.pinSalt })).toBe(true);
      expect(verifyPin('0000', { hash: row.pinHash, salt: row.pinSalt })).toBe(false);
    }

    expect(readSetting(records, 'venue.name')).toBe('The Lyric Theatre');
    expect(readSetting(records, 'currency')).toBe('GBP');
  });

  it("lists today's performances with their capacity", () => {
    loadDemo(records, { now: NOW });
    const theatreSeats = records.select().from(planSeats).where(eq(planSeats.planId, planOf('The Lyric Theatre').id)).all().length;
    const from = startOfLocalDay(NOW);
    const list = listPerformances(records, { from, until: from + DAY, now: NOW });
    expect(list.length).toBeGreaterThanOrEqual(3);
    const comedy = list.find((p) => p.venueName === 'Studio')!;
    expect(comedy.counts).toEqual({ capacity: 120, available: 120, held: 0, reserved: 0, booked: 0, blocked: 0 });
    const theatre = list.filter((p) => p.venueName === 'The Lyric Theatre');
    expect(theatre.length).toBeGreaterThanOrEqual(2);
    for (const p of theatre) expect(p.counts).toMatchObject({ capacity: theatreSeats, available: theatreSeats, booked: 0 });
  });

  it('refuses an installation with staff or venues even without performances: no published PIN in real data', () => {
    records.$client.prepare("insert into venues (id, name) values ('01JCZ3Z6Y8W0000000000000AB', 'Real Hall')").run();
    expect(() => loadDemo(records, { now: NOW })).toThrow(/only be loaded into a new, empty box office; this one already has 1 venue/);
    expect(records.$client.prepare('select count(*) as n from staff').get()).toEqual({ n: 0 });
  });

  it('refuses to load twice and leaves the first load alone', () => {
    loadDemo(records, { now: NOW });
    const before = records.select().from(performances).all().length;
    expect(() => loadDemo(records, { now: NOW })).toThrow(MarqueeError);
    try {
      loadDemo(records, { now: NOW });
    } catch (error) {
      expect((error as MarqueeError).code).toBe('CONFLICT');
      expect((error as MarqueeError).message).toContain(`already has 3 staff members, 2 venues, ${before} performances`);
    }
    expect(records.select().from(performances).all()).toHaveLength(before);
    expect(records.select().from(venues).all()).toHaveLength(2);
    expect(records.select().from(staff).all()).toHaveLength(3);
  });

  it('ships the theatre plan exactly as scripts/make-demo-plan.ts writes it', () => {
    const committed = readFileSync(join(sourceAssetsDir, 'demo', 'lyric-theatre.seating.json'), 'utf8');
    expect(committed).toBe(formatPlan(makeLyricTheatrePlan()));
  });
});

describe('the demo week', () => {
  it('has shows before and after now today, whatever the hour', () => {
    for (const hour of [2, 9, 12, 15, 18, 21]) {
      const now = new Date(2026, 10, 18, hour, 10).getTime();
      const today = startOfLocalDay(now);
      const todays = demoSchedule(now).filter((p) => startOfLocalDay(p.startsAt) === today);
      expect(todays.some((p) => p.startsAt < now), `earlier at ${hour}:10`).toBe(true);
      expect(todays.some((p) => p.startsAt > now), `later at ${hour}:10`).toBe(true);
    }
  });

  it('puts matinees on Wednesday and Saturday at 14:30 and evenings at 19:30 and 20:00', () => {
    const schedule = demoSchedule(NOW).filter((p) => p.startsAt >= startOfLocalDay(NOW) + DAY);
    for (const p of schedule) {
      const d = new Date(p.startsAt);
      const time = `${d.getHours()}:${String(d.getMinutes()).padStart(2, '0')}`;
      if (p.show === 'comedy') expect(time).toBe('20:00');
      else if (time === '14:30') expect([3, 6]).toContain(d.getDay());
      else expect(time).toBe('19:30');
    }
  });
});
