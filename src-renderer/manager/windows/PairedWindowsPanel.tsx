import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import type { useAction } from '../events/admin-kit.tsx';
import { formatWhen } from './when.ts';

type PairedWindow = OutputOf<'listWindows'>[number];

interface Props {
  windows: PairedWindow[] | null;
  action: ReturnType<typeof useAction>;
  onChanged(): void;
}

const KIND_LABEL = { local: 'This computer', lan: 'Another computer' } as const;

/** Every window that was paired, with rename and revoke; revoked ones stay listed, greyed, for the record. */
export function PairedWindowsPanel({ windows, action, onChanged }: Props) {
  const [renaming, setRenaming] = useState<{ windowId: string; name: string } | null>(null);
  const [revoking, setRevoking] = useState<PairedWindow | null>(null);

  async function rename() {
    if (!renaming) return;
    const done = await action.run(() => call('renameWindow', renaming), (w) => `Renamed to ${w.name}.`);
    if (done) {
      setRenaming(null);
      onChanged();
    }
  }

  async function revoke(w: PairedWindow) {
    const done = await action.run(() => call('revokeWindow', { windowId: w.windowId }), (r) => `${r.name} is revoked: it must be paired again to sell.`);
    setRevoking(null);
    if (done) onChanged();
  }

  async function clearPause(w: PairedWindow) {
    await action.run(
      () => call('clearSignInPause', { windowId: w.windowId }),
      (r) => (r.cleared === 0 ? `${w.name} was not paused.` : `${w.name} can try a PIN again now.`),
    );
  }

  return (
    <div className="admin-card" data-testid="paired-windows">
      <h2>Paired windows</h2>
      {windows?.length === 0 && <p className="muted">No browser window has been paired yet.</p>}
      {revoking && (
        <div className="error" role="alertdialog" aria-label="Revoke window" data-testid="revoke-confirm">
          <p>
            Revoke <strong>{revoking.name}</strong> ({revoking.address})? Whoever is signed in there is signed out, and the window must be paired again before it can sell.
          </p>
          <div className="admin-actions">
            <button type="button" className="admin-danger" onClick={() => void revoke(revoking)} disabled={action.busy} data-testid="revoke-confirm-yes">
              Revoke {revoking.name}
            </button>
            <button type="button" onClick={() => setRevoking(null)} data-testid="revoke-confirm-no">
              Keep it
            </button>
          </div>
        </div>
      )}
      {windows && windows.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Where</th>
              <th>Address</th>
              <th>Paired</th>
              <th>Last seen</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {windows.map((w) => (
              <tr key={w.windowId} data-testid="paired-window" data-window-name={w.name} className={w.revokedAt !== null ? 'windows-revoked' : undefined}>
                <td>
                  {renaming?.windowId === w.windowId ? (
                    <form
                      className="admin-actions"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void rename();
                      }}
                    >
                      <input
                        aria-label={`New name for ${w.name}`}
                        value={renaming.name}
                        maxLength={60}
                        onChange={(e) => setRenaming({ windowId: w.windowId, name: e.target.value })}
                        autoFocus
                        required
                        data-testid="window-rename-input"
                      />
                      <button type="submit" className="primary" disabled={action.busy} data-testid="window-rename-save">
                        Save
                      </button>
                      <button type="button" onClick={() => setRenaming(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    w.name
                  )}
                </td>
                <td>{KIND_LABEL[w.kind]}</td>
                <td>{w.address}</td>
                <td>{w.pairedAt !== null ? `${formatWhen(w.pairedAt)}${w.approvedBy ? ` by ${w.approvedBy}` : ''}` : '—'}</td>
                <td>{formatWhen(w.lastSeenAt)}</td>
                <td data-testid="window-status">{w.revokedAt !== null ? `Revoked ${formatWhen(w.revokedAt)}` : 'Paired'}</td>
                <td>
                  {w.revokedAt === null && (
                    <div className="admin-actions">
                      <button type="button" onClick={() => setRenaming({ windowId: w.windowId, name: w.name })} data-testid="window-rename">
                        Rename
                      </button>
                      <button type="button" onClick={() => void clearPause(w)} disabled={action.busy} data-testid="window-clear-pause">
                        Clear sign-in pause
                      </button>
                      <button type="button" className="admin-danger" onClick={() => setRevoking(w)} data-testid="window-revoke">
                        Revoke
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
