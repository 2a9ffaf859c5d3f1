import type { PrintOutcome } from './types.ts';

interface Props {
  outcome: PrintOutcome;
  retrying: boolean;
  onRetry(): void;
}

/** What happened to the printing; a problem never undoes the sale, it offers a retry. */
export function PrintState({ outcome, retrying, onRetry }: Props) {
  if (outcome.printed === 'queued') {
    // A sentence with "queued": a sale that had already gone through, whose tickets went to print then.
    return (
      <p className="print-ok" data-testid="print-state" data-printed="queued">
        {outcome.problem ?? 'Printing… (see the printer in the status bar)'}
      </p>
    );
  }
  return (
    <div className="print-problem" role="alert" data-testid="print-state" data-printed={outcome.printed}>
      <p>{outcome.problem ?? 'The tickets did not print.'} The sale is recorded.</p>
      <button type="button" onClick={onRetry} disabled={retrying} data-testid="retry-print">
        Retry printing <kbd>P</kbd>
      </button>
    </div>
  );
}
