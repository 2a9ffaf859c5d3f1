import { useEffect } from 'react';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { bridge, call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Feedback, useAction } from '../events/admin-kit.tsx';
import { HostAccessPanel } from './HostAccessPanel.tsx';
import { OpenSessionsPanel } from './OpenSessionsPanel.tsx';
import { PairingRequestsPanel } from './PairingRequestsPanel.tsx';
import { PairedWindowsPanel } from './PairedWindowsPanel.tsx';
import { SignInPausesPanel } from './SignInPausesPanel.tsx';
import './windows.css';

/**
 * Manage → Windows: which browser windows may sell (pair, rename, revoke), who is signed in where
 * (end a session), and what a new window must show before a manager approves it.
 */
export function WindowsScreen(_props: ScreenProps) {
  const windows = useAsync(() => call('listWindows', {}), []);
  const requests = useAsync(() => call('listPairingRequests', {}), []);
  const sessions = useAsync(() => call('listSessions', {}), []);
  const action = useAction();

  useEffect(() => {
    const reloadWindows = () => {
      windows.reload();
      requests.reload();
      sessions.reload();
    };
    // A new window asking, or one approved, renamed or revoked at another manager's window.
    const offWindows = bridge.on('windowsChanged', reloadWindows);
    const offSessions = bridge.on('staffSessionChanged', () => sessions.reload());
    return () => {
      offWindows();
      offSessions();
    };
  }, [windows.reload, requests.reload, sessions.reload]);

  const reloadAll = () => {
    windows.reload();
    requests.reload();
    sessions.reload();
  };

  return (
    <section className="admin windows-screen" data-testid="windows-screen">
      <div className="toolbar">
        <h1>Windows</h1>
        <button type="button" onClick={reloadAll} data-testid="windows-reload">
          Refresh
        </button>
      </div>
      <Feedback error={action.error ?? windows.error ?? requests.error ?? sessions.error} done={action.done} />
      <HostAccessPanel action={action} />
      <PairingRequestsPanel requests={requests.data} action={action} onChanged={reloadAll} />
      <PairedWindowsPanel windows={windows.data} action={action} onChanged={reloadAll} />
      <OpenSessionsPanel sessions={sessions.data} action={action} onChanged={() => sessions.reload()} />
      <SignInPausesPanel action={action} />
    </section>
  );
}
