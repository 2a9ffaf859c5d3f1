import type { OutputOf } from '../../../src-shared/contract/index.ts';
import type { SeatOnMap } from '../../../src-shared/contract/performances.ts';
import type { SeatLook } from '../sell/SeatGlyph.tsx';

export type SeatMap = OutputOf<'getSeatMap'>;

/** A new place the cashier chose for the exchange: not held until the exchange is confirmed. */
export interface Choice {
  unitId: number;
  label: string;
  category: string;
  areaId: string | null;
}

/** The price category of a unit of a map: a seat's own, or (a standing place) its area's. */
export function categoryOfUnit(map: SeatMap, unitId: number): string | null {
  const seat = map.seats.find((s) => s.unitId === unitId);
  if (seat) return seat.category;
  // Standing places are not drawn one by one; a plan's standing area is where such a ticket was.
  const area = map.areas.find((a) => a.capacity > 0);
  return area ? (area.category ?? area.name) : null;
}

/** The category most of the old tickets were in: what the exchange offers by default. */
export function usualCategory(categories: (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const c of categories) if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

export function seatChoice(seat: SeatOnMap): Choice {
  return { unitId: seat.unitId, label: seat.label, category: seat.category, areaId: null };
}

/** How a seat looks while choosing: chosen ones as "mine", the rest as the map says. */
export function exchangeLook(seat: SeatOnMap, chosen: ReadonlySet<number>): SeatLook {
  if (chosen.has(seat.unitId) && seat.state === 'available') return 'mine';
  if (seat.state === 'held') return seat.heldByMe ? 'mine' : 'held';
  return seat.state;
}

/** Why a seat cannot be chosen, in the cashier's words; null when it can. */
export function refusal(seat: SeatOnMap, look: SeatLook, wanted: string | null, anyCategory: boolean, full: boolean): string | null {
  if (look !== 'available') return `${seat.label} is not free.`;
  if (!anyCategory && wanted && seat.category !== wanted) {
    return `${seat.label} is in ${seat.category}; the tickets were ${wanted}. Tick “Any category” to choose it.`;
  }
  if (full) return 'That is all the seats this exchange needs: click a chosen seat to give it up first.';
  return null;
}

/** Whether a performance's map sells this category at all (a seat of it, or a standing area priced as it). */
export function mapSells(map: SeatMap, category: string): boolean {
  return map.seats.some((s) => s.category === category) || map.areas.some((a) => a.capacity > 0 && (a.category ?? a.name) === category);
}
