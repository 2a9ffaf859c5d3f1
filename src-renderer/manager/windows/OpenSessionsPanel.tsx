import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import type { useAction } from '../events/admin-kit.tsx';
import { formatWhen } from './when.ts';

type OpenSession = OutputOf<'listSessions'>[number];

interface Props {
  sessions: OpenSession[] | null;
  action: ReturnType<typeof useAction>;
  onChanged(): void;
}

/** Who is signed in at which window; a manager can sign any of them out (a forgotten till, a lost tablet). */
export function OpenSessionsPanel({ sessions, action, onChanged }: Props) {
  async function end(s: OpenSession) {
    const done = await action.run(
      () => call('endSession', { windowId: s.windowId }),
      (r) => (r.ended ? `${s.staffName} is signed out at ${s.windowName}.` : `Nobody was signed in at ${s.windowName} any more.`),
    );
    if (done) onChanged();
  }

  return (
    <div className="admin-card" data-testid="open-sessions">
      <h2>Signed in now</h2>
      {sessions?.length === 0 && <p className="muted">Nobody is signed in.</p>}
      {sessions && sessions.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Who</th>
              <th>Where</th>
              <th>Since</th>
              <th>Last seen</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.windowId} data-testid="open-session" data-staff-name={s.staffName} data-window-name={s.windowName}>
                <td>
                  {s.staffName} <small className="muted">{s.role}</small>
                </td>
                <td>
                  {s.windowName}
                  {s.thisWindow && <small className="muted"> (this window)</small>}
                </td>
                <td>{formatWhen(s.signedInAt)}</td>
                <td>{formatWhen(s.lastSeenAt)}</td>
                <td>
                  <button type="button" className="admin-danger" disabled={action.busy} onClick={() => void end(s)} data-testid="end-session">
                    {s.thisWindow ? 'Sign out here' : 'End session'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
