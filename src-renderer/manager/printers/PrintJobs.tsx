import { useEffect, useState } from 'react';
import type { PrintJobView, PrinterView } from '../../../src-shared/contract/printing.ts';
import { formatTime } from '../../format.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';

interface Props {
  printer: PrinterView;
  printers: PrinterView[];
  /** Changes whenever a job or status event arrives, so the list follows the queue. */
  tick: number;
  onChanged(): void;
}

const OPEN = new Set(['queued', 'sending', 'failed', 'uncertain']);

/** One printer's jobs, waiting ones first, with retry, cancel and move to another printer. */
export function PrintJobs({ printer, printers, tick, onChanged }: Props) {
  const [jobs, setJobs] = useState<PrintJobView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [moveTo, setMoveTo] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    call('listPrintJobs', { printerId: printer.id, includeFinished: true, limit: 30 })
      .then((list) => live && setJobs(list))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [printer.id, tick]);

  async function act(run: () => Promise<unknown>) {
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(errorText(e));
    }
    onChanged();
  }

  const others = printers.filter((p) => p.id !== printer.id);
  return (
    <aside className="print-jobs" aria-label={`Jobs on ${printer.name}`}>
      <h2>Jobs on {printer.name}</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {jobs.length === 0 && <p className="muted">Nothing printed here yet.</p>}
      <ul>
        {jobs.map((job) => (
          <li key={job.id} className={`job state-${job.state}`} data-testid="job-row" data-job-state={job.state}>
            <div>
              <strong>{job.label}</strong> <span className="muted">{formatTime(job.createdAt)}</span>
              <div data-testid="job-words">{job.words}</div>
              {job.lastError && <div className="muted">{job.lastError}</div>}
            </div>
            {OPEN.has(job.state) && (
              <div className="actions">
                <button type="button" data-testid="job-retry" onClick={() => void act(() => call('retryPrintJob', { jobId: job.id }))}>
                  Retry
                </button>
                <button type="button" data-testid="job-cancel" onClick={() => void act(() => call('cancelPrintJob', { jobId: job.id }))}>
                  Cancel
                </button>
                {others.length > 0 && (
                  <>
                    <select
                      aria-label="Move to printer"
                      value={moveTo[job.id] ?? others[0]!.id}
                      onChange={(e) => setMoveTo((m) => ({ ...m, [job.id]: e.target.value }))}
                    >
                      {others.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      data-testid="job-move"
                      onClick={() => void act(() => call('movePrintJob', { jobId: job.id, printerId: moveTo[job.id] ?? others[0]!.id }))}
                    >
                      Move
                    </button>
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
