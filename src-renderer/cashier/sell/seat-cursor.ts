import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';

export type Arrow = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

const DIRECTIONS: Record<Arrow, { x: number; y: number }> = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  // Plan coordinates grow downwards, like the screen's.
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
};

export function isArrow(key: string): key is Arrow {
  return key in DIRECTIONS;
}

/**
 * The seat an arrow key moves to: the nearest one whose direction from `from` lies within ±45° of
 * the arrow. Rows need not be straight or parallel (curved stalls, rotated balconies), so this
 * follows the plan's coordinates rather than row and seat numbers. Null at the plan's edge.
 */
export function seatToward(seats: readonly SeatOnMap[], from: SeatOnMap, arrow: Arrow): SeatOnMap | null {
  const dir = DIRECTIONS[arrow];
  let best: SeatOnMap | null = null;
  let bestDistance = Infinity;
  for (const s of seats) {
    if (s.unitId === from.unitId) continue;
    const dx = s.x - from.x;
    const dy = s.y - from.y;
    const along = dx * dir.x + dy * dir.y;
    const across = Math.abs(dx * dir.y - dy * dir.x);
    // Within ±45°: at least as far along the arrow as across it.
    if (along <= 0 || across > along) continue;
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance) {
      best = s;
      bestDistance = distance;
    }
  }
  return best;
}

/** Where the cursor starts when the map takes the focus: the first free seat nearest the top left. */
export function firstSeat(seats: readonly SeatOnMap[], isFree: (s: SeatOnMap) => boolean): SeatOnMap | null {
  const order = (a: SeatOnMap, b: SeatOnMap) => a.y - b.y || a.x - b.x;
  const free = seats.filter(isFree).sort(order);
  return free[0] ?? [...seats].sort(order)[0] ?? null;
}
