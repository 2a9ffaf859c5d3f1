import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import type { PairingState, WindowPairing } from '../../src-shared/http-bridge.ts';
import { pairing } from '../transport/api.ts';
import { PairingScreen } from './PairingScreen.tsx';

/** How often a waiting window asks whether a manager has approved it (the host pushes nothing to it). */
const ASK_EVERY_MS = 1500;
/** Slower while the host refuses or cannot be reached, so a refused window does not keep knocking. */
const ASK_AFTER_PROBLEM_MS = 5000;

function usePairingState(p: WindowPairing): PairingState {
  return useSyncExternalStore(
    (onChange) => p.subscribe(onChange),
    () => p.current(),
  );
}

/**
 * Until a manager has approved this window it sees only the pairing screen: no sign-in, no names
 * of staff, nothing the host would refuse anyway. Once approved the counter opens at sign-in; when
 * a manager revokes the window it comes back here.
 */
export function PairingGate({ children }: { children: ReactNode }) {
  // The desktop's windows (window.marquee) have no pairing and are never gated.
  if (!pairing) return <>{children}</>;
  return <Gate pairing={pairing}>{children}</Gate>;
}

function Gate({ pairing: p, children }: { pairing: WindowPairing; children: ReactNode }) {
  const state = usePairingState(p);
  const waiting = state.phase !== 'paired';

  useEffect(() => {
    if (!waiting || state.phase === 'revoked') return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Ask at once, then again until approved; a failed ask (host restarting) is asked again too.
    const ask = () => {
      void p.refresh().finally(() => {
        if (live) timer = setTimeout(ask, p.current().problem ? ASK_AFTER_PROBLEM_MS : ASK_EVERY_MS);
      });
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [p, waiting, state.phase]);

  if (!waiting) return <>{children}</>;
  return <PairingScreen state={state} onAskAgain={() => void p.registerAgain()} />;
}
