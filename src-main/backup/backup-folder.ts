import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASES, MANIFEST_SUFFIX, copyName, manifestName, parseStem, type BackupReason } from './copy-names.ts';
import { copiesToKeep, type RetentionPolicy } from './retention.ts';

/** One backup found in a folder, by its manifest. */
export interface StoredBackup {
  stem: string;
  at: number;
  reason: BackupReason;
  folder: string;
  manifestFile: string;
}

/** The backups in `folder`, newest first; an unreadable or missing folder holds none. */
export function listBackups(folder: string): StoredBackup[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: StoredBackup[] = [];
  for (const name of names) {
    if (!name.endsWith(MANIFEST_SUFFIX)) continue;
    const stem = name.slice(0, -MANIFEST_SUFFIX.length);
    const parsed = parseStem(stem);
    if (parsed) found.push({ stem, ...parsed, folder, manifestFile: join(folder, name) });
  }
  return found.sort((a, b) => b.at - a.at);
}

export function removeBackup(folder: string, stem: string): void {
  for (const name of [manifestName(stem), ...DATABASES.map((d) => copyName(stem, d))]) rmSync(join(folder, name), { force: true });
}

/** Half-written files a backup that was cut off left behind (they never got a manifest). */
export function removeLeftovers(folder: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) if (name.endsWith('.part')) rmSync(join(folder, name), { force: true });
}

/** Deletes the copies the policy does not keep; returns the stems deleted. */
export function pruneBackups(folder: string, now: number, policy: RetentionPolicy): string[] {
  const all = listBackups(folder);
  const keep = copiesToKeep(
    all.map((b) => b.at),
    now,
    policy,
  );
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.at)) continue;
    removeBackup(folder, b.stem);
    removed.push(b.stem);
  }
  return removed;
}
