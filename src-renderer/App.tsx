import { useState } from 'react';
import { PerformanceList } from './screens/PerformanceList.tsx';
import { SeatMapView } from './screens/SeatMapView.tsx';
import { call, transportKind } from './transport/api.ts';
import { useAsync } from './use-async.ts';

export function App() {
  const station = useAsync(() => call('getStationInfo', {}), []);
  const [openPerformance, setOpenPerformance] = useState<string | null>(null);

  return (
    <div className="app">
      <header className="status-bar">
        <span className="brand">Marquee</span>
        <span data-testid="venue-name">{station.data?.venueName ?? 'Box office'}</span>
        <span className="spacer" />
        <span className="muted" data-testid="station-name">
          {station.data ? `${station.data.stationName} · ${transportKind === 'ipc' ? 'desktop' : 'host mode'}` : 'Connecting…'}
        </span>
      </header>
      {station.error && <p className="error" role="alert">{station.error}</p>}
      <main>
        {openPerformance ? (
          <SeatMapView performanceId={openPerformance} onBack={() => setOpenPerformance(null)} />
        ) : (
          <PerformanceList onOpen={setOpenPerformance} isEmpty={station.data?.isEmpty ?? false} onDemoLoaded={station.reload} />
        )}
      </main>
    </div>
  );
}
