import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingDefault } from '../../src-shared/settings-registry.ts';
import { detectLostRecords } from '../backup/lost-records.ts';
import { latestSchemaLevel } from '../backup/schema-level.ts';
import { takeBackup, type BackupResult } from '../backup/take-backup.ts';
import { RECORDS_FILE } from '../core/box-office.ts';
import { systemClock } from '../core/clock.ts';

/**
 * What host mode and the desktop app do with the data folder before opening the box office:
 * notice records that look lost (so the first screen offers a restore instead of a new box office),
 * and back up a database that this version is about to migrate.
 */

const MARKER = 'lost-records.json';

export interface LostMarker {
  sentence: string;
  detectedAt: number;
}

export function readLostMarker(backupFolder: string): LostMarker | null {
  try {
    return JSON.parse(readFileSync(join(backupFolder, MARKER), 'utf8')) as LostMarker;
  } catch {
    return null;
  }
}

export function clearLostMarker(backupFolder: string): void {
  rmSync(join(backupFolder, MARKER), { force: true });
}

function schemaLevelOf(file: string): number | null {
  if (!existsSync(file)) return null;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'`).get();
    return has ? ((db.prepare('SELECT coalesce(max(created_at), 0) FROM __drizzle_migrations').pluck().get() as number) ?? 0) : null;
  } catch {
    // A damaged file is openBoxOffice's to explain, with its sentence.
    return null;
  } finally {
    db?.close();
  }
}

export interface DataFolderAtStart {
  lost: LostMarker | null;
  beforeMigration: BackupResult | null;
}

export async function prepareDataFolder(dataDir: string, migrationsRoot: string, version: string, clock = systemClock): Promise<DataFolderAtStart> {
  const folder = join(dataDir, 'backups');
  const recordsFile = join(dataDir, RECORDS_FILE);
  const stationFile = join(dataDir, 'station.sqlite');
  const found = detectLostRecords(recordsFile, stationFile, [folder]);
  let lost = readLostMarker(folder);
  if (found.lost && found.sentence) {
    lost = { sentence: found.sentence, detectedAt: clock.now() };
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, MARKER), JSON.stringify(lost));
  }
  let beforeMigration: BackupResult | null = null;
  const level = schemaLevelOf(recordsFile);
  if (level !== null && level > 0 && level < latestSchemaLevel(migrationsRoot, 'records')) {
    beforeMigration = await takeBackup(
      { recordsFile, stationFile: existsSync(stationFile) ? stationFile : null },
      {
        folder,
        clock,
        reason: 'before-migration',
        version,
        retention: { today: settingDefault('backups.keepToday'), daily: settingDefault('backups.keepDaily'), weekly: settingDefault('backups.keepWeekly'), monthly: settingDefault('backups.keepMonthly') },
      },
    );
  }
  return { lost, beforeMigration };
}
