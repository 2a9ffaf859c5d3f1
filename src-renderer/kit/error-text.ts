import { MarqueeError } from '../../src-shared/errors.ts';

/**
 * The one way a screen turns a failure into the sentence it shows. A MarqueeError carries a sentence
 * written for the cashier (by the core, the transport or a screen's own check, see `refuse`); any
 * other error is a library's or the browser's own words ("Failed to fetch", "Cannot read properties
 * of undefined", zod's issues), which never reach a window: the screen says what it means instead,
 * and the original goes to the console for whoever looks into it.
 */
export function errorText(error: unknown): string {
  if (error instanceof MarqueeError) return error.message;
  console.error(error);
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return 'The box office did not answer: check the connection, then try again.';
  }
  return 'This screen ran into a problem it cannot put in words; try again, and tell a manager if it happens again.';
}

/** A screen's own check failed: stop here with a sentence that errorText shows as it is. */
export function refuse(sentence: string): never {
  throw new MarqueeError('BAD_INPUT', sentence);
}
