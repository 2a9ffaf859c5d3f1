import type { backupProcedures } from '../../../src-shared/contract/backups.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { entryOf } from '../../app/backup-entries.ts';
import type { BackupService } from '../../app/backup-service.ts';
import { fromOtherInstallation, liveHoldings, proveBackup, restoreBoxOffice } from '../../app/restore-box-office.ts';
import { readManifest } from '../../backup/manifest.ts';
import { verifyLedger } from '../../backup/verify-ledger.ts';
import { isFreshInstallation } from '../../demo/load-demo.ts';
import type { Handlers } from '../dispatcher.ts';

const LISTED_DIFFERENCES = 200;

/** Backups, restores and the ledger check: thin adapters over app/backup-service.ts and app/restore-box-office.ts. */
export function backupHandlers(service: BackupService): Pick<Handlers, keyof typeof backupProcedures> {
  const { office } = service;
  const entry = (stem: string) => {
    const found = service.find(stem);
    const manifest = readManifest(found.manifestFile);
    if (typeof manifest === 'string') throw new MarqueeError('BAD_INPUT', `The backup ${stem} cannot be used: ${manifest}.`);
    return { found, entry: entryOf(found, manifest, found.folder !== service.folder) };
  };
  const restore = async (input: { stem: string; confirmOtherInstallation?: boolean | undefined }) => {
    const outcome = await restoreBoxOffice(service, { manifestFile: entry(input.stem).found.manifestFile, confirmOtherInstallation: input.confirmOtherInstallation ?? false });
    const v = outcome.verification;
    return { ...outcome, verification: { ...v, differences: v.differences.slice(0, LISTED_DIFFERENCES), differenceCount: v.differences.length } };
  };
  /** The records look lost: a start-up marker, and still nobody on the staff list. */
  const lostNow = () => {
    const marker = service.lostAtStart();
    return marker && isFreshInstallation(office.records) ? marker : null;
  };
  return {
    getDataStatus: () => service.dataStatus(),
    getBackupStatus: () => service.status(),
    listBackups: () => service.list(),
    backupNow: async () => {
      const result = await service.backupNow('manual');
      return { backup: entry(result.stem).entry, secondFolderProblem: result.secondFolder?.sentence ?? null, pruned: result.pruned.length };
    },
    previewRestore: async ({ stem }) => {
      const { found, entry: copy } = entry(stem);
      const checked = await proveBackup(service, found.manifestFile);
      try {
        return { copy, live: liveHoldings(service), schema: checked.schema === 'older' ? 'older' : 'same', otherInstallation: fromOtherInstallation(service, checked) };
      } finally {
        checked.dispose();
      }
    },
    restoreBackup: restore,
    verifyLedger: () => {
      const v = verifyLedger(office.records.$client, office.clock.now());
      return { ...v, differences: v.differences.slice(0, LISTED_DIFFERENCES), differenceCount: v.differences.length };
    },
    getBackupSettings: () => service.settings(),
    saveBackupSettings: (input) => service.saveSettings(input),
    getStartupRecovery: () => {
      const lost = lostNow();
      return { lost: lost !== null, sentence: lost?.sentence ?? null, latest: lost ? (service.list()[0] ?? null) : null };
    },
    restoreAtStartup: (input) => {
      // Only while the records are lost: afterwards a restore is a manager's, from Manage → Backups.
      if (!lostNow()) throw new MarqueeError('FORBIDDEN', 'This box office has its records; restoring a backup is done from Manage → Backups by a manager.');
      return restore(input);
    },
  };
}
