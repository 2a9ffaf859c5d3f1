/** One benchmark figure, as written to bench-results/<area>.json. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The same quantity for the bare library or raw operation, measured in the same run. */
  floor: number;
  /** value / floor. */
  ratio: number;
  /** Human statement of the target, e.g. "ratio >= 0.5" or "<= 5 ms". */
  target: string;
  met: boolean;
}

export interface BenchArea {
  area: string;
  run(): Promise<BenchRow[]>;
}

export function row(
  name: string,
  value: number,
  unit: string,
  floor: number,
  target: string,
  met: (value: number, ratio: number) => boolean,
): BenchRow {
  const ratio = floor === 0 ? 0 : value / floor;
  return { name, value: round(value), unit, floor: round(floor), ratio: round(ratio), target, met: met(value, ratio) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
