import { useEffect, useState } from 'react';
import {
  ATTENDEE_COLUMNS,
  ORDER_COLUMNS,
  type ExportJob,
  type ExportKind,
  type ExportRequestInput,
  type SavedExport,
} from '../../../src-shared/contract/exports.ts';
import type { ReportOptions } from '../../../src-shared/contract/reports.ts';
import { formatDateTime, venue } from '../../format.ts';
import { DateField } from '../../kit/date-fields.tsx';
import { errorText } from '../../kit/error-text.ts';
import { bridge, call } from '../../transport/api.ts';
import './ExportsPanel.css';

const KIND_WORDS: Record<ExportKind, string> = {
  'orders-csv': 'Orders (CSV)',
  'attendees-csv': 'Attendees, one row per ticket (CSV)',
  'workbook-xlsx': 'Workbook: orders, tickets, payments (XLSX)',
  'door-list': 'Door list for one performance',
  'programme-pentabarf': 'Programme for scheduling apps (Pentabarf XML)',
};

const COLUMN_WORDS: Record<string, string> = {
  orderNumber: 'Order number', orderDate: 'Order date', status: 'Status', paymentType: 'Payment type', total: 'Total',
  quantity: 'Quantity', discountCode: 'Discount code', firstName: 'First name', lastName: 'Last name', email: 'E-mail',
  performance: 'Performance', window: 'Window', cashier: 'Cashier', ticket: 'Ticket', price: 'Price', type: 'Type',
  seat: 'Seat', checkedIn: 'Checked in', checkedInAt: 'Checked in at',
};

const STATE_WORDS: Record<ExportJob['state'], string> = { waiting: 'Waiting', running: 'Running', done: 'Ready', failed: 'Failed', cancelled: 'Cancelled' };

export interface ExportsPanelProps {
  /** The Reports screen's range and filters, as a starting point (YYYY-MM-DD, ids or ''). */
  from?: string;
  to?: string;
  basis?: 'payment' | 'performance';
  eventId?: string;
  performanceId?: string;
  /** The screen's filter choices (getReportOptions), if it loaded them already. */
  options?: ReportOptions | null;
}

interface Form {
  kind: ExportKind;
  from: string;
  to: string;
  basis: 'payment' | 'performance';
  eventId: string;
  performanceId: string;
  columns: string[];
  doorOrder: 'name' | 'seat';
  doorFormat: 'html' | 'csv';
}

const columnsOf = (kind: ExportKind): readonly string[] => (kind === 'orders-csv' ? ORDER_COLUMNS : kind === 'attendees-csv' ? ATTENDEE_COLUMNS : []);

function requestOf(form: Form): ExportRequestInput {
  const all = columnsOf(form.kind);
  return {
    kind: form.kind,
    filters: { from: form.from, to: form.to, basis: form.basis, eventId: form.eventId || null, performanceId: form.performanceId || null },
    // Every column in its usual order is "all of them": saved as such, it keeps later columns too.
    columns: all.length > 0 && form.columns.length !== all.length ? all.filter((c) => form.columns.includes(c)) : null,
    doorList: form.kind === 'door-list' ? { order: form.doorOrder, format: form.doorFormat } : null,
  };
}

function formOf(request: SavedExport['request']): Form {
  return {
    kind: request.kind,
    from: request.filters.from,
    to: request.filters.to,
    basis: request.filters.basis,
    eventId: request.filters.eventId ?? '',
    performanceId: request.filters.performanceId ?? '',
    columns: request.columns ?? [...columnsOf(request.kind)],
    doorOrder: request.doorList?.order ?? 'name',
    doorFormat: request.doorList?.format ?? 'html',
  };
}

