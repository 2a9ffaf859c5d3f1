import {
  DEFAULT_AREA_COLOR,
  DEFAULT_SEAT_RADIUS,
  extentOf,
  paletteColor,
  planInvalid,
  type ParsedArea,
  type ParsedPlan,
  type ParsedRow,
  type ParsedSeat,
  type RowNumberPosition,
  type PlanProblem,
} from './plan-model.ts';
import { locateJsonError } from './json-error.ts';

/**
 * Reads a seating plan in pretix's JSON format (the file pretix's plan editor saves), plus
 * Marquee's few additions (docs/seating-plans.md). Positions compose as pretix itself computes
 * them: seat = zone.position + row.position + seat.position; areas are relative to their zone.
 * Every problem is collected before anything is returned, so a bad file is rejected as a whole.
 */

type Json = Record<string, unknown>;

/** A file with thousands of identical mistakes should still produce a readable answer quickly. */
const MAX_PROBLEMS = 200;

class Problems {
  readonly list: PlanProblem[] = [];
  add(path: string, problem: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push({ path, problem });
  }
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (Array.isArray(v)) return 'a list';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}

/** A `{x, y}` pair of numbers, or null after recording why not. */
function readPosition(v: unknown, path: string, problems: Problems): { x: number; y: number } | null {
  if (v === undefined) {
    problems.add(path, 'the position is missing');
    return null;
  }
  if (!isObject(v)) {
    problems.add(path, `the position must be an object {"x": number, "y": number}, not ${describe(v)}`);
    return null;
  }
  let ok = true;
  for (const axis of ['x', 'y'] as const) {
    if (!isNumber(v[axis])) {
      problems.add(`${path}.${axis}`, `the position must be a number, not ${describe(v[axis])}`);
      ok = false;
    }
  }
  return ok ? { x: v.x as number, y: v.y as number } : null;
}

/** pretix writes row and seat numbers as strings; generators sometimes write numbers. */
function readLabel(v: unknown, path: string, what: string, problems: Problems): string | null {
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (isNumber(v)) return String(v);
  problems.add(path, v === undefined ? `the ${what} is missing` : `the ${what} must be text, not ${describe(v)}`);
  return null;
}

/** pretix's words for where a row's name goes, and the left/right some generators write for them. */
const ROW_NUMBER_POSITIONS: Record<string, RowNumberPosition> = { start: 'start', end: 'end', both: 'both', none: 'none', left: 'start', right: 'end' };

function readRowNumberPosition(v: unknown, path: string, problems: Problems): RowNumberPosition | null {
  if (v === undefined || v === null || v === '') return null;
  const known = typeof v === 'string' ? ROW_NUMBER_POSITIONS[v.trim().toLowerCase()] : undefined;
  if (known) return known;
  problems.add(path, `the row number position must be "start", "end", "both" or "none", not ${describe(v)}`);
  return null;
}

function readFlag(v: unknown, path: string, problems: Problems): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  problems.add(path, `must be true or false, not ${describe(v)}`);
  return false;
}

