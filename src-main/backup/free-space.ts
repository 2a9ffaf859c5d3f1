import { statfsSync, statSync } from 'node:fs';

/**
 * Room for a backup. A backup needs, for a moment, an uncompressed copy of each database beside
 * its compressed file; so "too little" is less than twice the databases, and the managers are
 * warned ("low") long before that, while several more copies would still fit.
 */
export interface SpaceCheck {
  state: 'ok' | 'low' | 'too-little' | 'unknown';
  freeBytes: number | null;
  neededBytes: number;
  /** For the managers, or null when all is well. */
  sentence: string | null;
}

const WARN_FACTOR = 10;
const REFUSE_FACTOR = 2;

/** Bytes of a database with its WAL: what a copy of it may need before compaction. */
export function databaseBytes(file: string): number {
  let total = 0;
  for (const part of [file, `${file}-wal`]) {
    try {
      total += statSync(part).size;
    } catch {
      // No WAL (or no file yet): nothing to count.
    }
  }
  return total;
}

const mb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1_048_576))} MB`;

export function checkSpace(folder: string, databasesBytes: number): SpaceCheck {
  const neededBytes = databasesBytes * REFUSE_FACTOR;
  let freeBytes: number;
  try {
    const s = statfsSync(folder);
    freeBytes = s.bavail * s.bsize;
  } catch {
    return { state: 'unknown', freeBytes: null, neededBytes, sentence: null };
  }
  if (freeBytes < neededBytes) {
    return {
      state: 'too-little',
      freeBytes,
      neededBytes,
      sentence: `The backup disk has ${mb(freeBytes)} free and a backup needs about ${mb(neededBytes)}: no backup can be made until space is freed (old copies can be moved off the machine).`,
    };
  }
  if (freeBytes < databasesBytes * WARN_FACTOR) {
    return {
      state: 'low',
      freeBytes,
      neededBytes,
      sentence: `The backup disk is nearly full (${mb(freeBytes)} free, a backup needs about ${mb(neededBytes)}): free some space or move old copies off the machine soon.`,
    };
  }
  return { state: 'ok', freeBytes, neededBytes, sentence: null };
}
