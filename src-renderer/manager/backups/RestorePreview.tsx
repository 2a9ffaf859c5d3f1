import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';
import { formatDateTime } from '../../format.ts';
import { lastSaleWords, reloadWindow } from './restore-words.ts';

type Preview = OutputOf<'previewRestore'>;
type Holdings = Preview['live'];

function HoldingsList({ title, holdings, testId }: { title: string; holdings: Holdings; testId: string }) {
  return (
    <div data-testid={testId}>
      <h2>{title}</h2>
      <dl className="backups-facts">
        <dt>Orders</dt>
        <dd data-testid={`${testId}-orders`}>{holdings.orders}</dd>
        <dt>Tickets</dt>
        <dd>{holdings.tickets}</dd>
        <dt>Last sale</dt>
        <dd>{lastSaleWords(holdings.lastSaleAt)}</dd>
        <dt>Last ledger entry</dt>
        <dd>#{holdings.lastLedgerSeq}</dd>
      </dl>
    </div>
  );
}

/** The copy, proven, beside the live database; restoring asks once more, and confirms another installation's copy. */
export function RestorePreview({ stem, onClose }: { stem: string; onClose(): void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmOther, setConfirmOther] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setPreview(null);
    setError(null);
    call('previewRestore', { stem }).then(setPreview, (e: unknown) => setError(errorText(e)));
  }, [stem]);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('restoreBackup', { stem, confirmOtherInstallation: confirmOther });
      // Every window is told and reloads; this one too, even if its event was missed.
      reloadWindow();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div className="backups-panel" data-testid="restore-preview">
      {error && <p className="warn" role="alert" data-testid="restore-error">{error}</p>}
      {!preview && !error && <p>Checking the copy…</p>}
      {preview && (
        <>
          <p>
            The copy made {formatDateTime(preview.copy.madeAt)} is whole (checked against its manifest and by SQLite). Restoring it replaces what the box office holds now; a safety
            copy of the live database is taken first, and every window reloads.
          </p>
          {preview.schema === 'older' && <p className="warn">It was made by an older version of Marquee and will be brought up to this version as it is restored.</p>}
          <div className="backups-compare">
            <HoldingsList title="In the copy" holdings={preview.copy} testId="preview-copy" />
            <HoldingsList title="Now" holdings={preview.live} testId="preview-live" />
          </div>
          {preview.otherInstallation && (
            <label className="warn">
              <input type="checkbox" checked={confirmOther} onChange={(e) => setConfirmOther(e.target.checked)} data-testid="confirm-other-installation" /> This copy comes from another box
              office installation. I am a manager and I confirm restoring it over this one.
            </label>
          )}
        </>
      )}
      <div className="backups-actions">
        <button type="button" className="primary" disabled={!preview || busy || (preview.otherInstallation && !confirmOther)} onClick={() => void restore()} data-testid="restore-confirm">
          Restore this copy
        </button>
        <button type="button" disabled={busy} onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
