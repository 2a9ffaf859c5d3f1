import type Database from 'better-sqlite3';
import { ROLLUP_KINDS, RollupWriter } from './rollup-writer.ts';

/**
 * Recomputes every rollup from the ledger, in seq order, through the same writer that keeps them
 * up to date: after a restore, a time-zone change (pay days are venue-local), or to prove them.
 * One transaction: a report never sees half a rebuild. Returns the ledger rows replayed.
 */
export function rebuildRollups(db: Database.Database): { replayed: number } {
  const writer = new RollupWriter(db);
  // Read in pages by seq: a connection cannot write while it iterates, and a season's payloads do not fit in memory at once.
  const page = db.prepare(
    `SELECT seq, kind, at, station_id AS stationId, staff_id AS staffId, performance_id AS performanceId, payload
     FROM ledger WHERE seq > ? AND kind IN (SELECT value FROM json_each(?)) ORDER BY seq LIMIT 2000`,
  );
  const kinds = JSON.stringify(ROLLUP_KINDS);
  return db
    .transaction(() => {
      db.prepare('DELETE FROM report_sales').run();
      let replayed = 0;
      for (let after = 0; ; ) {
        const rows = page.all(after, kinds) as { seq: number; kind: string; at: number; stationId: string; staffId: string | null; performanceId: string | null; payload: string }[];
        if (rows.length === 0) break;
        for (const r of rows) {
          const { rows: changed, ...extra } = JSON.parse(r.payload) as { rows: Record<string, object[]> } & Record<string, unknown>;
          writer.apply({ kind: r.kind, at: r.at, stationId: r.stationId, staffId: r.staffId, performanceId: r.performanceId, rows: changed, extra });
        }
        replayed += rows.length;
        after = rows[rows.length - 1]!.seq;
      }
      return { replayed };
    })
    .immediate();
}

/**
 * An installation that sold before the rollups existed has a ledger and no rollups: the first
 * report builds them once. A database with rollups, or without any sale, is left as it is.
 */
export function ensureRollups(db: Database.Database): void {
  const empty = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM report_sales)').pluck().get() === 1;
  if (!empty) return;
  const sold = db.prepare(`SELECT EXISTS (SELECT 1 FROM ledger WHERE kind = 'order.booked')`).pluck().get() === 1;
  if (sold) rebuildRollups(db);
}
