import { MarqueeError } from './errors.ts';
import { isCalendarDate } from './contract/common.ts';
/**
 * Wall-clock times in the venue's time zone, one implementation for the core (runs, tickets) and
 * the screens (shown and entered times), so both sides agree whatever zone a window's computer is in.
 * A performance "at 19:30" stays at 19:30 local time on both sides of a daylight-saving change, so instants are computed per date, never by adding days.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** True when Intl knows the locale (for example en-GB, de-DE); the screens format with it. */
export function isValidLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1 && Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 1;
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(ms).map((p) => [p.type, p.value]));
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant a wall clock in `timeZone` shows `date` (YYYY-MM-DD) at `time` (HH:MM). */
export function zonedInstant(date: string, time: string, timeZone: string): number {
  // Date.UTC would move 2027-02-30 to 2 March without a word; a box office must not.
  if (!isCalendarDate(date)) throw new MarqueeError('BAD_INPUT', `${date} is not a day of the calendar (check the day of the month).`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  return second;
}

/** The wall-clock date and time of an instant in `timeZone`, as YYYY-MM-DD and HH:MM. */
export function wallClock(ms: number, timeZone: string): { date: string; time: string; weekday: number } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(ms).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, time: `${parts.hour}:${parts.minute}`, weekday: new Date(`${date}T00:00:00Z`).getUTCDay() };
}

/** Calendar dates from `first` to `last` inclusive, with their weekday (0 = Sunday). */
export function datesBetween(first: string, last: string): { date: string; weekday: number }[] {
  const out: { date: string; weekday: number }[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000) {
    const d = new Date(t);
    out.push({ date: d.toISOString().slice(0, 10), weekday: d.getUTCDay() });
  }
  return out;
}
