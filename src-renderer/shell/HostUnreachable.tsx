import { useEffect, useState, useSyncExternalStore } from 'react';
import type { HostConnection, HostConnectionState } from '../../src-shared/host-connection.ts';
import { hostWatch } from '../transport/api.ts';
import './HostUnreachable.css';

/**
 * Host mode: the band across every screen while the host cannot be reached. The screen under it
 * stays as it was (basket, seat map, order on screen) so the cashier can still read it; what needs
 * the host waits, and a sale already pressed is sent when the host is back, under its own key.
 * The desktop's core is in-process and never shows it.
 */
export function HostUnreachable() {
  if (!hostWatch) return null;
  return <Band watch={hostWatch} />;
}

function useHostState(watch: HostConnection): HostConnectionState {
  return useSyncExternalStore(
    (onChange) => watch.subscribe(onChange),
    () => watch.current(),
  );
}

/** A clock that ticks only while the band shows, for "retrying in N s". */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

function Band({ watch }: { watch: HostConnection }) {
  const state = useHostState(watch);
  const now = useNow(!state.reachable);
  if (state.reachable) return null;
  const seconds = state.retryAt === null ? null : Math.max(1, Math.ceil((state.retryAt - now) / 1000));
  return (
    <div className="host-unreachable" role="alert" data-testid="host-unreachable">
      <strong>The box-office host cannot be reached.</strong>
      <span>
        Still works: this screen as it was, to read what is on it. Does not work until it is back: selling, reserving, printing,
        searches and signing in. A sale already paid for is sent again, under the same key, as soon as the host answers: never twice.
      </span>
      <span className="retry" data-testid="host-retry">
        {state.checking || seconds === null ? 'Trying to reach it…' : `Retrying in ${seconds} s.`}
      </span>
      <button type="button" onClick={() => watch.tryNow()} disabled={state.checking} data-testid="host-try-now">
        Try now
      </button>
    </div>
  );
}
