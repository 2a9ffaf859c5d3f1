import type Database from 'better-sqlite3';
import { unitLabel } from '../../src-shared/seat-label.ts';

/**
 * The one rule for a unit's name (src-shared/seat-label.ts), callable from SQL as
 * `unit_label(zone, row, number, area, place_no)`: statements that read labels in the same query
 * as the rows they sell use it, so the engine, orders, tickets and screens cannot word a seat
 * differently. Registered on a connection before any statement that names it is prepared.
 */
export function registerUnitLabel(db: Database.Database): void {
  db.function('unit_label', { deterministic: true }, (zone, row, number, area, placeNo) =>
    unitLabel({
      zone: zone as string | null,
      row: row as string | null,
      number: number as string | null,
      area: area as string | null,
      placeNo: placeNo === null ? null : Number(placeNo),
    }),
  );
}

/** A unit's label in SQL, over `units u LEFT JOIN plan_seats s LEFT JOIN plan_areas a`. */
export const UNIT_LABEL_SQL = `unit_label(s.zone, s.row, s.number, a.name, u.place_no)`;
