/**
 * At most `max` admissions per key in any `windowMs`: the times of the admitted ones are kept,
 * nothing else, so memory is bounded by what was admitted (refusals are not remembered).
 */
export class SlidingLimit {
  private readonly admitted = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Whether one more may go now, without counting it. */
  allows(key: string, now: number): boolean {
    return this.recent(key, now).length < this.max;
  }

  /** Counts one admission. */
  admit(key: string, now: number): void {
    const times = this.recent(key, now);
    times.push(now);
    this.admitted.set(key, times);
    if (this.admitted.size > 256) this.forgetIdle(now);
  }

  private recent(key: string, now: number): number[] {
    const times = (this.admitted.get(key) ?? []).filter((t) => now - t < this.windowMs && t <= now);
    if (times.length === 0) this.admitted.delete(key);
    else this.admitted.set(key, times);
    return times;
  }

  private forgetIdle(now: number): void {
    for (const key of [...this.admitted.keys()]) this.recent(key, now);
  }
}
