import { useEffect, useState } from 'react';
import type { BackupProgressView, BackupSettings, BackupStatus } from '../../../src-shared/contract/backups.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { bridge, call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';
import { formatDateTime } from '../../format.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { BackupSettingsForm } from './BackupSettingsForm.tsx';
import { RestorePreview } from './RestorePreview.tsx';
import { TrainingPanel } from './TrainingPanel.tsx';
import { REASON_WORDS, lastSaleWords, sizeWords } from './restore-words.ts';
import './backups.css';

type Entry = OutputOf<'listBackups'>[number];
type Verification = OutputOf<'verifyLedger'>;

const PHASE_WORDS: Record<BackupProgressView['phase'], string> = {
  copying: 'Copying',
  checking: 'Checking the copy',
  compressing: 'Compressing',
  'second-folder': 'Copying to the second folder',
  pruning: 'Removing old copies',
  done: 'Done',
};

/** Manage → Backups: Backup now with its progress, the copies kept, a restore with its preview, the ledger check, the schedule. */
export function BackupsScreen(_props: ScreenProps) {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [list, setList] = useState<Entry[]>([]);
  const [settings, setSettings] = useState<BackupSettings | null>(null);
  const [progress, setProgress] = useState<BackupProgressView | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = () => {
    call('getBackupStatus', {}).then(setStatus, (e: unknown) => setMessage({ ok: false, text: errorText(e) }));
    call('listBackups', {}).then(setList, () => undefined);
  };
  useEffect(() => {
    load();
    call('getBackupSettings', {}).then(setSettings, () => undefined);
    const offs = [bridge.on('backupProgress', setProgress), bridge.on('backupStatusChanged', load)];
    return () => offs.forEach((off) => off());
  }, []);

  /** One press at a time: the buttons wait, and a refusal shows as its sentence. */
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    return action()
      .catch((e: unknown) => setMessage({ ok: false, text: errorText(e) }))
      .finally(() => {
        setBusy(false);
        setProgress(null);
      });
  };

  const backupNow = () =>
    run(async () => {
      const made = await call('backupNow', {});
      setMessage({
        ok: made.secondFolderProblem === null,
        text: `Backup made: ${made.backup.orders} orders, ledger to #${made.backup.lastLedgerSeq}, proven and compressed.${made.secondFolderProblem ? ` ${made.secondFolderProblem}` : ''}`,
      });
      load();
    });
  const verify = () => run(async () => setVerification(await call('verifyLedger', {})));

  const running = progress ?? status?.running ?? null;
  return (
    <section className="backups-screen" aria-label="Backups" data-testid="backups-screen">
      <h1>Backups</h1>
      <div className="backups-panel" data-testid="backup-status">
        {status?.data.sellingStopped && <p className="warn" role="alert">{status.data.sentence}</p>}
        {status?.space.sentence && <p className="warn">{status.space.sentence}</p>}
        {status?.secondFolder?.problem && <p className="warn" data-testid="second-folder-problem">{status.secondFolder.problem}</p>}
        {status?.lastProblem && <p className="warn">{status.lastProblem}</p>}
        <dl className="backups-facts">
          <dt>Last backup</dt>
          <dd data-testid="last-backup">{status?.last ? `${formatDateTime(status.last.madeAt)} (${REASON_WORDS[status.last.reason]}): ${status.last.orders} orders, ledger to #${status.last.lastLedgerSeq}` : 'none yet'}</dd>
          <dt>Copies are kept in</dt>
          <dd data-testid="backup-folder">{status?.folder ?? '…'}</dd>
          <dt>Second folder</dt>
          <dd>{status?.secondFolder?.folder ?? 'none set'}</dd>
        </dl>
        <div className="backups-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void backupNow()} data-testid="backup-now">
            Backup now
          </button>
          <button type="button" disabled={busy} onClick={() => void verify()} data-testid="verify-ledger">
            Check the ledger
          </button>
        </div>
        {running && (
          <div className="backups-progress" data-testid="backup-progress">
            <span>{PHASE_WORDS[running.phase]}</span>
            <progress max={1} value={running.fraction} />
            <span>{Math.round(running.fraction * 100)}%</span>
          </div>
        )}
        {message && (
          <p className={message.ok ? 'ok' : 'warn'} role="status" data-testid="backup-message">
            {message.text}
          </p>
        )}
        {verification && (
          <div data-testid="ledger-verification">
            {verification.differenceCount === 0 ? (
              <p className="ok">The ledger proves the database: {verification.ledgerRows} ledger rows, to #{verification.lastLedgerSeq}; every order, ticket, payment and seat agrees.</p>
            ) : (
              <>
                <p className="warn">{verification.differenceCount} rows differ from the ledger:</p>
                <ul>
                  {verification.differences.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>

      {picked && <RestorePreview stem={picked} onClose={() => setPicked(null)} />}

      <div className="backups-panel">
        <h2>Copies kept</h2>
        <table className="backups-table" data-testid="backup-list">
          <thead>
            <tr>
              <th>Made</th>
              <th>Why</th>
              <th>Orders</th>
              <th>Last sale</th>
              <th>Ledger</th>
              <th>Size</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.stem} data-testid="backup-row" data-stem={b.stem}>
                <td>{formatDateTime(b.madeAt)}</td>
                <td>{REASON_WORDS[b.reason]}{b.inSecondFolder ? ' · also in the second folder' : ''}</td>
                <td className="number">{b.orders}</td>
                <td>{lastSaleWords(b.lastSaleAt)}</td>
                <td className="number">#{b.lastLedgerSeq}</td>
                <td className="number">{sizeWords(b.bytes)}</td>
                <td>
                  <button type="button" disabled={busy} onClick={() => setPicked(b.stem)} data-testid="restore-pick">
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {settings && <BackupSettingsForm settings={settings} onSaved={setSettings} />}
      <TrainingPanel />
    </section>
  );
}
