import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The note a restore leaves in the backups folder: which copy and when. A restore made by another
 * process (`npm run restore` while host mode runs on the same data folder) changes rows under the
 * running box office without touching its files' identity; the running one reads this note with
 * its file watch and tells its windows to reload, as it would after a restore of its own.
 */
const STAMP = 'last-restore.json';

export interface RestoreStamp {
  stem: string;
  at: number;
  /** The process that restored, so a box office does not announce its own restore twice. */
  pid: number;
}

export function writeRestoreStamp(folder: string, stamp: RestoreStamp): void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, STAMP);
  // Written aside then renamed: a reader never sees half a note.
  writeFileSync(`${file}.part`, JSON.stringify(stamp));
  renameSync(`${file}.part`, file);
}

/** The last restore's note, or null when there is none (or it cannot be read: then nothing is announced). */
export function readRestoreStamp(folder: string): RestoreStamp | null {
  try {
    const value = JSON.parse(readFileSync(join(folder, STAMP), 'utf8')) as Partial<RestoreStamp>;
    return typeof value.stem === 'string' && typeof value.at === 'number' && typeof value.pid === 'number' ? (value as RestoreStamp) : null;
  } catch {
    return null;
  }
}
