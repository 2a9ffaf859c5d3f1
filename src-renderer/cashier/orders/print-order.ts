import type { PrintOutcome } from '../../../src-shared/contract/sales.ts';

/** The core's print outcome as one sentence for the cashier; a sale stands whatever it says. */
export function describePrint(outcome: PrintOutcome, what = 'The tickets'): string {
  if (outcome.printed === 'queued') return `${what} are printing.`;
  if (outcome.problem) return outcome.problem;
  return outcome.printed === 'no-printer' ? 'No printer is set up for tickets at this window.' : `${what} did not print.`;
}
