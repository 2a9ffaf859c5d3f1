/** Longest window name kept; names are shown in lists and on receipts, not essays. */
const WINDOW_NAME_MAX = 60;

/**
 * A name a window asked for, made safe to store and show: control characters dropped, spaces
 * squeezed, cut to length. Empty when nothing usable is left (the caller then picks one).
 */
export function cleanWindowName(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, WINDOW_NAME_MAX);
}
