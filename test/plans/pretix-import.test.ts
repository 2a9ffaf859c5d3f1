import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../../src-main/db/open.ts';
import { planAreas, planCategories, planSeats, seatingPlans, venues } from '../../src-main/db/records/schema.ts';
import { importSeatingPlan, listVenuesWithPlans } from '../../src-main/plans/import-plan.ts';
import { openCounter } from '../helpers/counter.ts';
import type { TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openTempVenue, thrownBy } from './plan-import-kit.ts';

const FIXTURE = 'riverside-hall.seating.json';
const fixtureText = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'plans', FIXTURE), 'utf8');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fixture is read as plain JSON on purpose
type Any = any;

/** The fixture read the plain way, independent of the importer: zone + row + seat offsets. */
function expectedSeats(plan: Any) {
  const out: Any[] = [];
  for (const z of plan.zones) {
    for (const r of z.rows) {
      for (const s of r.seats) {
        out.push({
          guid: s.seat_guid,
          zone: z.name,
          row: r.row_number,
          number: s.seat_number,
          x: z.position.x + r.position.x + s.position.x,
          y: z.position.y + r.position.y + s.position.y,
          radius: s.radius ?? 10,
          category: s.category,
          wheelchair: s.wheelchair === true,
          restrictedView: s.restricted_view === true,
        });
      }
    }
  }
  return out.sort((a, b) => a.guid.localeCompare(b.guid));
}

let temp: TempBoxOffice;
let records: RecordsDb;
let venueId: string;

beforeEach(() => {
  ({ temp, records, venueId } = openTempVenue('Riverside Hall'));
});

afterEach(() => temp.dispose());

function importJson(content: string, fileName = FIXTURE) {
  return importSeatingPlan(records, { venueId, name: 'Main', format: 'pretix', fileName, content });
}

