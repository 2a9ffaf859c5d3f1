import { useEffect, useState } from 'react';
import { isMarqueeError } from '../../src-shared/errors.ts';

/**
 * How long the core asked this window to wait before the next PIN (`details.retryAfterMs` of a
 * SLOW_DOWN, or of a wrong PIN that started a wait), or 0 when the refusal asked for no wait.
 */
export function retryAfterMs(error: unknown): number {
  if (!isMarqueeError(error)) return 0;
  const ms = error.details?.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : 0;
}

/** Milliseconds left until `until` (0 once it has passed, or with no wait), updated as it runs down. */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => {
      const at = Date.now();
      setNow(at);
      if (at >= until) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, until - now);
}

/** "4 seconds", "1:05": how a wait reads on the sign-in screen. */
export function spellWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1_000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
