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
  // Once the shift is open, the keyboard goes back to the list: Enter opens the next show.
  const [shiftOpened, setShiftOpened] = useState(0);
  return performanceId ? (
    <SellPerformance performanceId={performanceId} currency={station.currency} onBack={() => setPerformanceId(null)} />
  ) : (
    <div className="sell">
      <ShiftPrompt onOpened={() => setShiftOpened((n) => n + 1)} />
      <PerformanceList onOpen={setPerformanceId} isEmpty={station.isEmpty} onDemoLoaded={() => undefined} autoFocusFirst refocus={shiftOpened} />
      <StatusStrip expiresAt={null} onExtend={() => undefined} onExpired={() => undefined} />
    </div>
  );
}