function parseJsonText(file: string, content: string): unknown {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = locateJsonError(text);
    if (at) throw planInvalid(file, [{ path: `line ${at.line}, column ${at.column}`, problem: `not valid JSON: ${at.problem}`, line: at.line, column: at.column }]);
    // Only reached if this scanner and V8 ever disagree; V8's own words are better than nothing.
    throw planInvalid(file, [{ path: '(file)', problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
}

function readCategories(root: Json, problems: Problems): Map<string, string> {
  const categories = new Map<string, string>();
  if (!Array.isArray(root.categories)) {
    problems.add('categories', root.categories === undefined ? 'the list of categories is missing' : `must be a list, not ${describe(root.categories)}`);
    return categories;
  }
  root.categories.forEach((c: unknown, i) => {
    const path = `categories[${i}]`;
    if (!isObject(c)) return problems.add(path, `each category must be an object, not ${describe(c)}`);
    if (typeof c.name !== 'string' || c.name.trim() === '') return problems.add(`${path}.name`, 'the category needs a name');
    if (categories.has(c.name)) return problems.add(`${path}.name`, `the category "${c.name}" is declared twice`);
    const color = typeof c.color === 'string' && c.color.trim() !== '' ? c.color : paletteColor(categories.size);
    categories.set(c.name, color);
  });
  return categories;
}

function readCategoryRef(v: unknown, path: string, categories: Map<string, string>, problems: Problems): string | null {
  if (typeof v !== 'string') {
    problems.add(path, v === undefined ? 'the category is missing' : `the category must be text, not ${describe(v)}`);
    return null;
  }
  if (!categories.has(v)) {
    const declared = [...categories.keys()].map((n) => `"${n}"`).join(', ') || 'none';
    problems.add(path, `the category "${v}" is not declared in "categories" (declared: ${declared})`);
    return null;
  }
  return v;
}

interface SeatSource {
  path: string;
}

function readSeats(
  zone: Json,
  zonePath: string,
  zoneName: string,
  origin: { x: number; y: number } | null,
  categories: Map<string, string>,
  guids: Map<string, SeatSource>,
  problems: Problems,
  out: ParsedSeat[],
  rows: ParsedRow[],
): void {
  if (!Array.isArray(zone.rows)) {
    problems.add(`${zonePath}.rows`, zone.rows === undefined ? 'the list of rows is missing' : `must be a list, not ${describe(zone.rows)}`);
    return;
  }
  zone.rows.forEach((row: unknown, ri) => {
    const rowPath = `${zonePath}.rows[${ri}]`;
    if (!isObject(row)) return problems.add(rowPath, `each row must be an object, not ${describe(row)}`);
    const rowNumber = readLabel(row.row_number, `${rowPath}.row_number`, 'row number', problems);
    const numberPosition = readRowNumberPosition(row.row_number_position, `${rowPath}.row_number_position`, problems);
    if (rowNumber !== null && numberPosition !== null) rows.push({ zone: zoneName, row: rowNumber, numberPosition });
    // pretix's schema lets a row leave out its position; it then sits at its zone's origin.
    const rowPos = row.position === undefined ? { x: 0, y: 0 } : readPosition(row.position, `${rowPath}.position`, problems);
    if (!Array.isArray(row.seats)) {
      return problems.add(`${rowPath}.seats`, row.seats === undefined ? 'the list of seats is missing' : `must be a list, not ${describe(row.seats)}`);
    }
    if (row.seats.length === 0) return problems.add(`${rowPath}.seats`, `row ${rowNumber ?? ri + 1} has no seats`);
    row.seats.forEach((seat: unknown, si) => {
      const path = `${rowPath}.seats[${si}]`;
      if (!isObject(seat)) return problems.add(path, `each seat must be an object, not ${describe(seat)}`);
      const guid = readLabel(seat.seat_guid, `${path}.seat_guid`, 'seat_guid', problems);
      if (guid !== null) {
        const earlier = guids.get(guid);
        if (earlier) problems.add(`${path}.seat_guid`, `the seat_guid "${guid}" is already used by ${earlier.path}`);
        else guids.set(guid, { path });
      }
      const number = readLabel(seat.seat_number, `${path}.seat_number`, 'seat number', problems);
      const pos = readPosition(seat.position, `${path}.position`, problems);
      const category = readCategoryRef(seat.category, `${path}.category`, categories, problems);
      let radius = DEFAULT_SEAT_RADIUS;
      if (seat.radius !== undefined && seat.radius !== null) {
        if (isNumber(seat.radius) && seat.radius > 0) radius = seat.radius;
        else problems.add(`${path}.radius`, `the radius must be a positive number, not ${describe(seat.radius)}`);
      }
      const wheelchair = readFlag(seat.wheelchair, `${path}.wheelchair`, problems);
      const restrictedView = readFlag(seat.restricted_view, `${path}.restricted_view`, problems);
      if (guid === null || number === null || pos === null || category === null || rowNumber === null || rowPos === null || origin === null) return;
      out.push({
        guid,
        zone: zoneName,
        row: rowNumber,
        number,
        x: origin.x + rowPos.x + pos.x,
        y: origin.y + rowPos.y + pos.y,
        radius,
        category,
        wheelchair,
        restrictedView,
      });
    });
  });
}

/** Rotates (u, v) by `deg` clockwise on a y-down canvas, as SVG's rotate() does. */
function rotate(u: number, v: number, deg: number): { x: number; y: number } {
  const t = (deg * Math.PI) / 180;
  return { x: u * Math.cos(t) - v * Math.sin(t), y: u * Math.sin(t) + v * Math.cos(t) };
}

function readArea(
  area: Json,
  path: string,
  index: number,
  origin: { x: number; y: number },
  categories: Map<string, string>,
  problems: Problems,
): ParsedArea | null {
  const pos = readPosition(area.position, `${path}.position`, problems);
  let rotation = 0;
  if (area.rotation !== undefined && area.rotation !== null) {
    if (isNumber(area.rotation)) rotation = area.rotation;
    else problems.add(`${path}.rotation`, `the rotation must be a number of degrees, not ${describe(area.rotation)}`);
  }
  let capacity = 0;
  if (area.capacity !== undefined && area.capacity !== null) {
    if (isNumber(area.capacity) && Number.isInteger(area.capacity) && area.capacity >= 0) capacity = area.capacity;
    else problems.add(`${path}.capacity`, `the capacity must be a whole number of places, not ${describe(area.capacity)}`);
  }
  let category: string | null = null;
  if (area.category !== undefined && area.category !== null) {
    category = readCategoryRef(area.category, `${path}.category`, categories, problems);
  }
  const text = isObject(area.text) ? area.text.text : area.text;
  const name =
    typeof area.name === 'string' && area.name.trim() !== ''
      ? area.name.trim()
      : typeof text === 'string' && text.trim() !== ''
        ? text.trim()
        : `Area ${index + 1}`;
  const color = typeof area.color === 'string' && area.color !== '' ? area.color : DEFAULT_AREA_COLOR;
  const shape = typeof area.shape === 'string' ? area.shape : 'rectangle';
  if (pos === null) return null;
  const px = origin.x + pos.x;
  const py = origin.y + pos.y;
  const base = { name, rotation, color, capacity, category };

  const dimension = (v: unknown, at: string): number | null => {
    if (isNumber(v) && v >= 0) return v;
    problems.add(at, v === undefined ? 'the size is missing' : `the size must be a number, not ${describe(v)}`);
    return null;
  };

  if (shape === 'rectangle') {
    // The editor nests the size under "rectangle"; the original schema put it on the area.
    const box = isObject(area.rectangle) ? area.rectangle : area;
    const at = isObject(area.rectangle) ? `${path}.rectangle` : path;
    const w = dimension(box.width, `${at}.width`);
    const h = dimension(box.height, `${at}.height`);
    if (w === null || h === null) return null;
    // pretix turns a rectangle about its top-left corner; Marquee stores turns about the centre.
    const centre = rotate(w / 2, h / 2, rotation);
    return { ...base, shape: 'rectangle', x: px + centre.x - w / 2, y: py + centre.y - h / 2, width: w, height: h };
  }
  if (shape === 'ellipse' || shape === 'circle') {
    let rx: number | null;
    let ry: number | null;
    if (shape === 'circle') {
      const c = isObject(area.circle) ? area.circle : {};
      rx = ry = dimension(c.radius, `${path}.circle.radius`);
    } else {
      const r = isObject(area.ellipse) && isObject(area.ellipse.radius) ? area.ellipse.radius : {};
      rx = dimension(r.x, `${path}.ellipse.radius.x`);
      ry = dimension(r.y, `${path}.ellipse.radius.y`);
    }
    if (rx === null || ry === null) return null;
    return { ...base, shape: 'ellipse', x: px - rx, y: py - ry, width: 2 * rx, height: 2 * ry };
  }
  if (shape === 'polygon') {
    const points = isObject(area.polygon) && Array.isArray(area.polygon.points) ? area.polygon.points : null;
    if (!points || points.length < 3) {
      problems.add(`${path}.polygon.points`, 'a polygon needs at least three points');
      return null;
    }
    const turned: { x: number; y: number }[] = [];
    points.forEach((p: unknown, i) => {
      const q = readPosition(p, `${path}.polygon.points[${i}]`, problems);
      if (q) turned.push(rotate(q.x, q.y, rotation));
    });
    if (turned.length !== points.length) return null;
    // Stored as its bounding box: Marquee draws and sells areas as rectangles and ellipses only.
    const xs = turned.map((p) => p.x);
    const ys = turned.map((p) => p.y);
    const minX = Math.min(...xs);
    const minY = Math.min(...ys);
    return { ...base, shape: 'rectangle', rotation: 0, x: px + minX, y: py + minY, width: Math.max(...xs) - minX, height: Math.max(...ys) - minY };
  }
  // Text labels and shapes this version does not know are decoration: skipped, unless they sell places.
  if (capacity > 0) problems.add(`${path}.shape`, `an area of shape "${shape}" cannot hold general-admission places; use a rectangle or ellipse`);
  return null;
}

/** A row named twice in a zone (the two halves of a row split by an aisle) keeps the first half's choice. */
function firstOfEachRow(rows: ParsedRow[]): ParsedRow[] {
  const seen = new Map<string, ParsedRow>();
  for (const r of rows) {
    const key = `${r.zone}\u0000${r.row}`;
    if (!seen.has(key)) seen.set(key, r);
  }
  return [...seen.values()];
}

export function parsePretixPlan(file: string, content: string): ParsedPlan {
  const root = parseJsonText(file, content);
  if (!isObject(root)) throw planInvalid(file, [{ path: '(top level)', problem: `the file must hold one JSON object, not ${describe(root)}` }]);
  const problems = new Problems();
  const categories = readCategories(root, problems);
  const seats: ParsedSeat[] = [];
  const areas: ParsedArea[] = [];
  const rows: ParsedRow[] = [];
  const guids = new Map<string, SeatSource>();

  if (!Array.isArray(root.zones) || root.zones.length === 0) {
    problems.add('zones', root.zones === undefined ? 'the list of zones is missing' : Array.isArray(root.zones) ? 'the plan has no zones' : `must be a list, not ${describe(root.zones)}`);
  } else {
    root.zones.forEach((zone: unknown, zi) => {
      const zonePath = `zones[${zi}]`;
      if (!isObject(zone)) return problems.add(zonePath, `each zone must be an object, not ${describe(zone)}`);
      const zoneName = typeof zone.name === 'string' && zone.name.trim() !== '' ? zone.name.trim() : `Zone ${zi + 1}`;
      const origin = readPosition(zone.position, `${zonePath}.position`, problems);
      readSeats(zone, zonePath, zoneName, origin, categories, guids, problems, seats, rows);
      if (zone.areas !== undefined && zone.areas !== null) {
        if (!Array.isArray(zone.areas)) return problems.add(`${zonePath}.areas`, `must be a list, not ${describe(zone.areas)}`);
        zone.areas.forEach((area: unknown, ai) => {
          const path = `${zonePath}.areas[${ai}]`;
          if (!isObject(area)) return problems.add(path, `each area must be an object, not ${describe(area)}`);
          const parsed = readArea(area, path, areas.length, origin ?? { x: 0, y: 0 }, categories, problems);
          if (parsed) areas.push(parsed);
        });
      }
    });
  }

  let size: { width: number; height: number } | null = null;
  if (root.size !== undefined && root.size !== null) {
    const s = root.size;
    if (isObject(s) && isNumber(s.width) && isNumber(s.height) && s.width > 0 && s.height > 0) size = { width: s.width, height: s.height };
    else problems.add('size', 'the size must be {"width": number, "height": number} with both above zero');
  }
  if (problems.list.length === 0 && seats.length === 0 && !areas.some((a) => a.capacity > 0)) {
    problems.add('zones', 'the plan has no seats and no general-admission area');
  }
  if (problems.list.length > 0) throw planInvalid(file, problems.list);

  return {
    ...(size ?? extentOf(seats, areas)),
    // Declared but unused categories are kept: a price band may already name them.
    categories: [...categories].map(([name, color]) => ({ name, color })),
    seats,
    areas,
    rows: firstOfEachRow(rows),
  };
}
