import { useEffect } from 'react';
import { bridge, call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import type { useAction } from '../events/admin-kit.tsx';

interface Props {
  action: ReturnType<typeof useAction>;
}

/**
 * The desktop app's "Serve other windows" switch: host mode's server, with pairing and TLS, inside
 * this box office. While it serves, the addresses other windows open (or terminals join) and the
 * certificate fingerprint they must show; the paired windows are listed below as for host mode.
 */
export function ServeWindowsPanel({ action }: Props) {
  const status = useAsync(() => call('getWindowServing', {}), []);
  useEffect(() => bridge.on('windowsChanged', () => status.reload()), [status.reload]);
  const now = status.data;

  async function turn(on: boolean) {
    const done = await action.run(
      () => call('setWindowServing', { on }),
      (s) => (s.serving ? 'Other windows can now join this box office.' : on ? (s.problem ?? 'Other windows are not served.') : 'Other windows are no longer served.'),
    );
    if (done) status.reload();
  }

  return (
    <div className="admin-card" data-testid="serve-windows">
      <h2>This box office</h2>
      <label className="serve-windows-switch">
        <input type="checkbox" checked={now?.serving ?? false} disabled={!now?.available} onChange={(e) => void turn(e.target.checked)} data-testid="serve-windows-switch" />
        Serve other windows
      </label>
      {now && !now.available && <p className="muted">{now.problem}</p>}
      {now?.problem && now.available && (
        <p className="error" data-testid="serve-windows-problem">
          {now.problem}
        </p>
      )}
      {now?.serving && (
        <dl className="windows-facts">
          <dt>Addresses</dt>
          <dd data-testid="serve-windows-addresses">
            {now.addresses.map((a) => (
              <div key={a}>
                <code>{a}</code>
              </div>
            ))}
          </dd>
          <dt>Certificate fingerprint (SHA-256)</dt>
          <dd>
            <code data-testid="serve-windows-fingerprint">{now.fingerprint}</code>
          </dd>
        </dl>
      )}
      <p className="muted">
        {now?.serving
          ? 'A terminal joins with one of these addresses and this fingerprint, then shows a pairing code to approve below. Approve it only if it shows the same fingerprint.'
          : 'Turn this on to let desktop terminals and browsers on other computers sell from this box office.'}
      </p>
    </div>
  );
}
