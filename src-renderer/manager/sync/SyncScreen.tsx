import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../src-shared/contract/sync.ts';
import { bridge, call } from '../../transport/api.ts';
import { dayHeading, formatTime } from '../../format.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import './sync.css';
import { errorText } from '../../kit/error-text.ts';

function when(ms: number | null): string {
  return ms === null ? 'never' : `${dayHeading(ms, Date.now())} ${formatTime(ms)}`;
}

const STATE_WORDS: Record<SyncStatus['state'], string> = {
  off: 'Switched off',
  idle: 'Up to date, waiting for new sales',
  pushing: 'Sending…',
  retrying: 'Waiting to try again',
};

/** Central sync settings and state: the URL, a test in words, sync now, and the backlog's progress. */
export function SyncScreen(_props: ScreenProps) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [tls, setTls] = useState(false);
  const [enabled, setEnabled] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('getSyncStatus', {})
      .then((s) => {
        setStatus(s);
        setUrl(s.url ?? '');
        setTls(s.tls);
        setEnabled(s.enabled);
      })
      .catch((e: unknown) => setMessage({ ok: false, text: errorText(e) }));
    return bridge.on('syncStatusChanged', setStatus);
  }, []);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const save = () =>
    run(async () => {
      const next = await call('configureSync', { url: url.trim() || null, password: password === '' ? undefined : password, tls, enabled });
      setStatus(next);
      setPassword('');
      setMessage({ ok: true, text: next.enabled ? 'Saved. Sync is on.' : 'Saved. Sync is off.' });
    });
  const test = () =>
    run(async () => {
      const result = await call('testSyncConnection', { url: url.trim() || undefined, password: password === '' ? undefined : password, tls });
      setMessage({ ok: result.ok, text: result.message });
    });
  const syncNow = () =>
    run(async () => {
      setStatus(await call('syncNow', {}));
      setMessage({ ok: true, text: 'Everything pending has been sent.' });
    });

  const progress = status?.progress;
  return (
    <section className="sync-screen" aria-label="Central sync">
      <h1>Central sync</h1>
      <p className="muted">Optional: push every sale of every window to head office's MySQL or MariaDB server. Selling never waits for it.</p>
      <form
        className="sync-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Server URL
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="mysql://user@host:3306/database" data-testid="sync-url" />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            placeholder={status?.hasPassword ? 'saved (type to replace)' : 'none saved'}
            data-testid="sync-password"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={tls} onChange={(e) => setTls(e.target.checked)} data-testid="sync-tls" /> Use TLS
        </label>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} data-testid="sync-enabled" /> Sync is on
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy} data-testid="sync-save">Save</button>
          <button type="button" disabled={busy} onClick={() => void test()} data-testid="sync-test">Test connection</button>
          <button type="button" disabled={busy || !status?.enabled} onClick={() => void syncNow()} data-testid="sync-now">Sync now</button>
        </div>
      </form>
      {message && (
        <p className={message.ok ? 'ok' : 'error'} role="status" data-testid="sync-message">
          {message.text}
        </p>
      )}
      {status && (
        <dl className="sync-status" data-testid="sync-status" data-state={status.state}>
          <dt>State</dt>
          <dd data-testid="sync-state">{STATE_WORDS[status.state]}</dd>
          <dt>Waiting to be sent</dt>
          <dd data-testid="sync-pending">{status.pendingRows}</dd>
          <dt>Last success</dt>
          <dd data-testid="sync-last-success">{when(status.lastSuccessAt)}</dd>
          <dt>Last problem</dt>
          <dd data-testid="sync-last-error">{status.lastError ? `${status.lastError} (${when(status.lastErrorAt)})` : 'none'}</dd>
          {status.nextAttemptAt !== null && (
            <>
              <dt>{status.state === 'retrying' ? 'Next try' : 'Next check'}</dt>
              <dd>{when(status.nextAttemptAt)}</dd>
            </>
          )}
        </dl>
      )}
      {progress && progress.total > 0 && (
        <div className="sync-progress">
          <progress max={progress.total} value={progress.done} data-testid="sync-progress" />
          {progress.done} of {progress.total} rows
        </div>
      )}
    </section>
  );
}
