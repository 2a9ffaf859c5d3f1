/**
 * How a backup is named on disk. One backup is a set of files sharing a stem that starts with the
 * UTC time it was made, so a plain sort of the folder is the order they were made in:
 *   2026-12-03T22-15-00-000Z-nightly.manifest.json
 *   2026-12-03T22-15-00-000Z-nightly.records.sqlite.gz
 *   2026-12-03T22-15-00-000Z-nightly.station.sqlite.gz
 */

export const BACKUP_REASONS = ['manual', 'nightly', 'interval', 'before-migration', 'before-restore', 'command-line'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** The two databases a backup holds, by their file names in the data folder. */
export const DATABASES = ['records', 'station'] as const;
export type DatabaseName = (typeof DATABASES)[number];

const STEM = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)$/;
export const MANIFEST_SUFFIX = '.manifest.json';

export function stemFor(at: number, reason: BackupReason): string {
  return `${new Date(at).toISOString().replace(/[:.]/g, '-')}-${reason}`;
}

export function manifestName(stem: string): string {
  return `${stem}${MANIFEST_SUFFIX}`;
}

export function copyName(stem: string, database: DatabaseName): string {
  return `${stem}.${database}.sqlite.gz`;
}

/** The time and reason in a stem, or null for a file that is not one of ours. */
export function parseStem(stem: string): { at: number; reason: BackupReason } | null {
  const match = STEM.exec(stem);
  if (!match) return null;
  const [date, time] = match[1]!.split('T') as [string, string];
  const [h, m, s, ms] = time.replace('Z', '').split('-');
  const at = Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
  const reason = match[2] as BackupReason;
  if (Number.isNaN(at) || !BACKUP_REASONS.includes(reason)) return null;
  return { at, reason };
}
