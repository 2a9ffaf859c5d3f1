import type { RecordsDb } from '../db/open.ts';

/** How long a sale request without its printing noted counts as still going through. */
const IN_FLIGHT_MS = 120_000;

/**
 * A sentence naming what is still under way at this window, or null: seats held for a sale (a
 * live hold), or a sale request committed whose printing and drawer have not finished. A shift
 * closed under either would lose the sale to no shift or count a drawer that is about to change.
 */
export function saleInFlight(records: RecordsDb, stationId: string, now: number): string | null {
  const db = records.$client;
  const held = db.prepare(`SELECT count(*) FROM units WHERE state = 'held' AND hold_station_id = ? AND hold_expires_at > ?`).pluck().get(stationId, now) as number;
  if (held > 0) return `${held === 1 ? 'A seat is' : `${held} seats are`} held at this window for a sale.`;
  const printing = db
    .prepare(`SELECT count(*) FROM sale_requests WHERE station_id = ? AND at > ? AND json_extract(answer, '$.print') IS NULL AND procedure IN ('bookSeats', 'exchangeTickets')`)
    .pluck()
    .get(stationId, now - IN_FLIGHT_MS) as number;
  if (printing > 0) return 'A sale at this window is still going through (its printing has not finished).';
  return null;
}