function rowCounts() {
  const count = (table: string) => (records.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  return { plans: count('seating_plans'), seats: count('plan_seats'), categories: count('plan_categories'), areas: count('plan_areas') };
}

describe('pretix plan import', () => {
  it('stores exactly the seats of the file at absolute coordinates', () => {
    const result = importJson(fixtureText);
    const fixture = JSON.parse(fixtureText);
    const expected = expectedSeats(fixture);

    expect(result.seats).toBe(expected.length);
    expect(result.zones).toEqual(['Ground floor', 'Gallery']);
    expect(result.categories).toEqual(['Front', 'Rear', 'Gallery', 'Standing', 'Box']);
    expect(result.generalAdmissionPlaces).toBe(50);

    const stored = records
      .select({
        guid: planSeats.guid,
        zone: planSeats.zone,
        row: planSeats.row,
        number: planSeats.number,
        x: planSeats.x,
        y: planSeats.y,
        radius: planSeats.radius,
        category: planSeats.category,
        wheelchair: planSeats.wheelchair,
        restrictedView: planSeats.restrictedView,
      })
      .from(planSeats)
      .where(eq(planSeats.planId, result.planId))
      .all()
      .sort((a, b) => a.guid.localeCompare(b.guid));
    expect(stored).toEqual(expected);
    expect(stored.filter((s) => s.wheelchair).map((s) => s.guid).sort()).toEqual(['ground-C-1', 'ground-C-8']);
    expect(stored.filter((s) => s.restrictedView).map((s) => s.guid)).toEqual(['gal-1-5']);

    const plan = records.select().from(seatingPlans).where(eq(seatingPlans.id, result.planId)).get()!;
    expect(plan).toMatchObject({ venueId, name: 'Main', source: 'pretix', sourceFile: FIXTURE, width: 800, height: 600 });

    const categories = records.select({ name: planCategories.name, color: planCategories.color }).from(planCategories).all();
    expect(categories).toContainEqual({ name: 'Front', color: '#e74c3c' });
    // A category without a colour gets one from the palette rather than failing.
    expect(categories.find((c) => c.name === 'Box')?.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('stores areas relative to their zone, with rotation turned about the centre', () => {
    const { planId } = importJson(fixtureText);
    const areas = records.select().from(planAreas).where(eq(planAreas.planId, planId)).all();
    const byName = new Map(areas.map((a) => [a.name, a]));
    // The text-only label is decoration and is skipped.
    expect([...byName.keys()].sort()).toEqual(['Bar', 'Lighting rig', 'Mixing desk', 'Pillar', 'Stage', 'Standing area']);

    expect(byName.get('Stage')).toMatchObject({ shape: 'rectangle', x: 250, y: 30, width: 300, height: 60, rotation: 0, capacity: 0, category: null });
    // 40x20 turned 90° clockwise about its top-left corner (600, 310) covers x 580..600, y 310..350.
    const desk = byName.get('Mixing desk')!;
    expect(desk).toMatchObject({ shape: 'rectangle', width: 40, height: 20, rotation: 90 });
    expect(desk.x + desk.width / 2).toBeCloseTo(590);
    expect(desk.y + desk.height / 2).toBeCloseTo(330);
    // Ellipses are centred on their position.
    expect(byName.get('Lighting rig')).toMatchObject({ shape: 'ellipse', x: 510, y: 45, width: 100, height: 30, rotation: 30 });
    expect(byName.get('Pillar')).toMatchObject({ shape: 'ellipse', x: 635, y: 455, width: 50, height: 50 });
    // Polygons become their bounding box.
    expect(byName.get('Bar')).toMatchObject({ shape: 'rectangle', x: 490, y: 430, width: 100, height: 90, capacity: 0 });
    expect(byName.get('Standing area')).toMatchObject({ x: 40, y: 420, width: 400, height: 120, capacity: 50, category: 'Standing', color: '#f9e79f' });
  });

  it('ranks seats by distance to the stage, 0 being the best', () => {
    const { planId } = importJson(fixtureText);
    const seats = records.select().from(planSeats).where(eq(planSeats.planId, planId)).all();
    expect(seats.map((s) => s.rank).sort((a, b) => a - b)).toEqual(seats.map((_, i) => i));
    const stage = { x: 400, y: 60 };
    const distance = (s: { x: number; y: number }) => Math.hypot(s.x - stage.x, s.y - stage.y);
    const byRank = [...seats].sort((a, b) => a.rank - b.rank);
    for (let i = 1; i < byRank.length; i++) expect(distance(byRank[i]!)).toBeGreaterThanOrEqual(distance(byRank[i - 1]!));
  });

  it('ignores editor fields it does not use and accepts a plan without size or row positions', () => {
    const plan = JSON.parse(fixtureText);
    delete plan.size;
    plan.editor_state = { zoom: 2 };
    plan.zones[0].rows[0].some_future_field = [1, 2, 3];
    delete plan.zones[1].rows[0].position;
    const result = importJson(JSON.stringify(plan));
    expect(result.seats).toBe(34);
    const seat = records.select().from(planSeats).where(eq(planSeats.guid, 'gal-1-2')).get()!;
    expect(seat.x).toBe(500 + 24.5);
    expect(seat.y).toBe(100);
  });

  it('lists venues with their plans and seat counts', () => {
    const other = ulid();
    records.insert(venues).values({ id: other, name: 'Annexe' }).run();
    const { planId } = importJson(fixtureText);
    expect(listVenuesWithPlans(records)).toEqual([
      { id: other, name: 'Annexe', plans: [] },
      { id: venueId, name: 'Riverside Hall', plans: [{ id: planId, name: 'Main', seats: 34 }] },
    ]);
  });

  it('refuses an unknown venue', () => {
    expect(() => importSeatingPlan(records, { venueId: ulid(), name: 'x', format: 'pretix', fileName: FIXTURE, content: fixtureText })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    expect(rowCounts().plans).toBe(0);
  });
});

describe('a bad pretix plan is rejected whole', () => {
  function mutated(change: (plan: Any) => void): string {
    const plan = JSON.parse(fixtureText);
    change(plan);
    return JSON.stringify(plan, null, 2);
  }

  function rejection(content: string, fileName = 'bad-plan.json'): MarqueeError {
    const before = rowCounts();
    const caught = thrownBy(() => importJson(content, fileName));
    expect(caught).toBeInstanceOf(MarqueeError);
    const error = caught as MarqueeError;
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.message).toContain('"bad-plan.json"');
    expect(error.details).toMatchObject({ file: 'bad-plan.json' });
    expect(rowCounts()).toEqual(before);
    return error;
  }

  it('names line and column of invalid JSON', () => {
    const error = rejection('{\n  "name": "x",\n  "zones": [,]\n}');
    expect(error.message).toContain('at line 3, column 13: not valid JSON: expected a value');
    expect(error.details).toMatchObject({ line: 3, column: 13 });
  });

  it('says when the JSON ends too early', () => {
    expect(rejection(fixtureText.slice(0, 200)).message).toMatch(/at line \d+, column \d+: not valid JSON: the file ends too early/);
    expect(rejection('{"zones": [], }').message).toContain('at line 1, column 15: not valid JSON: a comma before "}" must be followed by another property');
  });

  it('names missing zones, rows and seats', () => {
    expect(rejection(mutated((p) => delete p.zones)).message).toContain('at zones: the list of zones is missing');
    expect(rejection(mutated((p) => delete p.zones[1].rows)).message).toContain('at zones[1].rows: the list of rows is missing');
    expect(rejection(mutated((p) => delete p.zones[0].rows[2].seats)).message).toContain('at zones[0].rows[2].seats: the list of seats is missing');
    const empty = rejection(mutated((p) => (p.zones[1].rows[1].seats = [])));
    expect(empty.message).toContain('at zones[1].rows[1].seats: row 2 has no seats');
    expect(empty.details).toMatchObject({ path: 'zones[1].rows[1].seats' });
  });

  it('names both places of a duplicate seat_guid', () => {
    const error = rejection(mutated((p) => (p.zones[1].rows[1].seats[2].seat_guid = p.zones[0].rows[0].seats[0].seat_guid)));
    expect(error.message).toContain('at zones[1].rows[1].seats[2].seat_guid: the seat_guid "ground-A-1" is already used by zones[0].rows[0].seats[0]');
  });

  it('names a seat whose category is not declared', () => {
    const error = rejection(mutated((p) => (p.zones[1].rows[1].seats[2].category = 'VIP')));
    expect(error.message).toContain('at zones[1].rows[1].seats[2].category: the category "VIP" is not declared');
    expect(error.details).toMatchObject({ path: 'zones[1].rows[1].seats[2].category' });
  });

  it('names a non-numeric position', () => {
    const error = rejection(mutated((p) => (p.zones[0].rows[1].seats[3].position.x = '78')));
    expect(error.message).toContain('at zones[0].rows[1].seats[3].position.x: the position must be a number, not the text "78"');
    expect(rejection(mutated((p) => delete p.zones[2].position)).message).toContain('at zones[2].position: the position is missing');
  });

  it('names bad Marquee extensions and counts further problems', () => {
    const error = rejection(
      mutated((p) => {
        p.zones[0].rows[0].seats[0].wheelchair = 'yes';
        p.zones[2].areas[0].capacity = 12.5;
        p.zones[2].areas[0].category = 'Nowhere';
      }),
    );
    expect(error.message).toContain('at zones[0].rows[0].seats[0].wheelchair: must be true or false');
    expect(error.message).toContain('(and 2 more problems)');
    expect(error.details?.problems).toEqual([
      expect.stringContaining('zones[0].rows[0].seats[0].wheelchair'),
      expect.stringContaining('zones[2].areas[0].capacity'),
      expect.stringContaining('zones[2].areas[0].category'),
    ]);
  });

  it('refuses a file that is not a plan at all', () => {
    expect(rejection('[1, 2, 3]').message).toContain('the file must hold one JSON object');
    expect(rejection(JSON.stringify({ name: 'x', categories: [], zones: [{ position: { x: 0, y: 0 }, rows: [] }] })).message).toContain(
      'the plan has no seats and no general-admission area',
    );
  });
});

describe('through the contract', () => {
  it('imports a plan and lists it, with outputs the contract accepts', async () => {
    // Importing a plan is a manager's change: sign a manager in at this (the host's own) window.
    const { till: window } = await openCounter({ office: temp.office, signedIn: 'manager' });
    const imported = await window.result('importSeatingPlan', { venueId, name: 'Main', format: 'pretix', fileName: FIXTURE, content: fixtureText });
    expect(imported).toMatchObject({ ok: true, value: { seats: 34, generalAdmissionPlaces: 50 } });
    const listed = await window.result('listVenues', {});
    expect(listed).toMatchObject({ ok: true, value: [{ name: 'Riverside Hall', plans: [{ name: 'Main', seats: 34 }] }] });
    const bad = await window.result('importSeatingPlan', { venueId, name: 'Main', format: 'csv', fileName: 'x.csv', content: 'nonsense' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'PLAN_INVALID', message: expect.stringContaining('"x.csv"') } });
  });
});
