import { eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { createPerformance } from '../../src-main/catalog/create-performance.ts';
import type { BoxOffice } from '../../src-main/core/box-office.ts';
import type { RecordsDb } from '../../src-main/db/open.ts';
import { events, planAreas, planCategories, planSeats, priceBands, seatingPlans, staff, stations, units, venues } from '../../src-main/db/records/schema.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { hashPin } from '../../src-main/staff/pin.ts';

export interface ShowFixture {
  venueId: string;
  planId: string;
  eventId: string;
  performanceId: string;
  areaId: string | null;
  bands: { adult: string; concession: string; premium: string; comp: string; taxAdded: string };
  /** unit id by seat label, e.g. "Stalls A-1". */
  unit: (label: string) => number;
  seatUnitIds: number[];
  capacity: number;
}

export interface ShowOptions {
  rows?: number;
  seatsPerRow?: number;
  /** Places in a general-admission standing area; 0 for none. */
  standing?: number;
  startsAt?: number;
}

const ROWS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const rowName = (r: number) => (r < ROWS.length ? ROWS[r]! : ROWS[Math.floor(r / ROWS.length) - 1]! + ROWS[r % ROWS.length]!);

/** A small venue built with plain inserts: rows A.. of seats (first two rows Premium) and a standing area. */
export function seedVenuePlan(records: RecordsDb, options: ShowOptions = {}): { venueId: string; planId: string; areaId: string | null } {
  const rows = options.rows ?? 4;
  const perRow = options.seatsPerRow ?? 8;
  const venueId = ulid();
  const planId = ulid();
  records.insert(venues).values({ id: venueId, name: 'Test Hall' }).run();
  records.insert(seatingPlans).values({ id: planId, venueId, name: 'Main', source: 'csv', sourceFile: 'test.csv', width: 1000, height: 800 }).run();
  records.insert(planCategories).values([
    { id: ulid(), planId, name: 'Premium', color: '#c00' },
    { id: ulid(), planId, name: 'Standard', color: '#00c' },
  ]).run();
  const seats: (typeof planSeats.$inferInsert)[] = [];
  const centre = (perRow + 1) / 2;
  for (let r = 0; r < rows; r++) {
    for (let n = 1; n <= perRow; n++) {
      seats.push({
        id: ulid(),
        planId,
        guid: `${rowName(r)}-${n}`,
        zone: 'Stalls',
        row: rowName(r),
        number: String(n),
        x: n * 30,
        y: r * 30,
        category: r < 2 ? 'Premium' : 'Standard',
        rank: r * 100 + Math.round(Math.abs(n - centre) * 10),
      });
    }
  }
  for (let i = 0; i < seats.length; i += 200) records.insert(planSeats).values(seats.slice(i, i + 200)).run();
  let areaId: string | null = null;
  const standing = options.standing ?? 10;
  if (standing > 0) {
    areaId = ulid();
    records.insert(planAreas).values({ id: areaId, planId, name: 'Standing', shape: 'rectangle', x: 0, y: 700, width: 1000, height: 100, color: '#999', capacity: standing, category: 'Standing' }).run();
  }
  return { venueId, planId, areaId };
}

export function seedShow(office: BoxOffice, options: ShowOptions = {}): ShowFixture {
  const records = office.records;
  const { venueId, planId, areaId } = seedVenuePlan(records, options);
  const eventId = ulid();
  records.insert(events).values({ id: eventId, title: 'The Test Play' }).run();
  const band = (name: string, category: string | null, priceMinor: number, taxRateBp = 2000, taxIncluded = true) => {
    const id = ulid();
    records.insert(priceBands).values({ id, eventId, name, category, priceMinor, taxRateBp, taxIncluded }).run();
    return id;
  };
  const bands = {
    adult: band('Adult', null, 2500),
    concession: band('Concession', null, 1800),
    premium: band('Premium Adult', 'Premium', 4000),
    comp: band('Complimentary', null, 0),
    taxAdded: band('Adult (net)', null, 1000, 1000, false),
  };
  const { id: performanceId, units: capacity } = createPerformance(records, {
    eventId,
    planId,
    startsAt: options.startsAt ?? office.clock.now() + 7 * 86_400_000,
  });
  const labelled = records.all<{ id: number; label: string | null }>(
    sql`select u.id as id, s.zone || ' ' || s.row || '-' || s.number as label from units u
        left join plan_seats s on s.id = u.seat_id where u.performance_id = ${performanceId} order by u.id`,
  );
  const byLabel = new Map(labelled.filter((l) => l.label).map((l) => [l.label!, l.id]));
  return {
    venueId,
    planId,
    eventId,
    performanceId,
    areaId,
    bands,
    capacity,
    seatUnitIds: labelled.filter((l) => l.label).map((l) => l.id),
    unit: (label) => {
      const id = byLabel.get(label);
      if (id === undefined) throw new Error(`no seat ${label}`);
      return id;
    },
  };
}

/** Another performance of the same event and plan (for exchanges). */
export function seedAnotherPerformance(office: BoxOffice, show: ShowFixture, startsAt: number): string {
  return createPerformance(office.records, { eventId: show.eventId, planId: show.planId, startsAt }).id;
}

export interface StaffFixture {
  cashier: Actor;
  manager: Actor;
  admin: Actor;
  pins: { cashier: string; manager: string; admin: string };
}

/** Staff with known PINs, signed in nowhere; actors at `stationId` (this office's own by default). */
export function seedStaff(office: BoxOffice, stationId = office.identity.id): StaffFixture {
  const make = (name: string, role: Actor['role'], pin: string) => {
    const id = ulid();
    const { hash, salt } = hashPin(pin);
    office.records.insert(staff).values({ id, name, role, pinHash: hash, pinSalt: salt }).run();
    return { stationId, staffId: id, role };
  };
  return {
    cashier: make('Cass Cashier', 'cashier', '1111'),
    manager: make('Mona Manager', 'manager', '2222'),
    admin: make('Ada Admin', 'admin', '3333'),
    pins: { cashier: '1111', manager: '2222', admin: '3333' },
  };
}

/** A second window of the same installation. */
export function addStation(office: BoxOffice, name: string): string {
  const id = ulid();
  office.records.insert(stations).values({ id, name }).run();
  return id;
}

export function at(actor: Actor, stationId: string): Actor {
  return { ...actor, stationId };
}

export function unitState(records: RecordsDb, unitId: number) {
  return records.select().from(units).where(eq(units.id, unitId)).get()!;
}
