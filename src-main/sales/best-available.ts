/**
 * Best-available seating: N adjacent seats in one row with the lowest total distance rank (0 is the
 * seat nearest the plan's focus, its stage or pitch), else the best split into the fewest,
 * best-placed runs; standing areas by quantity (suggestPlaces). Pure, so it is tested alone.
 */
export interface CandidateSeat {
  unitId: number;
  zone: string;
  row: string;
  number: string;
  x: number;
  rank: number;
  /** Free and of the wanted category. */
  selectable: boolean;
}

export interface Suggestion {
  unitIds: number[];
  adjacent: boolean;
  /** The standing area of each unit (null for a seat), when any place comes from an area. */
  areaIds?: (string | null)[];
}

const byPosition = (a: CandidateSeat, b: CandidateSeat) =>
  a.x - b.x || a.number.localeCompare(b.number, undefined, { numeric: true });

/** Runs of consecutive selectable seats, row by row, in seat order. */
function runsOf(seats: CandidateSeat[], taken: Set<number>): CandidateSeat[][] {
  const rows = new Map<string, CandidateSeat[]>();
  for (const seat of seats) {
    const key = `${seat.zone}\u0000${seat.row}`;
    const row = rows.get(key);
    if (row) row.push(seat);
    else rows.set(key, [seat]);
  }
  const runs: CandidateSeat[][] = [];
  for (const row of rows.values()) {
    row.sort(byPosition);
    let run: CandidateSeat[] = [];
    for (const seat of row) {
      if (seat.selectable && !taken.has(seat.unitId)) run.push(seat);
      else if (run.length) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

/** The best window of exactly `size` seats inside any run, by total rank then best single seat. */
function bestWindow(runs: CandidateSeat[][], size: number): CandidateSeat[] | null {
  let best: CandidateSeat[] | null = null;
  let bestScore = Infinity;
  let bestMin = Infinity;
  for (const run of runs) {
    if (run.length < size) continue;
    let score = 0;
    for (let i = 0; i < size; i++) score += run[i]!.rank;
    for (let start = 0; start + size <= run.length; start++) {
      if (start > 0) score += run[start + size - 1]!.rank - run[start - 1]!.rank;
      const window = run.slice(start, start + size);
      const min = Math.min(...window.map((s) => s.rank));
      if (score < bestScore || (score === bestScore && min < bestMin)) {
        best = window;
        bestScore = score;
        bestMin = min;
      }
    }
  }
  return best;
}

export function suggestSeats(seats: CandidateSeat[], quantity: number): Suggestion | null {
  const free = seats.filter((s) => s.selectable).length;
  if (quantity < 1 || free < quantity) return null;
  const together = bestWindow(runsOf(seats, new Set()), quantity);
  if (together) return { unitIds: together.map((s) => s.unitId), adjacent: true };
  // The best split: repeatedly take the largest block still possible, best-placed first.
  const taken = new Set<number>();
  let remaining = quantity;
  while (remaining > 0) {
    const runs = runsOf(seats, taken);
    const largest = Math.max(...runs.map((r) => r.length));
    const window = bestWindow(runs, Math.min(remaining, largest));
    if (!window) return null;
    for (const seat of window) taken.add(seat.unitId);
    remaining -= window.length;
  }
  return { unitIds: [...taken], adjacent: false };
}

/** A general-admission area's free places, the first few in place order (as many as could be asked for). */
export interface CandidateArea {
  areaId: string;
  /** How many places are free in all. */
  free: number;
  /** Free places' unit ids, at most the quantity asked for. */
  unitIds: number[];
}

/**
 * Best available over a whole venue, seats and standing areas alike. Seats first, as a seated
 * customer expects: together in one row, else the best split; when the seats cannot take the
 * party, one standing area that takes it whole (the one with most room); else every free seat
 * topped up with places from the areas with the most room. `areas` is read only when the seats
 * cannot take the party, so a seated venue's hot path pays nothing for it.
 */
export function suggestPlaces(seats: CandidateSeat[], areas: () => CandidateArea[], quantity: number): Suggestion | null {
  if (quantity < 1) return null;
  const seated = suggestSeats(seats, quantity);
  if (seated) return seated;
  const standing = areas();
  const roomy = standing.filter((a) => a.free >= quantity).sort((a, b) => b.free - a.free)[0];
  if (roomy) return { unitIds: roomy.unitIds.slice(0, quantity), adjacent: true, areaIds: new Array<string>(quantity).fill(roomy.areaId) };
  const freeSeats = seats.filter((s) => s.selectable);
  const freePlaces = standing.reduce((n, a) => n + a.free, 0);
  if (freeSeats.length + freePlaces < quantity) return null;
  const unitIds = [...freeSeats].sort((a, b) => a.rank - b.rank).map((s) => s.unitId);
  const areaIds: (string | null)[] = unitIds.map(() => null);
  for (const area of [...standing].sort((a, b) => b.free - a.free)) {
    for (const id of area.unitIds) {
      if (unitIds.length === quantity) break;
      unitIds.push(id);
      areaIds.push(area.areaId);
    }
  }
  return unitIds.length === quantity ? { unitIds, adjacent: false, areaIds } : null;
}
