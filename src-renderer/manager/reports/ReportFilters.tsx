import type { ReportOptions, ReportQuery } from '../../../src-shared/contract/reports.ts';
import { venue } from '../../format.ts';
import { DateField } from '../../kit/date-fields.tsx';
import { PRESETS, presetOf, presetRange } from './date-presets.ts';

/** What the filters hold: the query's fields, dates '' while a field is not yet a day. */
export type ReportFilterState = Omit<ReportQuery, 'eventId' | 'performanceId' | 'venueId' | 'stationId' | 'cashierId'> & {
  eventId: string;
  performanceId: string;
  venueId: string;
  stationId: string;
  cashierId: string;
};

interface Props {
  value: ReportFilterState;
  options: ReportOptions | null;
  onChange(next: ReportFilterState): void;
}

type Choice = 'eventId' | 'performanceId' | 'venueId' | 'stationId' | 'cashierId';

/** The report's range (venue-local days, with quick ranges), date basis, granularity and filters. */
export function ReportFilters({ value, options, onChange }: Props) {
  const f = venue();
  const today = f.dateOf(Date.now());
  const pressed = presetOf(value, today);
  const set = (patch: Partial<ReportFilterState>) => onChange({ ...value, ...patch });
  // Only the performances the other filters leave, so a choice cannot contradict them.
  const performances = (options?.performances ?? []).filter((p) => (!value.eventId || p.eventId === value.eventId) && (!value.venueId || p.venueId === value.venueId));

  const select = (key: Choice, label: string, every: string, items: { id: string; name: string }[]) => (
    <label>
      {label}
      <select value={value[key]} onChange={(e) => set({ [key]: e.target.value, ...(key === 'eventId' || key === 'venueId' ? { performanceId: '' } : {}) })} data-testid={`report-${key}`}>
        <option value="">{every}</option>
        {items.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="admin-card report-filters" role="group" aria-label="Report filters">
      <div className="admin-actions" role="group" aria-label="Quick ranges">
        {PRESETS.map((p) => (
          <button key={p.id} type="button" aria-pressed={pressed === p.id} onClick={() => set(presetRange(p.id, today))} data-testid={`report-preset-${p.id}`}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="admin-form">
        <label>
          From
          <DateField value={value.from} onChange={(from) => set({ from })} data-testid="report-from" />
        </label>
        <label>
          To
          <DateField value={value.to} onChange={(to) => set({ to })} data-testid="report-to" />
        </label>
        <fieldset className="report-choice">
          <legend>Count money</legend>
          <label>
            <input type="radio" name="report-basis" checked={value.basis === 'payment'} onChange={() => set({ basis: 'payment' })} data-testid="report-basis-payment" />
            by payment date
          </label>
          <label>
            <input type="radio" name="report-basis" checked={value.basis === 'performance'} onChange={() => set({ basis: 'performance' })} data-testid="report-basis-performance" />
            by performance date
          </label>
        </fieldset>
        <fieldset className="report-choice">
          <legend>Sales over time</legend>
          <label>
            <input type="radio" name="report-granularity" checked={value.granularity === 'day'} onChange={() => set({ granularity: 'day' })} data-testid="report-by-day" />
            by day
          </label>
          <label>
            <input type="radio" name="report-granularity" checked={value.granularity === 'week'} onChange={() => set({ granularity: 'week' })} data-testid="report-by-week" />
            by week
          </label>
        </fieldset>
        {select('eventId', 'Event', 'Every event', options?.events ?? [])}
        {select('performanceId', 'Performance', 'Every performance', performances.map((p) => ({ id: p.id, name: `${p.eventName}, ${f.dateTime(p.startsAt)}` })))}
        {select('venueId', 'Venue', 'Every venue', options?.venues ?? [])}
        {select('stationId', 'Window', 'Every window', options?.windows ?? [])}
        {select('cashierId', 'Cashier', 'Every cashier', options?.cashiers ?? [])}
      </div>
    </div>
  );
}
