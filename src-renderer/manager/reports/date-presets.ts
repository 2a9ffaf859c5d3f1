/**
 * The quick ranges of the Reports screen, as venue-local calendar dates (YYYY-MM-DD) counted from the
 * venue's today (`venue().dateOf(now)`), so a window in another zone picks the venue's week. Pure
 * calendar arithmetic on dates, no instants: a clock change cannot shift a day. Weeks start on Monday,
 * as the report's weeks do (src-shared/contract/reports.ts).
 */

export type PresetId = 'today' | 'this-week' | 'last-7-days' | 'this-month';

export interface DateRange {
  from: string;
  to: string;
}

export const PRESETS: { id: PresetId; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'this-week', label: 'This week' },
  { id: 'last-7-days', label: 'Last 7 days' },
  { id: 'this-month', label: 'This month' },
];

const DAY = 86_400_000;

function asUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(asUtc(date).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The range a preset names, seen from the venue's `today`. */
export function presetRange(id: PresetId, today: string): DateRange {
  switch (id) {
    case 'today':
      return { from: today, to: today };
    case 'this-week': {
      // getUTCDay: 0 is Sunday; Monday starts the week.
      const sinceMonday = (asUtc(today).getUTCDay() + 6) % 7;
      const monday = addDays(today, -sinceMonday);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'last-7-days':
      return { from: addDays(today, -6), to: today };
    case 'this-month': {
      const first = `${today.slice(0, 7)}-01`;
      const nextMonth = new Date(asUtc(first));
      nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
      return { from: first, to: addDays(nextMonth.toISOString().slice(0, 10), -1) };
    }
  }
}

/** Which preset a range is, if any (so its button shows pressed). */
export function presetOf(range: DateRange, today: string): PresetId | null {
  return PRESETS.find((p) => {
    const r = presetRange(p.id, today);
    return r.from === range.from && r.to === range.to;
  })?.id ?? null;
}
