import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { listBackups, type StoredBackup } from './backup-folder.ts';

/**
 * At start: is this a new box office, or one whose records were lost? An empty (or missing)
 * records.sqlite beside a station.sqlite that has been used, or beside backups, is a lost box
 * office, and the first screen must offer the latest good copy instead of inviting whoever comes
 * first to create the first admin.
 */
export interface LostRecords {
  lost: boolean;
  /** Why it looks lost, for the first screen; null when it does not. */
  sentence: string | null;
  latest: StoredBackup | null;
}

/** Asks a database file, opened read-only, one question; false when it is missing, empty or unreadable. */
function askReadOnly(file: string, question: (db: Database.Database) => boolean): boolean {
  if (!existsSync(file) || statSync(file).size === 0) return false;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return question(db);
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

function recordsHaveData(file: string): boolean {
  return askReadOnly(file, (db) => {
    const has = (table: string) => {
      try {
        return db.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined;
      } catch {
        return false;
      }
    };
    return has('staff') || has('venues') || has('ledger');
  });
}

/** Whether station.sqlite has been part of a box office before: it holds printers or queued jobs, or any data at all beyond its identity. */
function stationWasUsed(file: string): boolean {
  return askReadOnly(file, (db) => db.prepare(`SELECT 1 FROM preferences WHERE key = 'station.id'`).get() !== undefined);
}

export function detectLostRecords(recordsFile: string, stationFile: string, backupFolders: readonly string[]): LostRecords {
  if (recordsHaveData(recordsFile)) return { lost: false, sentence: null, latest: null };
  const latest = backupFolders.flatMap((f) => listBackups(f)).sort((a, b) => b.at - a.at)[0] ?? null;
  const usedStation = stationWasUsed(stationFile);
  if (!latest && !usedStation) return { lost: false, sentence: null, latest: null };
  const why = usedStation
    ? 'records.sqlite is empty, but this machine has been a box office before (its station.sqlite is in use)'
    : 'records.sqlite is empty, but there are backups of a box office in the backup folder';
  return { lost: true, sentence: `${why}: the box office's records may have been lost. Restore the latest good backup rather than starting a new box office.`, latest };
}
