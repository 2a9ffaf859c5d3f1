import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import type { PerformanceSummary } from '../../../src-shared/contract/performances.ts';
import { dayHeading, formatTime } from '../../format.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { call } from '../../transport/api.ts';
import { useAsync, type AsyncState } from '../../use-async.ts';
import { errorText, useKeys, walkResults } from '../orders/after-sale-kit.ts';
import '../orders/after-sale.css';

type Answer = OutputOf<'checkInTicket'>;
type DoorCount = OutputOf<'doorCount'>;
interface Scan {
  id: number;
  code: string;
  at: number;
  answer: Answer;
  /** The admission was undone from this screen since. */
  undone?: boolean;
}

const HEADLINE: Record<Answer['status'], string> = {
  admitted: 'Valid: admit',
  already_used: 'Already checked in',
  wrong_performance: 'Wrong performance',
  refunded: 'Not valid',
  unknown: 'Unknown ticket',
};

/** The door: choose the performance being admitted, then scan. */
export function CheckInScreen(_props: ScreenProps) {
  const [performance, setPerformance] = useState<PerformanceSummary | null>(null);
  const list = useAsync(() => call('listPerformances', { days: 7 }), []);
  return performance ? (
    <ScanDoor performance={performance} others={list.data ?? []} onChange={() => setPerformance(null)} />
  ) : (
    <ChoosePerformance list={list} onChoose={setPerformance} />
  );
}

