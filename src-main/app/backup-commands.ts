import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MarqueeError } from '../../src-shared/errors.ts';
import { verifyLedger, type LedgerVerification } from '../backup/verify-ledger.ts';
import { takeBackup, type BackupResult } from '../backup/take-backup.ts';
import { openBoxOffice, RECORDS_FILE } from '../core/box-office.ts';
import { settingFromStored } from '../core/settings.ts';
import { settingDefault, type SettingKey, type SettingValue } from '../../src-shared/settings-registry.ts';
import { BACKUP_FOLDER, BackupService, STATION_FILE } from './backup-service.ts';
import { restoreBoxOffice, type RestoreOutcome } from './restore-box-office.ts';

/**
 * The command-line side of backups (`npm run backup|restore|verify -- --data-dir DIR`), for a
 * machine where Marquee is stopped or for a copy taken from a script. Each is the same use case
 * the Manage screens run.
 */

export interface CommandOptions {
  dataDir: string;
  migrationsRoot: string;
  version: string;
}

function requireRecords(dataDir: string): string {
  const file = join(dataDir, RECORDS_FILE);
  if (!existsSync(file)) throw new MarqueeError('NOT_FOUND', `There is no ${RECORDS_FILE} in ${dataDir}: check --data-dir.`);
  return file;
}

/** A backup of the data folder's databases into its backups folder (and the second folder, as set). */
export async function backupCommand(options: CommandOptions): Promise<BackupResult> {
  const recordsFile = requireRecords(options.dataDir);
  // Settings are read without migrating: a backup must not change the database it copies.
  const records = new Database(recordsFile, { readonly: true, fileMustExist: true });
  const read = <K extends SettingKey>(key: K): SettingValue<K> => {
    try {
      return settingFromStored(key, records.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined);
    } catch {
      return settingDefault(key);
    }
  };
  let settings;
  try {
    settings = {
      second: read('backups.secondFolder') || null,
      retention: { today: read('backups.keepToday'), daily: read('backups.keepDaily'), weekly: read('backups.keepWeekly'), monthly: read('backups.keepMonthly'), timeZone: read('venue.timeZone') },
    };
  } finally {
    records.close();
  }
  const stationFile = join(options.dataDir, STATION_FILE);
  return takeBackup(
    { recordsFile, stationFile: existsSync(stationFile) ? stationFile : null },
    { folder: join(options.dataDir, BACKUP_FOLDER), secondFolder: settings.second, clock: { now: () => Date.now() }, reason: 'command-line', version: options.version, retention: settings.retention },
  );
}

async function withOffice<T>(options: CommandOptions, run: (service: BackupService) => Promise<T> | T): Promise<T> {
  requireRecords(options.dataDir);
  const office = openBoxOffice({ dataDir: options.dataDir, migrationsRoot: options.migrationsRoot, mode: 'host', version: options.version });
  const service = new BackupService(office, { timers: false });
  try {
    return await run(service);
  } finally {
    service.close();
    office.close();
  }
}

export function restoreCommand(options: CommandOptions & { file: string; confirmOtherInstallation: boolean }): Promise<RestoreOutcome> {
  return withOffice(options, (service) => restoreBoxOffice(service, { manifestFile: resolve(options.file), confirmOtherInstallation: options.confirmOtherInstallation }));
}

export function verifyCommand(options: CommandOptions): Promise<LedgerVerification> {
  return withOffice(options, (service) => verifyLedger(service.office.records.$client, Date.now()));
}
