import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { errorText } from '../../kit/error-text.ts';
import { bridge, call } from '../../transport/api.ts';
import type { PrintOutcome } from './types.ts';

interface Props {
  outcome: PrintOutcome;
  retrying: boolean;
  onRetry(): void;
}

type JobSet = OutputOf<'getPrintJobSet'>;
type Printers = OutputOf<'listPrinters'>;

/**
 * Follows a sale's documents on the queue: the state as the core words it, refreshed on every
 * job and printer event, so a printer that stops answering mid-sale shows here ("The printer is
 * not answering: 7 jobs waiting") instead of a green "Printing…".
 */
function useJobSet(jobSetId: string | null): [JobSet | null, (next: JobSet) => void] {
  const [set, setSet] = useState<JobSet | null>(null);
  useEffect(() => {
    if (jobSetId === null) return;
    let live = true;
    const load = () => void call('getPrintJobSet', { jobSetId }).then((s) => live && setSet(s), () => undefined);
    load();
    const offs = [bridge.on('printJobChanged', load), bridge.on('printerStatusChanged', load)];
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, [jobSetId]);
  return [set, setSet];
}

/** Retry now, or move the sale's documents to another printer that takes them. */
function StuckActions({ set, onChange }: { set: JobSet; onChange(next: JobSet): void }) {
  const [others, setOthers] = useState<Printers>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const stuckOn = set.printer?.id;
  useEffect(() => {
    call('listPrinters', {}).then((list) => setOthers(list.filter((p) => p.id !== stuckOn)), () => setOthers([]));
  }, [stuckOn]);
  const act = (work: () => Promise<JobSet>) => {
    setBusy(true);
    setProblem(null);
    work()
      .then(onChange, (error: unknown) => setProblem(errorText(error)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="print-actions">
      <button type="button" disabled={busy} onClick={() => act(() => call('retryPrintJobSet', { jobSetId: set.jobSetId }))} data-testid="retry-job-set">
        Retry
      </button>
      {others.map((p) => (
        <button
          key={p.id}
          type="button"
          disabled={busy}
          onClick={() => act(() => call('movePrintJobSet', { jobSetId: set.jobSetId, printerId: p.id }))}
          data-testid="move-job-set"
        >
          Move to {p.name}
        </button>
      ))}
      {problem && <p className="error">{problem}</p>}
    </div>
  );
}

/** What happened to the printing; a problem never undoes the sale, it offers a retry. */
export function PrintState({ outcome, retrying, onRetry }: Props) {
  const [set, setSet] = useJobSet(outcome.printed === 'queued' ? outcome.jobSetId : null);
  if (outcome.printed === 'queued') {
    // A sentence with "queued" and no job set: a sale that had already gone through, whose tickets went to print then.
    if (!set) {
      return (
        <p className="print-ok" data-testid="print-state" data-printed="queued">
          {outcome.problem ?? 'Printing… (see the printer in the status bar)'}
        </p>
      );
    }
    const trouble = set.state === 'stuck' || set.state === 'failed';
    return (
      <div className={trouble ? 'print-problem' : 'print-ok'} role={trouble ? 'alert' : undefined} data-testid="print-state" data-printed="queued" data-set-state={set.state}>
        <p data-testid="print-words">{set.words}</p>
        {outcome.problem && <p>{outcome.problem}</p>}
        {trouble && <StuckActions set={set} onChange={setSet} />}
      </div>
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

/**
 * Layout problems printing works around, for managers (a file broken by hand printing its last
 * good version, a layout that fell back to the built-in one): on the status strip and the Layouts
 * screen. Other staff are not asked (the core refuses them), so they see nothing.
 */
export function PrintWarnings() {
  const [warnings, setWarnings] = useState<OutputOf<'listPrintWarnings'>>([]);
  useEffect(() => {
    let live = true;
    // A cashier is refused once, and not asked again on every printed job.
    let allowed = true;
    const load = () => {
      if (!allowed) return;
      call('listPrintWarnings', {}).then(
        (w) => live && setWarnings(w),
        () => {
          allowed = false;
          if (live) setWarnings([]);
        },
      );
    };
    load();
    // A broken file shows once a job printed with it (printing re-reads layout files).
    const offs = [bridge.on('printWarningsChanged', load), bridge.on('printJobChanged', (job) => job.state === 'done' && load())];
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, []);
  return (
    <>
      {warnings.map((w) => (
        <span key={w.layoutId} className="strip-item warn" role="status" data-testid="print-warning">
          {w.words}
        </span>
      ))}
    </>
  );
}
