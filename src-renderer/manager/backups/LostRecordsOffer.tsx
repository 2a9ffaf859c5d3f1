import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';
import { formatDateTime } from '../../format.ts';
import { lastSaleWords, reloadWindow } from './restore-words.ts';
import './backups.css';

/**
 * On the first screen of an empty box office: if the records look lost (station.sqlite in use, or
 * backups in the folder), say so and offer the latest good copy before anyone creates a new admin.
 */
export function LostRecordsOffer() {
  const [recovery, setRecovery] = useState<OutputOf<'getStartupRecovery'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    call('getStartupRecovery', {}).then(setRecovery, () => undefined);
  }, []);
  if (!recovery?.lost) return null;
  const latest = recovery.latest;
  const restore = async () => {
    if (!latest) return;
    setBusy(true);
    setMessage(null);
    try {
      await call('restoreAtStartup', { stem: latest.stem });
      reloadWindow();
    } catch (e) {
      setMessage(errorText(e));
      setBusy(false);
    }
  };
  return (
    <section className="lost-records" aria-label="Records may be lost" data-testid="lost-records">
      <h2>This box office's records may have been lost</h2>
      <p>{recovery.sentence}</p>
      {latest ? (
        <>
          <p>
            The latest good copy was made {formatDateTime(latest.madeAt)}: {latest.orders} orders, last sale {lastSaleWords(latest.lastSaleAt)}, ledger to #{latest.lastLedgerSeq}.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => void restore()} data-testid="restore-latest">
            Restore this copy
          </button>
        </>
      ) : (
        <p className="warn">No backup was found in this data folder's backups folder. Copy one in from the second folder or from where backups were taken off the machine, then reload.</p>
      )}
      {message && <p className="error" role="alert">{message}</p>}
    </section>
  );
}
