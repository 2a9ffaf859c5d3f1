import type { ParsedArea, ParsedSeat } from './plan-model.ts';

/**
 * Where "best" is measured from. `area`: the centre of an area named like a stage or pitch;
 * `top`: the plan's top centre (no such area); `manager`: a point a manager placed by hand.
 */
export interface PlanFocus {
  x: number;
  y: number;
  source: 'area' | 'top' | 'manager';
  /** The area it was taken from, when `source` is `area`. */
  areaName: string | null;
}

/**
 * Words for what an audience faces, in the languages venues' plans are drawn in. Matched as whole
 * words, letters of any script, so "Bühne" and "écran" match and "Ringside" or "Screening" do not.
 */
const FOCUS_WORDS = [
  // English
  'stage', 'main stage', 'pitch', 'court', 'screen', 'field', 'rink', 'ring', 'podium', 'platform', 'orchestra pit',
  // German
  'bühne', 'buehne', 'spielfeld', 'leinwand', 'feld', 'eisfläche',
  // French
  'scène', 'scene', 'écran', 'ecran', 'terrain', 'piste', 'plateau', 'patinoire',
  // Spanish, Portuguese, Italian
  'escenario', 'pista', 'cancha', 'campo', 'pantalla', 'palco', 'palcoscenico', 'schermo', 'tela', 'ecrã', 'quadra', 'gramado',
  // Dutch, Nordic, Polish, Czech
  'toneel', 'scherm', 'veld', 'scen', 'scena', 'boisko', 'ekran', 'jeviště', 'hřiště', 'plátno',
];

const FOCUS_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FOCUS_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** Whether an area's name says it is what the audience faces. */
export function namesFocus(name: string): boolean {
  return FOCUS_PATTERN.test(name.normalize('NFC'));
}

/**
 * The stage or pitch: the first area whose name says so, preferring drawn shapes (no places) over
 * standing areas that happen to be called "Pitch standing"; else the plan's top centre.
 */
export function focusOf(areas: ParsedArea[], width: number): PlanFocus {
  const named = areas.filter((a) => namesFocus(a.name));
  const area = named.find((a) => a.capacity === 0) ?? named[0];
  if (area) return { x: area.x + area.width / 2, y: area.y + area.height / 2, source: 'area', areaName: area.name };
  return { x: width / 2, y: 0, source: 'top', areaName: null };
}

/** A manager's point, kept inside the plan. */
export function manualFocus(point: { x: number; y: number }, width: number, height: number): PlanFocus {
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  return { x: clamp(point.x, width), y: clamp(point.y, height), source: 'manager', areaName: null };
}

/**
 * rank 0 is the seat nearest the focus, so best-available can just sort by it. Equal distances
 * keep file order, which makes the ranks the same on every import of the same file.
 */
export function rankSeats(seats: Pick<ParsedSeat, 'x' | 'y'>[], focus: Pick<PlanFocus, 'x' | 'y'>): number[] {
  const order = seats
    .map((s, index) => ({ index, distance: Math.hypot(s.x - focus.x, s.y - focus.y) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index);
  const ranks = new Array<number>(seats.length);
  order.forEach((entry, rank) => {
    ranks[entry.index] = rank;
  });
  return ranks;
}
