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

/**
 * The name a window gets when it asks for none: the first "Box office N" no station has yet, so
 * tickets, receipts, the audit log and the screen all show a name a cashier would say, and a
 * manager can rename it under Manage → Windows (the stations row is the one name everywhere).
 */
export function nextBoxOfficeName(taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  let n = 1;
  while (used.has(`box office ${n}`)) n++;
  return `Box office ${n}`;
}
