import type { PrinterStatus, PrintJobSetState } from '../../../src-shared/contract/printing.ts';
import { canPrint } from '../status/realtime-status.ts';
import type { JobSummary } from './job-store.ts';

/** The printer's trouble as the sale panel says it, before the count of jobs waiting. */
function troubleWords(status: PrinterStatus): string {
  switch (status.state) {
    case 'unreachable':
    case 'offline':
      return 'The printer is not answering';
    case 'paper_out':
      return 'The printer is out of paper';
    case 'cover_open':
      return "The printer's cover is open";
    default:
      return `The printer has a problem (${status.words})`;
  }
}

const jobsWord = (n: number) => (n === 1 ? '1 job' : `${n} jobs`);

/**
 * How one counter action's documents are doing, in the words the sale panel shows: printed, on
 * the way, stuck on a printer that cannot print now ("The printer is not answering: 7 jobs
 * waiting"), or stopped for good. `printerOf` gives a printer's status and everything waiting on it.
 */
export function jobSetState(
  jobSetId: string,
  jobs: JobSummary[],
  printerOf: (printerId: string) => { status: PrinterStatus; waitingJobs: number },
): PrintJobSetState {
  const printed = jobs.filter((j) => j.state === 'done').length;
  const open = jobs.filter((j) => j.state !== 'done' && j.state !== 'cancelled');
  const base = { jobSetId, jobs: jobs.length, printed };
  const first = open[0];
  if (!first) {
    const cancelled = jobs.length - printed;
    return { ...base, state: 'printed', words: cancelled > 0 ? `Printed (${jobsWord(cancelled)} cancelled)` : 'Printed', printer: null };
  }
  const { status, waitingJobs } = printerOf(first.printerId);
  const printer = { id: first.printerId, name: first.printerName, status, waitingJobs };
  const stopped = open.filter((j) => j.state === 'failed' || j.state === 'uncertain');
  if (stopped.length > 0) {
    return { ...base, state: 'failed', words: `${jobsWord(stopped.length)} did not print: ${stopped[0]!.lastError ?? 'it may have printed when the app stopped'}`, printer };
  }
  // A printer that cannot print now, or jobs already waiting after a failed try: say why, and how many wait.
  const waitingAfterTrouble = open.some((j) => j.state === 'queued' && j.lastError !== null);
  if (!canPrint(status.state) || (waitingAfterTrouble && status.state === 'unknown')) {
    const trouble = canPrint(status.state) ? 'The printer is not answering' : troubleWords(status);
    return { ...base, state: 'stuck', words: `${trouble}: ${jobsWord(waitingJobs)} waiting`, printer };
  }
  return { ...base, state: 'printing', words: `Printing… (${printed} of ${jobs.length} printed)`, printer };
}
