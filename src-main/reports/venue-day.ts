import { wallClock, zonedInstant } from '../../src-shared/zoned-time.ts';

/**
 * The venue-local calendar date of an instant, remembered for the day it falls in: sales arrive
 * in time order, so nearly every call is answered by two comparisons instead of Intl's formatting.
 */
export class VenueDay {
  private start = 0;
  private end = -1;
  private date = '';

  constructor(readonly timeZone: string) {}

  of(at: number): string {
    if (at >= this.start && at < this.end) return this.date;
    const { date } = wallClock(at, this.timeZone);
    this.date = date;
    this.start = zonedInstant(date, '00:00', this.timeZone);
    this.end = zonedInstant(nextDate(date), '00:00', this.timeZone);
    return date;
  }
}

/** The calendar date after `date` (YYYY-MM-DD). */
export function nextDate(date: string): string {
  return addDays(date, 1);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday on or before `date`: a week's period is named by its Monday. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}
