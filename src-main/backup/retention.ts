/**
 * Which copies to keep: the newest `today` copies made on the current day, plus the newest copy of
 * each of the last `daily` days, `weekly` ISO weeks (Monday to Sunday) and `monthly` months that
 * have a copy (the same buckets as restic's --keep-daily/--keep-weekly/--keep-monthly). Days are
 * UTC days, as the copies' names are. A copy kept by any rule is kept; the rest are deleted.
 */
export interface RetentionPolicy {
  today: number;
  daily: number;
  weekly: number;
  monthly: number;
}

export const DAY_MS = 86_400_000;

const dayOf = (at: number) => Math.floor(at / DAY_MS);
// 1970-01-01 was a Thursday: shifting by 3 days makes each bucket run Monday to Sunday.
const weekOf = (at: number) => Math.floor((dayOf(at) + 3) / 7);
const monthOf = (at: number) => {
  const d = new Date(at);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

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
  const today = dayOf(now);
  for (const at of newestFirst.filter((a) => dayOf(a) === today).slice(0, policy.today)) keep.add(at);
  newestPerBucket(newestFirst, dayOf, policy.daily, keep);
  newestPerBucket(newestFirst, weekOf, policy.weekly, keep);
  newestPerBucket(newestFirst, monthOf, policy.monthly, keep);
  return keep;
}
