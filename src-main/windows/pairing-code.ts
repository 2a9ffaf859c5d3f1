import { randomInt } from 'node:crypto';

/** Six digits: short enough to read across a counter, and only a signed-in manager can approve one. */
const PAIRING_CODE_DIGITS = 6;

/** A code that none of the waiting windows shows yet (the caller passes those it must avoid). */
export function newPairingCode(taken: ReadonlySet<string>): string {
  for (;;) {
    const code = String(randomInt(0, 10 ** PAIRING_CODE_DIGITS)).padStart(PAIRING_CODE_DIGITS, '0');
    if (!taken.has(code)) return code;
  }
}
