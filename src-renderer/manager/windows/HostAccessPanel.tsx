import { useSyncExternalStore } from 'react';
import type { PairingState } from '../../../src-shared/http-bridge.ts';
import { pairing, transportKind } from '../../transport/api.ts';
import type { useAction } from '../events/admin-kit.tsx';
import { ServeWindowsPanel } from './ServeWindowsPanel.tsx';

const noPairing = { subscribe: () => () => undefined, current: (): PairingState | null => null };

/**
 * Where the other computers reach this box office, and the certificate fingerprint a new window
 * shows: the manager compares the two before approving. The fingerprint is the one the host gave
 * this window when it registered.
 */
export function HostAccessPanel({ action }: { action: ReturnType<typeof useAction> }) {
  const source = pairing ?? noPairing;
  const state = useSyncExternalStore(source.subscribe, source.current);
  // The desktop app serves other windows only when a manager turns it on.
  if (transportKind !== 'http') return <ServeWindowsPanel action={action} />;
  const secure = window.location.protocol === 'https:';
  return (
    <div className="admin-card" data-testid="host-access">
      <h2>This box office</h2>
      <dl className="windows-facts">
        <dt>Address</dt>
        <dd data-testid="host-address">{window.location.origin}</dd>
        <dt>Certificate fingerprint (SHA-256)</dt>
        <dd>
          {state?.fingerprint ? (
            <code data-testid="host-fingerprint">{state.fingerprint}</code>
          ) : (
            <span className="muted" data-testid="host-fingerprint-none">
              {secure ? 'Not known yet.' : 'None: served over plain HTTP to this computer only.'}
            </span>
          )}
        </dd>
      </dl>
      <p className="muted">
        A new window on another computer shows its pairing code and this fingerprint. Approve it only if the fingerprint matches, character for character.
      </p>
    </div>
  );
}
