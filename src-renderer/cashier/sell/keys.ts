/** True while the cashier types into a field: single-letter shortcuts must not fire then. */
export function isTyping(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** A plain key (no Alt/Ctrl/Meta) pressed outside any field. */
export function isPlainKey(e: KeyboardEvent): boolean {
  return !e.altKey && !e.ctrlKey && !e.metaKey && !isTyping(e);
}
