import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useShortcuts } from '../../kit/shortcuts.ts';
import { bridge } from '../../transport/api.ts';

// The one error-to-sentence rule and the one shortcut registry live in src-renderer/kit/.
export { errorText } from '../../kit/error-text.ts';

/**
 * Function keys for a screen's frequent actions (shown beside each button). Alt+<key> belongs to
 * the shell's tabs, and F3/F5/F6/F7/F10/F11/F12 to the browser, so screens use F2, F4, F8 and F9.
 */
export function useKeys(keys: Record<string, (() => void) | null | undefined>): void {
  useShortcuts(keys, { inFields: true });
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
