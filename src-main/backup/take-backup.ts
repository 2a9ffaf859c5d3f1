import type Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { Clock } from '../core/clock.ts';
import { backupFolderProblem } from './folder-check.ts';
import { pruneBackups, removeLeftovers } from './backup-folder.ts';
import { gzipFile } from './compress.ts';
import { DEFAULT_COPY_METHOD, copyAndCheck, type CopyMethod } from './copy-worker.ts';
import { DATABASES, copyName, manifestName, stemFor, type BackupReason, type DatabaseName } from './copy-names.ts';
import { checkSpace, databaseBytes } from './free-space.ts';
import type { CopyEntry, Manifest } from './manifest.ts';
import type { RetentionPolicy } from './retention.ts';

export interface BackupProgress {
  phase: 'copying' | 'checking' | 'compressing' | 'second-folder' | 'pruning' | 'done';
  database: DatabaseName | null;
  /** 0..1 over the whole backup. */
  fraction: number;
}

export interface BackupSource {
  /** The data folder's database files. */
  recordsFile: string;
  stationFile: string | null;
  /** For 'backup-steps': the selling connection, copied page by page between sales. */
  recordsConnection?: Database.Database;
}

export interface TakeBackupOptions {
  folder: string;
  secondFolder?: string | null;
  clock: Clock;
  reason: BackupReason;
  version: string;
  retention: RetentionPolicy;
  method?: CopyMethod;
  onProgress?: (progress: BackupProgress) => void;
}

export interface BackupResult {
  stem: string;
  folder: string;
  manifest: Manifest;
  /** The second folder's outcome: null when none is set, else a sentence when it failed. */
  secondFolder: { copied: boolean; sentence: string | null } | null;
  pruned: string[];
}

/** Copies one database into `folder` as `<stem>.<db>.sqlite.gz`, checked and counted. */
async function copyOne(source: BackupSource, database: DatabaseName, stem: string, options: TakeBackupOptions, report: (p: BackupProgress) => void): Promise<CopyEntry> {
  const file = database === 'records' ? source.recordsFile : source.stationFile!;
  const raw = join(options.folder, `${stem}.${database}.sqlite.part`);
  const gz = join(options.folder, `${copyName(stem, database)}.part`);
  const method = options.method ?? DEFAULT_COPY_METHOD;
  try {
    report({ phase: 'copying', database, fraction: 0 });
    let checked;
    if (method === 'backup-steps' && database === 'records' && source.recordsConnection) {
      // Page by page on the selling connection: writes it makes meanwhile go into the copy too.
      await source.recordsConnection.backup(raw, {
        progress: ({ totalPages, remainingPages }) => {
          report({ phase: 'copying', database, fraction: totalPages ? (totalPages - remainingPages) / totalPages : 0 });
          return 256;
        },
      });
      report({ phase: 'checking', database, fraction: 1 });
      checked = await copyAndCheck(null, raw, null);
    } else {
      checked = await copyAndCheck(file, raw, method === 'backup-steps' ? 'backup-api' : method);
    }
    if (checked.integrity.length !== 1 || checked.integrity[0] !== 'ok') {
      throw new MarqueeError('STORAGE', `The copy of ${database}.sqlite failed its integrity check (${checked.integrity.slice(0, 3).join('; ')}); the live database may be damaged: restore the last good backup.`);
    }
    report({ phase: 'compressing', database, fraction: 0 });
    const databaseBytesOut = statSync(raw).size;
    const { sha256, bytes } = await gzipFile(raw, gz);
    renameSync(gz, join(options.folder, copyName(stem, database)));
    return { file: copyName(stem, database), sha256, bytes, databaseBytes: databaseBytesOut, integrity: 'ok', facts: checked.facts };
  } finally {
    rmSync(raw, { force: true });
    rmSync(gz, { force: true });
  }
}

/** Puts a finished backup's files into the second folder too; a sentence when it could not. */
function copyToSecondFolder(folder: string, second: string, stem: string, names: string[]): string | null {
  const problem = backupFolderProblem(second);
  if (problem) return problem;
  try {
    // The manifest last: a set without one is a leftover, never taken for a backup.
    for (const name of names) {
      copyFileSync(join(folder, name), join(second, `${name}.part`));
      renameSync(join(second, `${name}.part`), join(second, name));
    }
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'an error';
    return `The second backup folder ${second} could not take the copy (${code}); the copy in the first folder is good.`;
  }
}

/**
 * One backup of the data folder's databases while the box office keeps selling: free space checked
 * first, each database copied (SQLite's backup API in a worker by default), its integrity checked and its
 * counts read from the copy, compressed with its SHA-256 in the manifest, then the manifest written
 * (only then is the backup one), copied to the second folder, and old copies pruned.
 */
export async function takeBackup(source: BackupSource, options: TakeBackupOptions): Promise<BackupResult> {
  mkdirSync(options.folder, { recursive: true });
  removeLeftovers(options.folder);
  const databases = DATABASES.filter((d) => d === 'records' || source.stationFile);
  const sizes = databases.map((d) => databaseBytes(d === 'records' ? source.recordsFile : source.stationFile!));
  const space = checkSpace(options.folder, sizes.reduce((a, b) => a + b, 0));
  if (space.state === 'too-little') throw new MarqueeError('STORAGE', space.sentence!);

  const madeAt = options.clock.now();
  const stem = stemFor(madeAt, options.reason);
  const total = sizes.reduce((a, b) => a + b, 0) || 1;
  let done = 0;
  const report = (p: BackupProgress) => {
    const index = p.database ? databases.indexOf(p.database) : databases.length;
    const share = p.database ? (sizes[index] ?? 0) / total : 0;
    const within = p.phase === 'copying' ? p.fraction * 0.6 : p.phase === 'checking' ? 0.6 : p.phase === 'compressing' ? 0.8 : 1;
    options.onProgress?.({ ...p, fraction: Math.min(0.97, (done + share * within) * 0.95) });
  };
  const entries: Partial<Record<DatabaseName, CopyEntry>> = {};
  for (const [i, database] of databases.entries()) {
    entries[database] = await copyOne(source, database, stem, options, report);
    done += (sizes[i] ?? 0) / total;
  }
  const manifest: Manifest = {
    format: 1,
    madeAt,
    reason: options.reason,
    marqueeVersion: options.version,
    method: options.method ?? DEFAULT_COPY_METHOD,
    records: entries.records!,
    station: entries.station ?? null,
  };
  writeFileSync(join(options.folder, `${manifestName(stem)}.part`), JSON.stringify(manifest, null, 2) + '\n', { flush: true });
  renameSync(join(options.folder, `${manifestName(stem)}.part`), join(options.folder, manifestName(stem)));

  let secondFolder: BackupResult['secondFolder'] = null;
  if (options.secondFolder) {
    options.onProgress?.({ phase: 'second-folder', database: null, fraction: 0.97 });
    const names = [...databases.map((d) => copyName(stem, d)), manifestName(stem)];
    const sentence = copyToSecondFolder(options.folder, options.secondFolder, stem, names);
    secondFolder = { copied: sentence === null, sentence };
    if (sentence === null) pruneBackups(options.secondFolder, madeAt, options.retention);
  }
  options.onProgress?.({ phase: 'pruning', database: null, fraction: 0.99 });
  const pruned = pruneBackups(options.folder, madeAt, options.retention);
  options.onProgress?.({ phase: 'done', database: null, fraction: 1 });
  return { stem, folder: options.folder, manifest, secondFolder, pruned };
}
