import { DAY_MS } from './retention.ts';

/**
 * When the next scheduled backup is due, as a pure function of the clock, so a simulated year can
 * be run through it. Nightly: some minutes after the day's last performance starts (by default
 * long enough for it to end), or at 23:00 UTC on a day without one. Every N hours: while any
 * performance is still on sale.
 */
export interface SchedulePlan {
  /** 0 turns the interval copies off. */
  everyHours: number;
  nightlyAfterMinutes: number;
}

export interface ScheduleFacts {
  now: number;
  lastBackupAt: number | null;
  /** Start times of the performances on sale or played recently (a window around now is enough). */
  performanceStarts: readonly number[];
  /** Whether a performance is on sale now (its start still ahead). */
  onSale: boolean;
}

function nightlyTarget(day: number, starts: readonly number[], afterMinutes: number): number {
  const dayStart = day * DAY_MS;
  const todays = starts.filter((s) => s >= dayStart && s < dayStart + DAY_MS);
  return todays.length ? Math.max(...todays) + afterMinutes * 60_000 : dayStart + 23 * 3_600_000;
}

export function backupDue(plan: SchedulePlan, facts: ScheduleFacts): 'nightly' | 'interval' | null {
  const today = Math.floor(facts.now / DAY_MS);
  // Yesterday's too: a box office switched on after midnight still owes last night's copy.
  for (const day of [today, today - 1]) {
    const target = nightlyTarget(day, facts.performanceStarts, plan.nightlyAfterMinutes);
    if (facts.now >= target && (facts.lastBackupAt === null || facts.lastBackupAt < target)) return 'nightly';
  }
  if (plan.everyHours > 0 && facts.onSale && (facts.lastBackupAt === null || facts.now - facts.lastBackupAt >= plan.everyHours * 3_600_000)) return 'interval';
  return null;
}