/** Starts the browser's download of a finished export through a one-use link from the host. */
async function download(job: ExportJob): Promise<void> {
  const link = await call('exportDownloadLink', { jobId: job.id });
  const a = document.createElement('a');
  a.href = link.path;
  a.download = link.fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * The exports of the Reports screen: pick a kind and its filters, start it, watch it in the queue
 * (it goes on while the manager is elsewhere), download it, and save the settings to run again.
 */
const STATE_ORDER: Record<ExportJob['state'], number> = { waiting: 0, running: 1, done: 2, failed: 2, cancelled: 2 };

/** A job only moves forward (waiting → running → finished), so the copy further along is the newer one. */
function furtherAlong(job: ExportJob, other: ExportJob | undefined): ExportJob {
  if (!other) return job;
  const a = STATE_ORDER[job.state];
  const b = STATE_ORDER[other.state];
  if (a !== b) return a > b ? job : other;
  return other.progress > job.progress ? other : job;
}

export function ExportsPanel(props: ExportsPanelProps) {
  const today = venue().dateOf(Date.now());
  const [form, setForm] = useState<Form>(() => ({
    kind: 'orders-csv',
    from: props.from ?? today,
    to: props.to ?? today,
    basis: props.basis ?? 'payment',
    eventId: props.eventId ?? '',
    performanceId: props.performanceId ?? '',
    columns: [...ORDER_COLUMNS],
    doorOrder: 'name',
    doorFormat: 'html',
  }));
  const [jobs, setJobs] = useState<ExportJob[]>([]);
  const [saved, setSaved] = useState<SavedExport[]>([]);
  const [options, setOptions] = useState<ReportOptions | null>(props.options ?? null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  // A list answer can arrive after a newer event for the same job: keep whichever copy is further along.
  const loadJobs = () =>
    call('listExportJobs', {}).then(
      (listed) => setJobs((shown) => listed.map((job) => furtherAlong(job, shown.find((j) => j.id === job.id)))),
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  const loadSaved = () => call('listExportSettings', {}).then(setSaved, () => undefined);
  useEffect(() => {
    void loadJobs();
    void loadSaved();
    if (!props.options) call('getReportOptions', {}).then(setOptions, () => undefined);
    // Progress arrives as events: replace the job in place, or add a new one at the top.
    return bridge.on('exportJobChanged', (job) =>
      setJobs((list) => (list.some((j) => j.id === job.id) ? list.map((j) => (j.id === job.id ? furtherAlong(job, j) : j)) : [job, ...list])),
    );
  }, []);
  useEffect(() => {
    if (props.options) setOptions(props.options);
  }, [props.options]);

  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const act = (action: () => Promise<unknown>, done?: string) => {
    setMessage(null);
    action().then(
      () => done && setMessage({ ok: true, text: done }),
      (e: unknown) => setMessage({ ok: false, text: errorText(e) }),
    );
  };
  const start = () => act(() => call('startExport', requestOf(form)).then(() => loadJobs()), 'The export is queued; it goes on if you leave this screen.');
  const save = () => act(() => call('saveExportSetting', { name, request: requestOf(form) }).then(() => loadSaved()), `Saved as "${name.trim()}".`);
  const performances = (options?.performances ?? []).filter((p) => !form.eventId || p.eventId === form.eventId);
  const columns = columnsOf(form.kind);

  return (
    <section className="exports-panel report-no-print" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Exports</h2>
      <form
        className="exports-form"
        onSubmit={(e) => {
          e.preventDefault();
          start();
        }}
      >
        <label>
          What
          <select value={form.kind} onChange={(e) => set({ kind: e.target.value as ExportKind, columns: [...columnsOf(e.target.value as ExportKind)] })}>
            {Object.entries(KIND_WORDS).map(([kind, words]) => (
              <option key={kind} value={kind}>{words}</option>
            ))}
          </select>
        </label>
        <label>
          From
          <DateField value={form.from} onChange={(from) => set({ from })} required />
        </label>
        <label>
          To
          <DateField value={form.to} onChange={(to) => set({ to })} required />
        </label>
        <fieldset className="exports-choice">
          <legend>Dates are</legend>
          <label><input type="radio" name="export-basis" checked={form.basis === 'payment'} onChange={() => set({ basis: 'payment' })} /> payment dates</label>
          <label><input type="radio" name="export-basis" checked={form.basis === 'performance'} onChange={() => set({ basis: 'performance' })} /> performance dates</label>
        </fieldset>
        <label>
          Event
          <select value={form.eventId} onChange={(e) => set({ eventId: e.target.value, performanceId: '' })}>
            <option value="">Every event</option>
            {(options?.events ?? []).map((ev) => <option key={ev.id} value={ev.id}>{ev.name}</option>)}
          </select>
        </label>
        <label>
          Performance
          <select value={form.performanceId} onChange={(e) => set({ performanceId: e.target.value })} required={form.kind === 'door-list'}>
            <option value="">{form.kind === 'door-list' ? 'Choose one' : 'Every performance'}</option>
            {performances.map((p) => <option key={p.id} value={p.id}>{p.eventName}, {formatDateTime(p.startsAt)}</option>)}
          </select>
        </label>
        {form.kind === 'door-list' && (
          <fieldset className="exports-choice">
            <legend>Door list</legend>
            <label><input type="radio" name="door-order" checked={form.doorOrder === 'name'} onChange={() => set({ doorOrder: 'name' })} /> by name</label>
            <label><input type="radio" name="door-order" checked={form.doorOrder === 'seat'} onChange={() => set({ doorOrder: 'seat' })} /> by seat</label>
            <label><input type="radio" name="door-format" checked={form.doorFormat === 'html'} onChange={() => set({ doorFormat: 'html' })} /> page to print</label>
            <label><input type="radio" name="door-format" checked={form.doorFormat === 'csv'} onChange={() => set({ doorFormat: 'csv' })} /> CSV</label>
          </fieldset>
        )}
        {columns.length > 0 && (
          <fieldset className="exports-choice exports-columns">
            <legend>Columns</legend>
            {columns.map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={form.columns.includes(c)}
                  onChange={(e) => set({ columns: e.target.checked ? [...form.columns, c] : form.columns.filter((x) => x !== c) })}
                />{' '}
                {COLUMN_WORDS[c] ?? c}
              </label>
            ))}
          </fieldset>
        )}
        <div className="exports-actions">
          <button type="submit">Start export</button>
          <input aria-label="Name to save these settings under" placeholder="Name, e.g. Monthly accounts" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} />
          <button type="button" onClick={save} disabled={name.trim() === ''}>Save settings</button>
        </div>
      </form>
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'exports-ok' : 'exports-problem'}>{message.text}</p>}

      {saved.length > 0 && (
        <div className="exports-saved">
          <h3>Saved exports</h3>
          <ul>
            {saved.map((s) => (
              <li key={s.id}>
                <span>{s.name}</span> <span className="exports-muted">{KIND_WORDS[s.request.kind]}</span>
                <button type="button" onClick={() => act(() => call('rerunExportSetting', { settingId: s.id }).then(() => loadJobs()), `"${s.name}" is queued.`)}>Run</button>
                <button type="button" onClick={() => setForm(formOf(s.request))}>Edit</button>
                <button type="button" onClick={() => act(() => call('deleteExportSetting', { settingId: s.id }).then(() => loadSaved()))}>Delete</button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <h3>Queue</h3>
      {jobs.length === 0 ? (
        <p className="exports-muted">No exports yet.</p>
      ) : (
        <table className="exports-jobs">
          <thead>
            <tr><th scope="col">Export</th><th scope="col">Asked</th><th scope="col">State</th><th scope="col"><span className="report-visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.id}>
                <td>{KIND_WORDS[job.request.kind]}<br /><span className="exports-muted">{job.request.filters.from} to {job.request.filters.to}</span></td>
                <td>{formatDateTime(job.requestedAt)}<br /><span className="exports-muted">{job.requestedBy}</span></td>
                <td>
                  {STATE_WORDS[job.state]}
                  {job.state === 'running' && (
                    <progress max={1} value={job.progress} aria-label={`Export ${Math.round(job.progress * 100)} % done`}>{Math.round(job.progress * 100)} %</progress>
                  )}
                  {job.state === 'done' && job.rows !== null && <span className="exports-muted"> {job.rows} rows</span>}
                  {job.failure && <span className="exports-problem"> {job.failure}</span>}
                </td>
                <td>
                  {job.state === 'done' && job.downloadPath && <button type="button" onClick={() => act(() => download(job))}>Download</button>}
                  {job.state === 'done' && !job.downloadPath && <span className="exports-muted">In the exports folder of this computer's data</span>}
                  {(job.state === 'waiting' || job.state === 'running') && <button type="button" onClick={() => act(() => call('cancelExport', { jobId: job.id }))}>Cancel</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
