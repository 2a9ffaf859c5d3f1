import type { DemoShow } from './demo-catalogue.ts';

export interface DemoPerformance {
  show: DemoShow['key'];
  startsAt: number;
}

const HALF_HOUR = 30 * 60_000;
const HOUR = 60 * 60_000;

function at(dayStart: number, dayOffset: number, hours: number, minutes: number): number {
  // Local calendar arithmetic, so a clock change inside the week keeps shows at 19:30.
  const d = new Date(dayStart);
  d.setDate(d.getDate() + dayOffset);
  d.setHours(hours, minutes, 0, 0);
  return d.getTime();
}

/**
 * A week from the day of `now` in local time. The theatre alternates the play and the musical in
 * the evenings (19:30) with the other show at the Wednesday and Saturday matinees (14:30); the
 * studio has comedy at 20:00 nightly. Today is bent around `now` so the cashier always sees a
 * performance that has already started and ones still to come (unless it is nearly midnight).
 */
export function demoSchedule(now: number): DemoPerformance[] {
  const today = new Date(now);
  today.setHours(0, 0, 0, 0);
  const dayStart = today.getTime();
  const tomorrow = at(dayStart, 1, 0, 0);
  const out: DemoPerformance[] = [];

  for (let day = 0; day < 7; day++) {
    const evening = day % 2 === 0 ? 'play' : 'musical';
    const matinee = evening === 'play' ? 'musical' : 'play';
    const weekday = new Date(at(dayStart, day, 12, 0)).getDay();
    if (day === 0) {
      const earlier = Math.floor((now - HOUR) / HALF_HOUR) * HALF_HOUR;
      out.push({ show: matinee, startsAt: earlier >= dayStart ? Math.min(at(dayStart, 0, 14, 30), earlier) : at(dayStart, 0, 14, 30) });
      const later = Math.ceil((now + HOUR) / HALF_HOUR) * HALF_HOUR;
      const eveningAt = at(dayStart, 0, 19, 30);
      out.push({ show: evening, startsAt: later < tomorrow ? Math.max(eveningAt, later) : eveningAt });
      const comedyAt = at(dayStart, 0, 20, 0);
      out.push({ show: 'comedy', startsAt: later + HALF_HOUR < tomorrow ? Math.max(comedyAt, later + HALF_HOUR) : comedyAt });
      continue;
    }
    if (weekday === 3 || weekday === 6) out.push({ show: matinee, startsAt: at(dayStart, day, 14, 30) });
    out.push({ show: evening, startsAt: at(dayStart, day, 19, 30) });
    out.push({ show: 'comedy', startsAt: at(dayStart, day, 20, 0) });
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}
