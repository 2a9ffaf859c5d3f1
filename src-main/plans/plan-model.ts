import { MarqueeError } from '../../src-shared/errors.ts';

/** A plan as read from a file, before it touches the database: every coordinate is absolute. */
export interface ParsedSeat {
  guid: string;
  zone: string;
  row: string;
  number: string;
  x: number;
  y: number;
  radius: number;
  category: string;
  wheelchair: boolean;
  restrictedView: boolean;
}

/**
 * A shape on the plan. (x, y, width, height) is the unrotated box in plan coordinates and the
 * shape turns `rotation` degrees clockwise about the box's centre, so a renderer needs no
 * knowledge of where the source format anchored it.
 */
export interface ParsedArea {
  name: string;
  shape: 'rectangle' | 'ellipse';
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  color: string;
  capacity: number;
  category: string | null;
}

/** Where a row's name is drawn along it (pretix's `row_number_position`). */
export type RowNumberPosition = 'start' | 'end' | 'both' | 'none';

/** A row whose file says where its name goes; rows it says nothing about are named at both ends. */
export interface ParsedRow {
  zone: string;
  row: string;
  numberPosition: RowNumberPosition;
}

export interface ParsedPlan {
  width: number;
  height: number;
  categories: { name: string; color: string }[];
  seats: ParsedSeat[];
  areas: ParsedArea[];
  /** Only where the file says; a CSV plan has none. */
  rows?: ParsedRow[];
}

export const DEFAULT_SEAT_RADIUS = 10;
export const DEFAULT_AREA_COLOR = '#bdbdbd';

/** Colours for categories a file does not colour itself, distinct enough on a cashier's screen. */
const CATEGORY_PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
] as const;

export function paletteColor(index: number): string {
  return CATEGORY_PALETTE[index % CATEGORY_PALETTE.length] ?? '#7f7f7f';
}

/** One thing wrong with a file, located so that the person who made it can find it. */
export interface PlanProblem {
  /** `zones[1].rows[3].seats[7].category` for JSON, `line 4, column 2 (row)` for CSV. */
  path: string;
  problem: string;
  line?: number;
  column?: number;
}

/** Enough to fix a file in one pass without flooding the message. */
const MAX_LISTED_PROBLEMS = 20;

export function planInvalid(file: string, problems: PlanProblem[]): MarqueeError {
  const first = problems[0] ?? { path: '(file)', problem: 'the plan could not be read' };
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  const details: Record<string, unknown> = {
    file,
    path: first.path,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `${p.path}: ${p.problem}`),
  };
  if (first.line !== undefined) details.line = first.line;
  if (first.column !== undefined) details.column = first.column;
  return new MarqueeError('PLAN_INVALID', `Seating plan "${file}" is invalid at ${first.path}: ${first.problem}${more}.`, details);
}

/** Plan size when the file does not give one: the seats' and areas' extent plus a margin. */
export function extentOf(seats: ParsedSeat[], areas: ParsedArea[], margin = 40): { width: number; height: number } {
  let maxX = 0;
  let maxY = 0;
  for (const s of seats) {
    maxX = Math.max(maxX, s.x + s.radius);
    maxY = Math.max(maxY, s.y + s.radius);
  }
  for (const a of areas) {
    maxX = Math.max(maxX, a.x + a.width);
    maxY = Math.max(maxY, a.y + a.height);
  }
  return { width: Math.ceil(maxX + margin), height: Math.ceil(maxY + margin) };
}
