/** Notes a customer is likely to hand over for this amount: the next 5, 10, 20 and 50 up. */
export function quickTenders(dueMinor: number): number[] {
  const out: number[] = [];
  for (const note of [500, 1000, 2000, 5000, 10_000]) {
    const value = Math.ceil(dueMinor / note) * note;
    if (value > dueMinor && !out.includes(value)) out.push(value);
  }
  return out.slice(0, 4);
}
