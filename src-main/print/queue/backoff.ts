export interface Backoff {
  /** Wait after the first failed attempt. */
  baseMs: number;
  /** Never wait longer than this between attempts, however long the printer has been away. */
  maxMs: number;
}

export const defaultBackoff: Backoff = { baseMs: 1000, maxMs: 30_000 };

/** Doubles per attempt: 1 s, 2 s, 4 s ... up to 30 s, so a printer back online is noticed soon. */
export function backoffDelay(backoff: Backoff, attempts: number): number {
  const exponent = Math.max(0, Math.min(attempts - 1, 20));
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** exponent);
}
