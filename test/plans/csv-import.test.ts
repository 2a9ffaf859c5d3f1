import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../../src-main/db/open.ts';
import { planAreas, planCategories, planSeats, seatingPlans } from '../../src-main/db/records/schema.ts';
import { importSeatingPlan } from '../../src-main/plans/import-plan.ts';
import type { TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openTempVenue, thrownBy } from './plan-import-kit.ts';

const FIXTURE = 'community-hall.csv';
const fixtureText = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'plans', FIXTURE), 'utf8');

let temp: TempBoxOffice;
let records: RecordsDb;
let venueId: string;

beforeEach(() => {
  ({ temp, records, venueId } = openTempVenue('Community Hall'));
});

afterEach(() => temp.dispose());

function importCsv(content: string, fileName = FIXTURE) {
  return importSeatingPlan(records, { venueId, name: 'Hall', format: 'csv', fileName, content });
}

function rowCount(table: string): number {
  return (records.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
}

describe('CSV plan import', () => {
  it('reads quoted fields, any header order and case, flags and a general-admission line', () => {
    const result = importCsv(fixtureText);
    expect(result).toMatchObject({ seats: 9, zones: ['Hall, left', 'Hall right'], categories: ['Front', 'Back', 'Standing'], generalAdmissionPlaces: 80 });

    const seats = records
      .select({ guid: planSeats.guid, zone: planSeats.zone, row: planSeats.row, number: planSeats.number, x: planSeats.x, y: planSeats.y, category: planSeats.category, wheelchair: planSeats.wheelchair, restrictedView: planSeats.restrictedView, radius: planSeats.radius })
      .from(planSeats)
      .where(eq(planSeats.planId, result.planId))
      .all()
      .sort((a, b) => a.guid.localeCompare(b.guid));
    const seat = (zone: string, row: string, number: string, x: number, y: number, category: string, wheelchair = false, restrictedView = false) => ({
      guid: `${zone}-${row}-${number}`,
      zone,
      row,
      number,
      x,
      y,
      category,
      wheelchair,
      restrictedView,
      radius: 10,
    });
    expect(seats).toEqual(
      [
        seat('Hall, left', 'A', '1', 100, 120, 'Front'),
        seat('Hall, left', 'A', '2', 126, 120, 'Front'),
        seat('Hall, left', 'A', '3', 152, 120, 'Front'),
        seat('Hall, left', 'B', '1', 100, 150, 'Back', true),
        seat('Hall, left', 'B', '2', 126, 150, 'Back', false, true),
        seat('Hall right', 'A', '1', 400, 120, 'Front'),
        seat('Hall right', 'A', '2', 426, 120, 'Front', false, true),
        seat('Hall right', 'B', '1', 400, 150, 'Back'),
        seat('Hall right', 'B', '2', 426.5, 150.25, 'Back'),
      ].sort((a, b) => a.guid.localeCompare(b.guid)),
    );

    const categories = records.select({ name: planCategories.name, color: planCategories.color }).from(planCategories).all();
    expect(new Set(categories.map((c) => c.color)).size).toBe(3);

    const areas = records.select().from(planAreas).where(eq(planAreas.planId, result.planId)).all();
    expect(areas.find((a) => a.name === 'Floor')).toMatchObject({ capacity: 80, category: 'Standing', x: 200, y: 240, width: 200, height: 120 });
    expect(areas.find((a) => a.name === 'Stage')).toMatchObject({ capacity: 0, category: null, x: 150, y: 10, width: 300, height: 60 });

    // Rank 0 is the seat nearest the stage's centre (300, 40).
    const best = records.select().from(planSeats).where(eq(planSeats.rank, 0)).get();
    expect(best?.guid).toBe('Hall right-A-1');
    const plan = records.select().from(seatingPlans).get();
    expect(plan).toMatchObject({ source: 'csv', sourceFile: FIXTURE });
  });

  it('accepts semicolons and a plain header', () => {
    const result = importCsv('section;row;seat;x;y;category\nStalls;A;1;10;10;Stalls\nStalls;A;2;36;10;Stalls\n', 'semi.csv');
    expect(result.seats).toBe(2);
  });
});

describe('a bad CSV plan is rejected whole', () => {
  function rejection(content: string): MarqueeError {
    const caught = thrownBy(() => importCsv(content, 'bad.csv'));
    expect(caught).toBeInstanceOf(MarqueeError);
    const error = caught as MarqueeError;
    expect(error.code).toBe('PLAN_INVALID');
    expect(error.message).toContain('"bad.csv"');
    expect(error.details).toMatchObject({ file: 'bad.csv' });
    expect(rowCount('seating_plans')).toBe(0);
    expect(rowCount('plan_seats')).toBe(0);
    return error;
  }

  const header = 'section,row,seat,x,y,category';

  it('names an empty file', () => {
    expect(rejection('').message).toContain('at line 1: the file is empty');
    expect(rejection('\uFEFF \n').message).toContain('the file is empty');
    expect(rejection(`${header}\n`).message).toContain('at line 1: the file has a header but no seats');
  });

  it('names a missing column', () => {
    const error = rejection('section,row,seat,y,category\nA,1,1,10,Stalls\n');
    expect(error.message).toContain('at line 1: the header lacks the column "x"');
  });

  it('names line and column of a bad number', () => {
    const error = rejection(`${header}\nStalls,A,1,10,10,Stalls\nStalls,A,2,36,ten,Stalls\n`);
    expect(error.message).toContain('at line 3, column 5 (y): "ten" is not a number');
    expect(error.details).toMatchObject({ line: 3, column: 5, path: 'line 3, column 5 (y)' });
    expect(rejection(`${header}\nStalls,A,1,"10,5",10,Stalls\n`).message).toContain('at line 2, column 4 (x): "10,5" is not a number (use a point for decimals)');
  });

  it('names both lines of a duplicate seat', () => {
    const error = rejection(`${header}\nStalls,A,1,10,10,Stalls\nStalls,A,2,36,10,Stalls\nStalls,A,1,62,10,Stalls\n`);
    expect(error.message).toContain('at line 4, column 3 (seat): seat 1 of row A in section "Stalls" is already on line 2');
  });

  it('names short lines, bad flags, bad places and unclosed quotes', () => {
    expect(rejection(`${header}\nStalls,A,1,10\n`).message).toContain('at line 2: the line has 4 columns but the header has 6');
    expect(rejection(`${header},wheelchair\nStalls,A,1,10,10,Stalls,maybe\n`).message).toContain('at line 2, column 7 (wheelchair): "maybe" is not yes/no');
    expect(rejection(`${header}\nFloor,,GA:lots,10,10,Standing\n`).message).toContain('at line 2, column 3 (seat): "GA:lots" must give a whole number of places');
    expect(rejection(`${header}\nStalls,,1,10,10,Stalls\n`).message).toContain('at line 2, column 2 (row): the row is empty');
    expect(rejection(`${header}\n"Stalls,A,1,10,10,Stalls\n`).message).toContain('at line 2, column 1: a quoted field is never closed');
  });
});
