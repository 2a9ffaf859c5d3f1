import { useCallback, useEffect, useState } from 'react';
import type { StaffSummary } from '../../src-shared/contract/staff.ts';
import type { StationInfo } from '../../src-shared/contract/system.ts';
import { bridge, call } from '../transport/api.ts';

export interface Session {
  station: StationInfo | null;
  staff: StaffSummary | null;
  loading: boolean;
  error: string | null;
  refresh(): void;
  signOut(): Promise<void>;
}

/** Who this window is and who is signed in at it; follows sign-ins and lock-outs from the core. */
export function useSession(): Session {
  const [station, setStation] = useState<StationInfo | null>(null);
  const [staff, setStaff] = useState<StaffSummary | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => {
    Promise.all([call('getStationInfo', {}), call('currentStaff', {})])
      .then(([info, current]) => {
        setStation(info);
        setStaff(current);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    refresh();
    return bridge.on('staffSessionChanged', (payload) => {
      if (!station || payload.stationId === station.stationId) refresh();
    });
  }, [refresh, station?.stationId]);

  const signOut = useCallback(async () => {
    await call('signOut', {});
    setStaff(null);
  }, []);

  return { station, staff, loading, error, refresh, signOut };
}
