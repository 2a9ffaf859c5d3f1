import { lazy, Suspense } from 'react';
import type { ScreenProps } from '../../shell/screen-def.ts';

// The charts library is loaded when a manager first opens Reports, not by every counter window at start-up.
const ReportsScreen = lazy(async () => ({ default: (await import('./ReportsScreen.tsx')).ReportsScreen }));

/** Manage → Reports, as the tab registers it (src-renderer/manager/index.ts). */
export function ReportsTab(props: ScreenProps) {
  return (
    <Suspense fallback={<p role="status">Opening Reports…</p>}>
      <ReportsScreen {...props} />
    </Suspense>
  );
}
