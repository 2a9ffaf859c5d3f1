import { useState } from 'react';
import { PerformanceList } from '../screens/PerformanceList.tsx';
import { SeatMapView } from '../screens/SeatMapView.tsx';
import type { ScreenProps } from '../shell/screen-def.ts';

export function SellScreen({ station }: ScreenProps) {
  const [performanceId, setPerformanceId] = useState<string | null>(null);
  return performanceId ? (
    <SeatMapView performanceId={performanceId} onBack={() => setPerformanceId(null)} />
  ) : (
    <PerformanceList onOpen={setPerformanceId} isEmpty={station.isEmpty} onDemoLoaded={() => undefined} />
  );
}