function ChoosePerformance({ list, onChoose }: { list: AsyncState<PerformanceSummary[]>; onChoose(p: PerformanceSummary): void }) {
  const now = Date.now();
  return (
    <section className="after-sale" aria-label="Choose the performance to admit" onKeyDown={walkResults}>
      <div className="toolbar">
        <h1>Check-in <small>Which performance is the door admitting?</small></h1>
      </div>
      {list.error && <p className="error" role="alert">{list.error}</p>}
      <ul className="result-list">
        {(list.data ?? []).map((p, i) => (
          <li key={p.id}>
            <button
              type="button"
              className="result-row"
              autoFocus={i === 0}
              onClick={() => onChoose(p)}
              data-testid="checkin-performance"
              data-performance-id={p.id}
            >
              <span className="ref">{formatTime(p.startsAt)}</span>
              <span className="what">
                {p.eventTitle}
                <small>
                  {dayHeading(p.startsAt, now)} · {p.venueName}
                </small>
              </span>
              <span className="count">{p.counts.booked} sold</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ScanDoor({ performance, others, onChange }: { performance: PerformanceSummary; others: PerformanceSummary[]; onChange(): void }) {
  const [code, setCode] = useState('');
  const [scans, setScans] = useState<Scan[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [count, setCount] = useState<DoorCount | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const counter = useRef(0);
  const latest = scans[0] ?? null;

  // Admitted against sold for the whole performance (every door and window), not only this screen's scans.
  useEffect(() => {
    let live = true;
    call('doorCount', { performanceId: performance.id })
      .then((c) => live && setCount(c))
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [performance.id]);

  // A wedge scanner types into whatever has focus: keep it on the scan field.
  useEffect(() => {
    const refocus = () => {
      const active = document.activeElement;
      if (!active || active === document.body) field.current?.focus();
    };
    const onFocusOut = () => requestAnimationFrame(refocus);
    document.addEventListener('focusout', onFocusOut);
    return () => document.removeEventListener('focusout', onFocusOut);
  }, []);

  async function scan(e: FormEvent) {
    e.preventDefault();
    const typed = code.trim();
    setCode('');
    field.current?.focus();
    if (!typed) return;
    try {
      const answer = await call('checkInTicket', { code: typed, performanceId: performance.id });
      counter.current += 1;
      setScans((s) => [{ id: counter.current, code: typed, at: Date.now(), answer }, ...s].slice(0, 12));
      setCount(answer.count);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }

  async function undoLast() {
    const last = scans.find((s) => s.answer.status === 'admitted' && s.answer.ticket && !s.undone);
    if (!last?.answer.ticket) return;
    try {
      await call('undoCheckIn', { ticketId: last.answer.ticket.id });
      // Shown as the latest answer, so the steward sees the undo took effect.
      setScans((s) => [{ ...last, undone: true, at: Date.now() }, ...s.filter((x) => x.id !== last.id)]);
      setCount(await call('doorCount', { performanceId: performance.id }));
    } catch (err) {
      setError(errorText(err));
    }
    field.current?.focus();
  }

  useKeys({ F2: onChange, F4: () => void undoLast() });

  return (
    <section className="after-sale checkin" aria-label="Check-in">
      <div className="toolbar">
        <h1>
          Check-in <small data-testid="checkin-performance-name">{performance.eventTitle} · {dayHeading(performance.startsAt, Date.now())} {formatTime(performance.startsAt)}</small>
        </h1>
        <span className="admitted-count" data-testid="checkin-admitted" data-admitted={count?.admitted} data-sold={count?.sold}>
          {count ? `${count.admitted} admitted of ${count.sold} sold` : '…'}
        </span>
        <button type="button" onClick={onChange} data-testid="checkin-change">
          Other performance <kbd>F2</kbd>
        </button>
      </div>
      <form onSubmit={scan} className="scan-form">
        <label htmlFor="scan-field">Scan a ticket, or type its code and press Enter</label>
        <input
          id="scan-field"
          ref={field}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          data-testid="scan-field"
        />
      </form>
      {error && <p className="error" role="alert" data-testid="checkin-error">{error}</p>}
      {latest?.undone ? (
        <div className="scan-result undone" role="status" aria-live="assertive" data-testid="scan-result" data-status="undone">
          <p className="headline">Check-in undone</p>
          <p className="message" data-testid="scan-message">This ticket can be scanned again.</p>
        </div>
      ) : latest ? (
        <div className={`scan-result status-${latest.answer.status}`} role="status" aria-live="assertive" data-testid="scan-result" data-status={latest.answer.status} data-scan={latest.id}>
          <p className="headline">{HEADLINE[latest.answer.status]}</p>
          {latest.answer.seat && (
            <p className="seat" data-testid="scan-seat">
              {latest.answer.seat}
            </p>
          )}
          <p className="message" data-testid="scan-message">{latest.answer.message}</p>
          {latest.answer.status === 'already_used' && latest.answer.ticket?.checkedInAt != null && (
            <p className="band" data-testid="scan-used-at">
              Checked in {dayHeading(latest.answer.ticket.checkedInAt, Date.now())} at {formatTime(latest.answer.ticket.checkedInAt)}
              {latest.answer.checkedInStation ? ` · ${latest.answer.checkedInStation}` : ''}
            </p>
          )}
          {latest.answer.status === 'wrong_performance' && latest.answer.ticket && (
            <OtherShow performance={others.find((p) => p.id === latest.answer.ticket?.performanceId)} startsAt={latest.answer.ticketStartsAt} />
          )}
          {latest.answer.ticket && latest.answer.status !== 'admitted' && <p className="band">{latest.answer.ticket.bandName}</p>}
        </div>
      ) : (
        <div className="scan-result waiting" role="status">
          <p className="headline">Ready to scan</p>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={() => void undoLast()} disabled={!scans.some((s) => s.answer.status === 'admitted' && !s.undone)} data-testid="checkin-undo">
          Undo last admit <kbd>F4</kbd>
        </button>
      </div>
      <ol className="recent-scans" aria-label="Recent scans">
        {scans.slice(1).map((s) => (
          <li key={s.id} className={s.undone ? 'undone' : `status-${s.answer.status}`}>
            <span>{formatTime(s.at)}</span> <strong>{s.undone ? 'Check-in undone' : HEADLINE[s.answer.status]}</strong>{' '}
            <span className="muted">{s.undone ? s.answer.ticket?.bandName : [s.answer.seat, s.answer.message].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Where the customer should be instead, in the door's own words (the core's message gives the date only). */
function OtherShow({ performance, startsAt }: { performance: PerformanceSummary | undefined; startsAt: number | null }) {
  const at = performance?.startsAt ?? startsAt;
  if (at === null) return null;
  return (
    <p className="band" data-testid="scan-other-show">
      Their show: {performance ? `${performance.eventTitle} · ` : ''}
      {dayHeading(at, Date.now())} {formatTime(at)}
    </p>
  );
}
