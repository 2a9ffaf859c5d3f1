import type Database from 'better-sqlite3';
import { openRecordsDb } from '../db/open.ts';

/**
 * Puts a checked copy's rows into the live records database, in ONE transaction on the live
 * connection: every table emptied and refilled from the copy, or, if anything fails, nothing
 * changed at all. The connection stays the same, so every service holding it (the engine's
 * prepared statements, the checkpointer) carries on with the restored data; SQLite re-prepares
 * statements by itself. Kept from the live database, because they are about this machine now and
 * not the venue's records: the windows paired to this host, the stations, and the sessions of
 * staff who still exist in the copy. The ledger's sequence never goes back, so a sequence number
 * already synced to the central server is never given to another sale.
 */

const KEPT_FROM_LIVE = ['stations', 'paired_windows', 'staff_sessions'] as const;

/** Brings an older copy up to this build's schema, in place (the copy is a scratch file). */
export function migrateCopy(file: string, migrationsRoot: string): void {
  const db = openRecordsDb(file, { migrationsRoot });
  db.$client.pragma('journal_mode = DELETE');
  db.$client.close();
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

function tablesOf(db: Database.Database, schema: string): string[] {
  return db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
}

export function swapIn(live: Database.Database, copyFile: string): void {
  const foreignKeys = live.pragma('foreign_keys', { simple: true }) as number;
  live.pragma('foreign_keys = OFF');
  live.prepare('ATTACH DATABASE ? AS restore_copy').run(copyFile);
  try {
    live.transaction(() => {
      const liveSeq = (live.prepare(`SELECT coalesce(max(seq), 0) FROM main.ledger`).pluck().get() as number) ?? 0;
      for (const table of KEPT_FROM_LIVE) live.exec(`CREATE TEMP TABLE ${quoted(`keep_${table}`)} AS SELECT * FROM main.${quoted(table)}`);
      const inCopy = new Set(tablesOf(live, 'restore_copy'));
      for (const table of tablesOf(live, 'main')) {
        live.exec(`DELETE FROM main.${quoted(table)}`);
        if (!inCopy.has(table)) continue;
        const columns = (live.prepare(`SELECT name FROM pragma_table_info(?, 'main')`).pluck().all(table) as string[]).map(quoted).join(', ');
        live.exec(`INSERT INTO main.${quoted(table)} (${columns}) SELECT ${columns} FROM restore_copy.${quoted(table)}`);
      }
      live.exec(`DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restore_copy.sqlite_sequence`);
      live.prepare(`UPDATE main.sqlite_sequence SET seq = max(seq, ?) WHERE name = 'ledger'`).run(liveSeq);
      live.exec(`INSERT OR IGNORE INTO main.stations SELECT * FROM temp.keep_stations`);
      live.exec(`INSERT OR REPLACE INTO main.paired_windows SELECT * FROM temp.keep_paired_windows`);
      live.exec(`UPDATE main.paired_windows SET approved_by = NULL WHERE approved_by IS NOT NULL AND approved_by NOT IN (SELECT id FROM main.staff)`);
      live.exec(`INSERT OR REPLACE INTO main.staff_sessions SELECT * FROM temp.keep_staff_sessions WHERE staff_id IN (SELECT id FROM main.staff)`);
      for (const table of KEPT_FROM_LIVE) live.exec(`DROP TABLE temp.${quoted(`keep_${table}`)}`);
      const broken = live.prepare('PRAGMA main.foreign_key_check').all();
      if (broken.length) throw new Error(`the restored rows break ${broken.length} foreign keys`);
    }).immediate();
  } finally {
    live.exec('DETACH DATABASE restore_copy');
    live.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
