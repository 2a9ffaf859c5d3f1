import { useEffect, useState } from 'react';
import type { PerformanceSummary } from '../../src-shared/contract/performances.ts';
import { bridge, call } from '../transport/api.ts';
import { dayHeading, formatTime } from '../format.ts';
import { useAsync } from '../use-async.ts';

interface Props {
  onOpen(performanceId: string): void;
  isEmpty: boolean;
  onDemoLoaded(): void;
}

function groupByDay(list: PerformanceSummary[], now: number): [string, PerformanceSummary[]][] {
  const groups = new Map<string, PerformanceSummary[]>();
  for (const p of list) {
    const key = dayHeading(p.startsAt, now);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()];
}

export function PerformanceList({ onOpen, isEmpty, onDemoLoaded }: Props) {
  const [search, setSearch] = useState('');
  const list = useAsync(() => call('listPerformances', { days: 14, search: search || undefined }), [search]);
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
    <section className="performance-list" aria-label="Performances">
      <div className="toolbar">
        <h1>Performances</h1>
        <input
          type="search"
          placeholder="Search by title"
          aria-label="Search performances by title"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="performance-search"
        />
      </div>
      {isEmpty && (
        <div className="empty-offer" data-testid="demo-offer">
          <p>This box office has no performances yet.</p>
          <button type="button" className="primary" onClick={() => void loadDemo()} data-testid="load-demo">
            Load the demo theatre
          </button>
          {demoError && <p className="error" role="alert">{demoError}</p>}
        </div>
      )}
      {list.error && <p className="error" role="alert">{list.error}</p>}
      {list.data && list.data.length === 0 && !isEmpty && <p className="muted">No performances in the next two weeks.</p>}
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
                    <button type="button" className="performance-row" onClick={() => onOpen(p.id)} data-testid="performance-row" data-performance-id={p.id}>
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
