import { useCallback, useEffect, useRef, useState } from 'react';
import type { StaffSummary } from '../../src-shared/contract/staff.ts';
import type { StationInfo } from '../../src-shared/contract/system.ts';
import { setVenueClock } from '../format.ts';
import { bridge, call, onSessionRefused } from '../transport/api.ts';

/**
 * Shown at sign-in when the window's session ended without anyone here signing out. The window
 * cannot tell which it was (cashiers may not read the settings), so the sentence names both.
 */
export const SESSION_ENDED =
  'Your session ended: signed out after a time without use (30 minutes unless Settings says otherwise), or by a manager. Sign in again.';

export interface Session {
  station: StationInfo | null;
  staff: StaffSummary | null;
  loading: boolean;
  error: string | null;
  /** Why the window is back at sign-in when nobody here signed out, else null. */
  ended: string | null;
  refresh(): void;
  signOut(): Promise<void>;
}

/**
 * Who this window is and who is signed in at it. Follows sign-ins and sign-outs from the core,
 * and goes back to sign-in by itself when any call finds the session gone (onSessionRefused).
 */
export function useSession(): Session {
  const [station, setStation] = useState<StationInfo | null>(null);
  const [staff, setStaff] = useState<StaffSummary | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<string | null>(null);
  // Read inside the refresh's answer, which may arrive after several renders.
  const signedIn = useRef<StaffSummary | null>(null);
  const signingOut = useRef(false);
  // Only the latest question's answer counts: an older one may arrive after a sign-in.
  const asked = useRef(0);

  const refresh = useCallback(() => {
    const question = ++asked.current;
    Promise.all([call('getStationInfo', {}), call('currentStaff', {})])
      .then(([info, current]) => {
        if (question !== asked.current) return;
        // Someone was signed in, now nobody is, and not because of a sign-out or lock here.
        if (signedIn.current && !current && !signingOut.current) setEnded(SESSION_ENDED);
        if (current) setEnded(null);
        signedIn.current = current;
        // Before the screens render with it: every time and amount is then the venue's.
        setVenueClock(info);
        setStation(info);
        setStaff(current);
        setError(null);
      })
      .catch((e: unknown) => {
        if (question === asked.current) setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    refresh();
    // Someone signed in or out somewhere (or a manager ended a session): ask who is here now.
    const offChanged = bridge.on('staffSessionChanged', () => refresh());
    // A call was refused for want of a session (idle time-out, ended on the desktop, where an ended
    // window hears no event): ask too, rather than leave a screen that can do nothing.
    const offRefused = onSessionRefused(() => {
      if (signedIn.current) refresh();
    });
    return () => {
      offChanged();
      offRefused();
    };
  }, [refresh]);

  const signOut = useCallback(async () => {
    signingOut.current = true;
    try {
      await call('signOut', {});
      // An answer to a question asked before the sign-out must not bring the member back.
      asked.current++;
      signedIn.current = null;
      setEnded(null);
      setStaff(null);
    } finally {
      signingOut.current = false;
    }
  }, []);

  return { station, staff, loading, error, ended, refresh, signOut };
}
