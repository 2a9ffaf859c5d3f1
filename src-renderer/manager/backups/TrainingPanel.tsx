import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';
import { formatDateTime } from '../../format.ts';
import { reloadWindow } from './restore-words.ts';

type Setup = OutputOf<'getTrainingSetup'>;
type Window = OutputOf<'listWindows'>[number];

/**
 * Manage → Backups → Training: put this window (or every window of the host) on the training box
 * office, see which windows train, and start the training records again from the live catalogue.
 * The host decides and keeps it; a window whose mode changes reloads (shell/TrainingBand.tsx).
 */
export function TrainingPanel() {
  const [setup, setSetup] = useState<Setup | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [windows, setWindows] = useState<Window[]>([]);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    call('getTrainingSetup', {}).then(setSetup, (e: unknown) => setMessage({ ok: false, text: errorText(e) }));
    // Host mode's browser windows, to put another one in training; none in the desktop app.
    call('listWindows', {}).then((list) => setWindows(list.filter((w) => w.revokedAt === null)), () => undefined);
  }, []);

  const run = (action: () => Promise<Setup>, after?: (s: Setup) => void) => {
    setBusy(true);
    setMessage(null);
    action()
      .then((s) => {
        setSetup(s);
        after?.(s);
      })
      .catch((e: unknown) => setMessage({ ok: false, text: errorText(e) }))
      .finally(() => setBusy(false));
  };
  // This window changes box office: reload, so it signs in again there and shows (or drops) the band.
  const thisWindow = (on: boolean) => run(() => call('setTraining', { on }), reloadWindow);
  const wholeHost = (on: boolean) => run(() => call('setTraining', { on, scope: 'host' }), reloadWindow);
  const stop = (stationId: string) => {
    const wasThisWindow = setup?.thisWindow ?? false;
    run(() => call('setTraining', { on: false, stationId }), (s) => {
      if (wasThisWindow && !s.thisWindow) reloadWindow();
    });
  };
  const trainThere = () => {
    if (chosen) run(() => call('setTraining', { on: true, stationId: chosen }));
  };
  const reset = () =>
    run(
      () => call('resetTraining', {}),
      () => setMessage({ ok: true, text: 'The training records start again from the live catalogue; training windows sign in again.' }),
    );

  if (!setup) return message ? <p className="error" role="alert">{message.text}</p> : null;
  return (
    <div className="backups-panel" data-testid="training-panel">
      <h2>Training</h2>
      <p className="muted">
        A window in training sells from a separate training box office copied from the live catalogue: its tickets and receipts print
        “TRAINING — NOT VALID”, never check in at the door, and nothing it does reaches the live records, the reports or the central server.
      </p>
      <dl className="backups-facts">
        <dt>Training records copied</dt>
        <dd>{setup.copiedAt === null ? 'not yet' : formatDateTime(setup.copiedAt)}</dd>
        <dt>Windows in training</dt>
        <dd data-testid="training-windows">
          {setup.wholeHost ? 'every window of this host' : setup.windows.length === 0 ? 'none' : setup.windows.map((w) => w.name).join(', ')}
        </dd>
      </dl>
      <div className="backups-actions">
        <button type="button" disabled={busy || setup.wholeHost} onClick={() => thisWindow(!setup.thisWindow)} data-testid="training-this-window">
          {setup.thisWindow ? 'Stop training at this window' : 'Train at this window'}
        </button>
        <button type="button" disabled={busy} onClick={() => wholeHost(!setup.wholeHost)} data-testid="training-whole-host">
          {setup.wholeHost ? 'Stop training on every window' : 'Train on every window'}
        </button>
        <button type="button" disabled={busy} onClick={reset} data-testid="training-reset">
          Reset the training data
        </button>
      </div>
      {!setup.wholeHost && windows.some((w) => !setup.windows.some((t) => t.stationId === w.windowId)) && (
        <div className="backups-actions">
          <label>
            Another window{' '}
            <select value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="training-window-pick">
              <option value="">Pick a window…</option>
              {windows
                .filter((w) => !setup.windows.some((t) => t.stationId === w.windowId))
                .map((w) => (
                  <option key={w.windowId} value={w.windowId}>
                    {w.name}
                  </option>
                ))}
            </select>
          </label>
          <button type="button" disabled={busy || !chosen} onClick={trainThere} data-testid="training-window-on">
            Train at that window
          </button>
        </div>
      )}
      {!setup.wholeHost && setup.windows.length > 0 && (
        <ul className="training-windows">
          {setup.windows.map((w) => (
            <li key={w.stationId}>
              {w.name}{' '}
              <button type="button" disabled={busy} onClick={() => stop(w.stationId)}>
                Stop training there
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && <p className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
    </div>
  );
}
