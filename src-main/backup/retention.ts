/**
 * Which copies to keep: the newest `today` copies made on the current day, plus the newest copy of
 * each of the last `daily` days, `weekly` ISO weeks (Monday to Sunday) and `monthly` months that
 * have a copy (the same buckets as restic's --keep-daily/--keep-weekly/--keep-monthly). Days,
 * weeks and months are the venue's, in its time zone (a box office's day ends at its midnight, not
 * at UTC's), though the copies' names carry UTC times. A copy kept by any rule is kept; the rest go.
 */
export interface RetentionPolicy {
  today: number;
  daily: number;
  weekly: number;
  monthly: number;
  /** The venue's IANA zone (setting venue.timeZone); UTC when left out. */
  timeZone?: string;
}

export const DAY_MS = 86_400_000;

interface Calendar {
  /** Days since 1970-01-01 on the venue's calendar. */
  day(at: number): number;
  week(at: number): number;
  month(at: number): number;
}

const calendars = new Map<string, Calendar>();

/** The venue's calendar: each instant's local date, by Intl (so daylight saving moves midnight, not the date). */
function calendarIn(timeZone: string): Calendar {
  let calendar = calendars.get(timeZone);
  if (calendar) return calendar;
  const format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
  const local = (at: number) => {
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day) };
  };
  const day = (at: number) => {
    const { y, m, d } = local(at);
    return Date.UTC(y, m - 1, d) / DAY_MS;
  };
  calendar = {
    day,
    // 1970-01-01 was a Thursday: shifting by 3 days makes each bucket run Monday to Sunday.
    week: (at) => Math.floor((day(at) + 3) / 7),
    month: (at) => {
      const { y, m } = local(at);
      return y * 12 + m - 1;
    },
  };
  calendars.set(timeZone, calendar);
  return calendar;
}

/** The newest copy of each of the first `count` buckets that have one, newest bucket first. */
function newestPerBucket(newestFirst: number[], bucket: (at: number) => number, count: number, keep: Set<number>): void {
  let last: number | null = null;
  let taken = 0;
  for (const at of newestFirst) {
    if (taken >= count) return;
    const b = bucket(at);
    if (b === last) continue;
    last = b;
    keep.add(at);
    taken++;
  }
}

/** The times (as given) of the copies to keep, out of `copies`, at `now`. */
export function copiesToKeep(copies: readonly number[], now: number, policy: RetentionPolicy): Set<number> {
  const newestFirst = [...copies].sort((a, b) => b - a);
  const keep = new Set<number>();
  // The newest copy is always kept, whatever the settings say: it may be the only good one.
  if (newestFirst[0] !== undefined) keep.add(newestFirst[0]);
  const calendar = calendarIn(policy.timeZone ?? 'UTC');
  const today = calendar.day(now);
  for (const at of newestFirst.filter((a) => calendar.day(a) === today).slice(0, policy.today)) keep.add(at);
  newestPerBucket(newestFirst, calendar.day, policy.daily, keep);
  newestPerBucket(newestFirst, calendar.week, policy.weekly, keep);
  newestPerBucket(newestFirst, calendar.month, policy.monthly, keep);
  return keep;
}
