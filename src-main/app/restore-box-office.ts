import { copyFileSync, rmSync } from 'node:fs';
import { MarqueeError } from '../../src-shared/errors.ts';
import { checkBackup, type CheckedBackup } from '../backup/read-copy.ts';
import { migrateCopy, swapIn } from '../backup/swap-in.ts';
import { verifyLedger, type LedgerVerification } from '../backup/verify-ledger.ts';
import { readSetting } from '../core/settings.ts';
import { clearLostMarker } from './backup-at-start.ts';
import type { BackupService } from './backup-service.ts';

/**
 * Restoring a backup into a running box office, as one use case across the backup domain, the
 * windows and the sales engine: the copy is proven before anything live is touched; a copy from
 * another installation needs a manager's confirmation; selling stops with a sentence; a safety
 * copy of the live database is taken; the copy's rows go into the live database in one
 * transaction; the ledger is replayed against them; selling resumes and every window reloads.
 */

export interface RestoreRequest {
  /** The manifest (or a copy) to restore: from the list, or a path from the command line. */
  manifestFile: string;
  confirmOtherInstallation?: boolean;
}

export interface RestoreOutcome {
  restored: string;
  safetyCopy: string | null;
  verification: LedgerVerification;
  restartNeeded: boolean;
}

/** The preview's facts about the live database, read the way the copies' facts are. */
export function liveHoldings(service: BackupService) {
  const db = service.office.records.$client;
  const row = db
    .prepare(
      `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM ledger) AS ledgerRows,
              (SELECT coalesce(max(seq), 0) FROM ledger) AS lastLedgerSeq,
              (SELECT at FROM ledger WHERE kind IN ('order.booked', 'order.exchanged') ORDER BY seq DESC LIMIT 1) AS lastSaleAt`,
    )
    .get() as { orders: number; tickets: number; ledgerRows: number; lastLedgerSeq: number; lastSaleAt: number | null };
  return row;
}

/** Whether the copy was made by another installation than the live one (a fresh box office has none yet). */
export function fromOtherInstallation(service: BackupService, checked: CheckedBackup): boolean {
  const live = readSetting(service.office.records, 'installation.id');
  return Boolean(live && checked.facts.installationId && live !== checked.facts.installationId);
}

export async function proveBackup(service: BackupService, manifestFile: string): Promise<CheckedBackup> {
  return checkBackup(manifestFile, service.office.migrationsRoot, service.folder);
}

export async function restoreBoxOffice(service: BackupService, request: RestoreRequest): Promise<RestoreOutcome> {
  if (service.restoreUnderWay) throw new MarqueeError('CONFLICT', 'A restore is already under way; wait for the windows to reload.');
  const checked = await proveBackup(service, request.manifestFile);
  const { office } = service;
  service.restoreUnderWay = true;
  try {
    if (fromOtherInstallation(service, checked) && !request.confirmOtherInstallation) {
      throw new MarqueeError('CONFLICT', `The backup ${checked.stem} was made by another box office installation; a manager must confirm restoring it over this one. Nothing was changed.`, {
        needsConfirmation: true,
      });
    }
    if (checked.schema === 'older') migrateCopy(checked.recordsFile, office.migrationsRoot);
    const when = new Date(checked.manifest.madeAt).toISOString().slice(0, 16).replace('T', ' ');
    service.stopSelling('LOCKED', `The box office is being restored from the backup of ${when} UTC: nothing was sold. Try again once this screen has reloaded.`);
    let safetyCopy: string | null = null;
    let restartNeeded = false;
    try {
      // The safety copy is of the database as it stands now, with selling stopped so nothing is lost between it and the swap.
      safetyCopy = (await service.backupNow('before-restore')).stem;
      if (service.recordsFileLost) {
        // The open file is gone from its path: put the copy in its place; the next start opens it.
        for (const suffix of ['-wal', '-shm']) rmSync(`${service.recordsFile}${suffix}`, { force: true });
        copyFileSync(checked.recordsFile, service.recordsFile);
        restartNeeded = true;
      } else {
        // Synchronous from here to the end of the swap: no sale can run in between.
        service.stop.resume();
        try {
          swapIn(office.records.$client, checked.recordsFile);
        } finally {
          service.stop.stop('LOCKED', service.stop.sentence ?? 'The box office is being restored.');
        }
      }
    } finally {
      if (!restartNeeded) service.resumeSelling();
    }
    const verification = restartNeeded
      ? { checkedAt: office.clock.now(), ledgerRows: checked.facts.ledgerRows, lastLedgerSeq: checked.facts.lastLedgerSeq, differences: [] }
      : verifyLedger(office.records.$client, office.clock.now());
    if (verification.differences.length) console.error(`[marquee] the restored ledger disagrees with ${verification.differences.length} rows, first: ${verification.differences[0]}`);
    clearLostMarker(service.folder);
    // For a box office running on this folder in another process (npm run restore beside host mode).
    service.noteRestore(checked.stem);
    office.bus.emit('boxOfficeRestored', { stem: checked.stem });
    return { restored: checked.stem, safetyCopy, verification, restartNeeded };
  } finally {
    service.restoreUnderWay = false;
    checked.dispose();
  }
}
