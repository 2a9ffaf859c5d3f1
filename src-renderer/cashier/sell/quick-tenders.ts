/**
 * Notes a customer is likely to hand over for this amount: the next 5, 10, 20, 50 and 100 up, in
 * minor units of a currency with `unit` minor units to the whole (100 for GBP and EUR).
 */
export function quickTenders(dueMinor: number, unit = 100): number[] {
  const out: number[] = [];
  for (const note of [5, 10, 20, 50, 100]) {
    const value = Math.ceil(dueMinor / (note * unit)) * note * unit;
    if (value > dueMinor && !out.includes(value)) out.push(value);
  }
  return out.slice(0, 4);
}
