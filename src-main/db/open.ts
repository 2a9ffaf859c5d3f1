import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as recordsSchema from './records/schema.ts';
import * as stationSchema from './station/schema.ts';
import { storageErrorAtStart } from './storage-errors.ts';

export type RecordsDb = BetterSQLite3Database<typeof recordsSchema> & { $client: Database.Database };
export type StationDb = BetterSQLite3Database<typeof stationSchema> & { $client: Database.Database };

export interface OpenOptions {
  /** Folder holding `records/` and `station/` drizzle migrations (differs once packaged). */
  migrationsRoot: string;
}

/**
 * Opens (creating the folder and file when missing) and migrates one database. Any failure comes
 * out as a MarqueeError whose sentence names the file and what to do (full disk, read-only or
 * missing folder, damaged file), and the half-opened connection is closed.
 */
function openMigrated<T extends { $client: Database.Database }>(file: string, connect: (sqlite: Database.Database) => T): T {
  let sqlite: Database.Database | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    sqlite = new Database(file);
    // WAL lets screens read while a sale commits; NORMAL is durable across app crashes in WAL mode,
    // and only a power cut may lose the very last commits, never corrupt the file.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return connect(sqlite);
  } catch (error) {
    if (sqlite?.open) sqlite.close();
    throw storageErrorAtStart(error, file);
  }
}

export function openRecordsDb(file: string, options: OpenOptions): RecordsDb {
  return openMigrated(file, (sqlite) => {
    const db = drizzle({ client: sqlite, schema: recordsSchema });
    migrate(db, { migrationsFolder: join(options.migrationsRoot, 'records') });
    return db;
  });
}

export function openStationDb(file: string, options: OpenOptions): StationDb {
  return openMigrated(file, (sqlite) => {
    const db = drizzle({ client: sqlite, schema: stationSchema });
    migrate(db, { migrationsFolder: join(options.migrationsRoot, 'station') });
    return db;
  });
}

export { recordsSchema, stationSchema };
