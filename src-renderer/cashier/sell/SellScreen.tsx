import { useState } from 'react';
import { PerformanceList } from '../../screens/PerformanceList.tsx';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { ShiftPrompt } from '../cashup/ShiftPrompt.tsx';
import { SellPerformance } from './SellPerformance.tsx';
import { StatusStrip } from './StatusStrip.tsx';
import './sell.css';

/** The Sell tab: today's performances first, then one performance's map, basket and payment. */
export function SellScreen({ station }: ScreenProps) {
  const [performanceId, setPerformanceId] = useState<string | null>(null);
  return performanceId ? (
    <SellPerformance performanceId={performanceId} currency={station.currency} onBack={() => setPerformanceId(null)} />
  ) : (
    <div className="sell">
      <ShiftPrompt />
      <PerformanceList onOpen={setPerformanceId} isEmpty={station.isEmpty} onDemoLoaded={() => undefined} autoFocusFirst />
      <StatusStrip expiresAt={null} onExtend={() => undefined} onExpired={() => undefined} />
    </div>
  );
}
