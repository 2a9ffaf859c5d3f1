import type Database from 'better-sqlite3';
import { unitLabel } from '../../src-shared/seat-label.ts';

/** What the door screen shows beside an answer: the seat in words, where and when it was used, the count. */
export interface DoorDetails {
  seat: string | null;
  /** The window that checked the ticket in (for "already checked in"). */
  checkedInStation: string | null;
  /** When the ticket's own performance starts (for "wrong performance"); the screen shows it in the venue's zone. */
  ticketStartsAt: number | null;
  count: DoorCount;
}

/** Admitted against sold for one performance: valid tickets checked in, and all valid tickets. */
export interface DoorCount {
  admitted: number;
  sold: number;
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(db: Database.Database) {
  return {
    unit: db.prepare(
      `SELECT s.zone AS zone, s.row AS row, s.number AS number, a.name AS area, u.place_no AS placeNo
       FROM units u LEFT JOIN plan_seats s ON s.id = u.seat_id LEFT JOIN plan_areas a ON a.id = u.area_id WHERE u.id = ?`,
    ),
    station: db.prepare(`SELECT name FROM stations WHERE id = ?`).pluck(),
    startsAt: db.prepare(`SELECT starts_at FROM performances WHERE id = ?`).pluck(),
    // Sold means a valid ticket: refunded and exchanged ones no longer count, at the door or here.
    count: db.prepare(
      `SELECT count(*) AS sold, count(checked_in_at) AS admitted FROM tickets WHERE performance_id = ? AND state = 'valid'`,
    ),
  };
}

function st(db: Database.Database) {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

export function doorCount(db: Database.Database, performanceId: string): DoorCount {
  return st(db).count.get(performanceId) as DoorCount;
}

/** A ticket's seat in words ("Stalls, row C, seat 12"; a standing place by its area). */
export function ticketSeat(db: Database.Database, unitId: number): string | null {
  const unit = st(db).unit.get(unitId) as { zone: string | null; row: string | null; number: string | null; area: string | null; placeNo: number | null } | undefined;
  return unit ? unitLabel(unit) : null;
}

export function doorDetails(
  db: Database.Database,
  performanceId: string,
  ticket: { unitId: number; performanceId: string; checkedInStationId: string | null } | null,
): DoorDetails {
  return {
    seat: ticket ? ticketSeat(db, ticket.unitId) : null,
    checkedInStation: ticket?.checkedInStationId ? ((st(db).station.get(ticket.checkedInStationId) as string | undefined) ?? null) : null,
    ticketStartsAt: ticket && ticket.performanceId !== performanceId ? ((st(db).startsAt.get(ticket.performanceId) as number | undefined) ?? null) : null,
    count: doorCount(db, performanceId),
  };
}
