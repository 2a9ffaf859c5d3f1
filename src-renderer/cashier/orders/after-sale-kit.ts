import { useEffect, useLayoutEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { bridge } from '../../transport/api.ts';

/** The sentence to show for any failure: MarqueeError messages are written for the cashier already. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Function keys for a screen's frequent actions (shown beside each button). Alt+<key> belongs to
 * the shell's tabs, and F3/F5/F6/F7/F10/F11/F12 to the browser, so screens use F2, F4, F8 and F9.
 */
export function useKeys(keys: Record<string, (() => void) | null | undefined>): void {
  const latest = useRef(keys);
  latest.current = keys;
  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const action = latest.current[e.key];
      if (!action) return;
      e.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Reload when another window (or this one) records a sale, refund, exchange, reprint or check-in. */
export function useSalesChanged(onChange: (payload: { kind: string; performanceId: string | null; orderId: string | null }) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => bridge.on('salesChanged', (payload) => latest.current(payload)), []);
}

/**
 * Up and down arrows walk a screen's result rows (and Down leaves the search box for the first
 * row), so a cashier can find and open a result without the mouse.
 */
export function walkResults(e: ReactKeyboardEvent<HTMLElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const rows = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.result-row:not(:disabled)')];
  if (!rows.length) return;
  const active = e.currentTarget.ownerDocument.activeElement;
  const at = rows.findIndex((r) => r === active);
  if (at === -1 && !(active instanceof HTMLInputElement && active.type === 'search')) return;
  e.preventDefault();
  const next = at === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, at + (e.key === 'ArrowDown' ? 1 : -1)));
  rows[next]?.focus();
}
