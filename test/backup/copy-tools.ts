import Database from 'better-sqlite3';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipFile, gzipFile } from '../../src-main/backup/compress.ts';
import { copyName, manifestName } from '../../src-main/backup/copy-names.ts';

/**
 * Changes a backup's records copy after it was made, as damage or a careless hand would, and (when
 * `reseal`) writes the new SHA-256 into its manifest so that the checks after the hash must catch it.
 */
export async function alterCopy(folder: string, stem: string, change: (sqliteFile: string) => void, reseal = true): Promise<void> {
  const gz = join(folder, copyName(stem, 'records'));
  const raw = `${gz}.raw`;
  await gunzipFile(gz, raw);
  change(raw);
  const { sha256, bytes } = await gzipFile(raw, gz);
  rmSync(raw, { force: true });
  if (!reseal) return;
  const file = join(folder, manifestName(stem));
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { records: { sha256: string; bytes: number } };
  manifest.records.sha256 = sha256;
  manifest.records.bytes = bytes;
  writeFileSync(file, JSON.stringify(manifest));
}

/** Overwrites bytes in the middle of the file (a bad sector, a half-written copy). */
export function scribble(file: string): void {
  const bytes = readFileSync(file);
  const page = 4096;
  const pages = Math.floor(statSync(file).size / page);
  for (let p = 2; p < pages; p += 3) bytes.fill(0x5a, p * page + 100, p * page + 1500);
  writeFileSync(file, bytes);
}

export function withSqlite(file: string, run: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    run(db);
  } finally {
    db.close();
  }
}
