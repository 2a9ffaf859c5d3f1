import { useLayoutEffect, useRef } from 'react';

/**
 * One registry for a screen's keyboard shortcuts. Each screen (and each panel of the Sell screen)
 * lists its keys as a map from the key to what it does; a key whose action is null, undefined or
 * false is not taken right now and goes on to the browser. The keys of each screen are shown on
 * its buttons and listed in docs/cashier.md.
 */
export type Shortcuts = Record<string, (() => void) | null | undefined | false>;

/** True while the cashier types into a field: single-letter shortcuts must not fire then. */
export function isTyping(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** A plain key (no Alt/Ctrl/Meta) pressed outside any field. */
export function isPlainKey(e: KeyboardEvent): boolean {
  return !e.altKey && !e.ctrlKey && !e.metaKey && !isTyping(e);
}

/** The same action on each of the digits 1–9, called with the digit. */
export function digitKeys(action: ((digit: number) => void) | null | false): Shortcuts {
  const keys: Shortcuts = {};
  for (let d = 1; d <= 9; d++) keys[String(d)] = action ? () => action(d) : null;
  return keys;
}

/**
 * Listens for `keys` while the component is on screen. Letters match either case. `inFields` keys
 * (function keys such as F2) fire even while a field has the focus; the others only outside fields,
 * so a letter typed into a name is a letter. Alt/Ctrl/Meta combinations belong to the shell.
 */
export function useShortcuts(keys: Shortcuts, options: { inFields?: boolean } = {}): void {
  const latest = useRef({ keys, inFields: options.inFields ?? false });
  latest.current = { keys, inFields: options.inFields ?? false };
  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const { keys: now, inFields } = latest.current;
      if (!inFields && isTyping(e)) return;
      const action = now[e.key] ?? (e.key.length === 1 ? now[e.key.toLowerCase()] : undefined);
      if (!action) return;
      e.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
