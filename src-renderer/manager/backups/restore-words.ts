import type { BackupEntry } from '../../../src-shared/contract/backups.ts';
import { formatDateTime } from '../../format.ts';

/** Why a copy was made, in the managers' words. */
export const REASON_WORDS: Record<BackupEntry['reason'], string> = {
  manual: 'Backup now',
  nightly: 'Nightly',
  interval: 'While selling',
  'before-migration': 'Before an update',
  'before-restore': 'Before a restore (safety copy)',
  'command-line': 'Command line',
};

export function lastSaleWords(at: number | null): string {
  return at === null ? 'no sales' : formatDateTime(at);
}

export function sizeWords(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** After a restore every window reloads to the restored box office: the core says so to all of them. */
export function reloadWindow(): void {
  window.location.reload();
}
