import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { PerformanceSummary } from '../../src-shared/contract/performances.ts';
import { bridge, call } from '../transport/api.ts';
import { dayHeading, formatTime, venue } from '../format.ts';
import { DateField } from '../kit/date-fields.tsx';
import { useAsync } from '../use-async.ts';

interface Props {
  onOpen(performanceId: string): void;
  isEmpty: boolean;
  onDemoLoaded(): void;
  /** Shown beside the demo offer of an empty installation: the first admin's form, before anyone can sign in. */
  firstStart?: ReactNode;
  /** The sell screen puts the first (soonest) performance under the cursor: Enter opens it. */
  autoFocusFirst?: boolean;
  /** Changes when something above the list (the shift prompt) is done with the keyboard: the cursor comes back. */
  refocus?: number;
}

/** The venue's midnight of a yyyy-mm-dd date field (not the window computer's). */
function dayStart(value: string): number | undefined {
  return value ? venue().dayStart(value) : undefined;
}

function groupByDay(list: PerformanceSummary[], now: number): [string, PerformanceSummary[]][] {
  const groups = new Map<string, PerformanceSummary[]>();
  for (const p of list) {
    const key = dayHeading(p.startsAt, now);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()];
}

export function PerformanceList({ onOpen, isEmpty, onDemoLoaded, firstStart, autoFocusFirst, refocus = 0 }: Props) {
  const [search, setSearch] = useState('');
  const [date, setDate] = useState('');
  const from = dayStart(date);
  const list = useAsync(
    // An empty installation has no performances, and nobody is signed in to be allowed to list them.
    () =>
      isEmpty
        ? Promise.resolve([])
        : call('listPerformances', { days: from === undefined ? 14 : 1, search: search || undefined, ...(from === undefined ? {} : { from }) }),
    [search, from, isEmpty],
  );
  const listRef = useRef<HTMLElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const focusedOnce = useRef(false);

  const focusNextShow = () => {
    // The next show to start, not one already running since this morning.
    const rows = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid=performance-row]') ?? [])];
    const now = Date.now();
    (rows.find((r) => Number(r.dataset['startsAt']) >= now) ?? rows[0])?.focus();
  };
  useEffect(() => {
    if (!autoFocusFirst || focusedOnce.current || !list.data?.length) return;
    focusedOnce.current = true;
    focusNextShow();
  }, [autoFocusFirst, list.data]);
  useEffect(() => {
    if (autoFocusFirst && refocus > 0) focusNextShow();
  }, [refocus]);

  // "/" jumps to the search; arrow keys walk the rows.
  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      const typing = (e.target as HTMLElement | null)?.tagName === 'INPUT';
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !typing) {
        const rows = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid=performance-row]') ?? [])];
        if (rows.length === 0) return;
        const at = rows.indexOf(document.activeElement as HTMLButtonElement);
        const next = e.key === 'ArrowDown' ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1);
        rows[next]?.focus();
        e.preventDefault();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const [demoError, setDemoError] = useState<string | null>(null);

  useEffect(() => {
    const offUnits = bridge.on('unitsChanged', () => list.reload());
    const offPerformances = bridge.on('performancesChanged', () => list.reload());
    return () => {
      offUnits();
      offPerformances();
    };
  }, [list.reload]);

  async function loadDemo() {
    try {
      await call('loadDemo', {});
      onDemoLoaded();
      list.reload();
    } catch (e) {
      setDemoError(e instanceof Error ? e.message : String(e));
    }
  }

  const now = Date.now();
  return (
    <section className="performance-list" aria-label="Performances" ref={listRef}>
      <div className="toolbar">
        <h1>Performances</h1>
        <input
          type="search"
          placeholder="Search by title"
          aria-label="Search performances by title"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="performance-search"
          ref={searchRef}
        />
        <kbd title="Press / to search">/</kbd>
        <DateField aria-label="Performances on this date" value={date} onChange={setDate} data-testid="performance-date" />
        {date && (
          <button type="button" onClick={() => setDate('')} data-testid="performance-date-clear">
            All dates
          </button>
        )}
      </div>
      {isEmpty && (
        <div className="empty-offer" data-testid="demo-offer">
          <p>This box office has no performances yet.</p>
          <button type="button" className="primary" onClick={() => void loadDemo()} data-testid="load-demo">
            Load the demo theatre
          </button>
          {demoError && <p className="error" role="alert">{demoError}</p>}
          {firstStart}
        </div>
      )}
      {list.error && <p className="error" role="alert">{list.error}</p>}
      {list.data && list.data.length === 0 && !isEmpty && <p className="muted">{date ? 'No performances on that date.' : 'No performances in the next two weeks.'}</p>}
      {list.data &&
        groupByDay(list.data, now).map(([day, performances]) => (
          <div key={day} className="day-group">
            <h2>{day}</h2>
            <ul>
              {performances.map((p) => {
                const sold = p.counts.booked;
                const soldPct = p.counts.capacity ? Math.round((sold / p.counts.capacity) * 100) : 0;
                return (
                  <li key={p.id}>
                    <button type="button" className="performance-row" onClick={() => onOpen(p.id)} data-testid="performance-row" data-performance-id={p.id} data-starts-at={p.startsAt}>
                      <span className="time">{formatTime(p.startsAt)}</span>
                      <span className="title">
                        {p.eventTitle}
                        <small>{p.venueName}</small>
                      </span>
                      {p.state !== 'on_sale' && <span className={`badge ${p.state}`}>{p.state === 'cancelled' ? 'Cancelled' : 'Off sale'}</span>}
                      <span className="counts">
                        <span data-testid="count-capacity">{p.counts.capacity}</span> seats ·{' '}
                        <span data-testid="count-sold">{sold}</span> sold ·{' '}
                        <strong data-testid="count-available">{p.counts.available}</strong> available
                      </span>
                      <span className="fill" aria-hidden="true">
                        <span style={{ width: `${soldPct}%` }} />
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </section>
  );
}
