import type { ParsedArea, ParsedSeat } from './plan-model.ts';

/** The point seats are judged from: the stage's centre, or the top centre of a plan without one. */
function stagePoint(areas: ParsedArea[], width: number): { x: number; y: number } {
  const stage = areas.find((a) => /stage/i.test(a.name));
  if (stage) return { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
  return { x: width / 2, y: 0 };
}

/**
 * rank 0 is the seat nearest the stage, so best-available can just sort by it. Equal distances
 * keep file order, which makes the ranks the same on every import of the same file.
 */
export function rankSeats(seats: ParsedSeat[], areas: ParsedArea[], width: number): number[] {
  const stage = stagePoint(areas, width);
  const order = seats
    .map((s, index) => ({ index, distance: Math.hypot(s.x - stage.x, s.y - stage.y) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index);
  const ranks = new Array<number>(seats.length);
  order.forEach((entry, rank) => {
    ranks[entry.index] = rank;
  });
  return ranks;
}
