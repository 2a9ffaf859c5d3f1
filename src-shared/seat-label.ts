/**
 * A seat's or a standing place's name in words, the same on the seat map, in the basket, at the
 * door and on paper: "Block E, row 14, seat 15", never the terse "Block E 14-15" that reads as a
 * range. Pure and shared, so the screens and the printed documents cannot drift apart.
 */
export interface SeatWords {
  zone: string;
  row: string;
  number: string;
}

export interface PlaceWords {
  area: string;
  placeNo?: number | null | undefined;
}

/** "Stalls, row A, seat 1"; a seat without a row (a box, a table) is "Box 3, seat 2". */
export function seatLabel(seat: SeatWords): string {
  const parts = [seat.zone.trim()];
  if (seat.row.trim()) parts.push(`row ${seat.row.trim()}`);
  parts.push(`seat ${seat.number.trim()}`);
  return parts.filter((p) => p.length > 0).join(', ');
}

/** A general-admission place: the area's name (places of an area are all alike), with its number when asked. */
export function placeLabel(place: PlaceWords): string {
  return place.placeNo ? `${place.area}, place ${place.placeNo}` : place.area;
}

/** Either kind of unit: what a ticket, a basket line or the admit screen names. */
export function unitLabel(unit: { zone?: string | null; row?: string | null; number?: string | null; area?: string | null; placeNo?: number | null }): string {
  if (unit.zone != null && unit.number != null) return seatLabel({ zone: unit.zone, row: unit.row ?? '', number: unit.number });
  return placeLabel({ area: unit.area ?? 'Standing', placeNo: unit.placeNo });
}

/**
 * Several labels in one sentence. Each label has commas of its own, so a comma between them would
 * run seats together: "Stalls, row A, seat 1; Stalls, row A, seat 2 and Stalls, row A, seat 3".
 */
export function labelList(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join('; ')} and ${labels.at(-1)}`;
}
