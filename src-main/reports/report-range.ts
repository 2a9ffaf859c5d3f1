import { MarqueeError } from '../../src-shared/errors.ts';
import type { ReportGranularity } from '../../src-shared/contract/reports.ts';
import { zonedInstant } from '../../src-shared/zoned-time.ts';
import { addDays, mondayOf, nextDate } from './venue-day.ts';

/** The longest range one report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

export interface ReportRange {
  from: string;
  to: string;
  /** The instants the range's first day starts and the day after its last starts, on the venue's clock. */
  startsAt: number;
  endsBefore: number;
}

/** A range the report can answer, or a sentence saying why not. */
export function reportRange(from: string, to: string, timeZone: string): ReportRange {
  if (to < from) throw new MarqueeError('BAD_INPUT', 'The range ends before it starts.', { field: 'to' });
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > MAX_REPORT_DAYS) {
    throw new MarqueeError('BAD_INPUT', `The range covers ${days} days; a report covers at most ${MAX_REPORT_DAYS}.`, { field: 'to' });
  }
  return { from, to, startsAt: zonedInstant(from, '00:00', timeZone), endsBefore: zonedInstant(nextDate(to), '00:00', timeZone) };
}

/** The period a venue-local date falls in: the date itself, or the Monday of its week. */
export function periodOf(date: string, granularity: ReportGranularity): string {
  return granularity === 'day' ? date : mondayOf(date);
}

/** Every period of the range in order, so a day or week without sales still shows, as nought. */
export function periodsOf(range: Pick<ReportRange, 'from' | 'to'>, granularity: ReportGranularity): string[] {
  const out: string[] = [];
  const step = granularity === 'day' ? 1 : 7;
  for (let d = periodOf(range.from, granularity); d <= range.to; d = addDays(d, step)) out.push(d);
  return out;
}
