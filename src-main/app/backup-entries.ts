import type { BackupEntry } from '../../src-shared/contract/backups.ts';
import type { StoredBackup } from '../backup/backup-folder.ts';
import type { Manifest } from '../backup/manifest.ts';

/** A backup as the screens list it: when, why, and what its records copy holds. */
export function entryOf(backup: StoredBackup, manifest: Manifest, inSecondFolder: boolean): BackupEntry {
  const f = manifest.records.facts;
  return {
    stem: backup.stem,
    madeAt: manifest.madeAt,
    reason: manifest.reason,
    orders: f.orders,
    tickets: f.tickets,
    ledgerRows: f.ledgerRows,
    lastLedgerSeq: f.lastLedgerSeq,
    lastSaleAt: f.lastSaleAt,
    bytes: manifest.records.bytes + (manifest.station?.bytes ?? 0),
    inSecondFolder,
  };
}
