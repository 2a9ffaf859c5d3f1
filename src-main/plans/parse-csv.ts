import { CsvSyntaxError, readCsvRecords } from './csv-records.ts';
import {
  DEFAULT_AREA_COLOR,
  DEFAULT_SEAT_RADIUS,
  extentOf,
  paletteColor,
  planInvalid,
  type ParsedArea,
  type ParsedPlan,
  type ParsedSeat,
  type PlanProblem,
} from './plan-model.ts';

/**
 * A CSV plan: one line a seat, header `section,row,seat,x,y,category` in any order and case,
 * optional `wheelchair`, `restricted`, `width`, `height`. A line with an empty row and a seat of
 * `GA:<places>` is a general-admission area; `STAGE` is the stage. See docs/seating-plans.md.
 */

const REQUIRED = ['section', 'row', 'seat', 'x', 'y', 'category'] as const;
const OPTIONAL = ['wheelchair', 'restricted', 'width', 'height'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const GA_SIZE = { width: 200, height: 120 };
const STAGE_SIZE = { width: 300, height: 60 };
const STAGE_COLOR = '#555555';
const MAX_PROBLEMS = 200;

const TRUE_WORDS = new Set(['yes', 'true', '1', 'y']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'n', '']);

/** Spreadsheets in comma-decimal locales save with semicolons; the header line tells which. */
function pickDelimiter(content: string): string {
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  return !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
}

export function parseCsvPlan(file: string, content: string): ParsedPlan {
  if (content.replace(/^\uFEFF/, '').trim() === '') {
    throw planInvalid(file, [{ path: 'line 1', problem: 'the file is empty; it needs the header section,row,seat,x,y,category and one line a seat', line: 1 }]);
  }
  let records;
  try {
    records = readCsvRecords(content, pickDelimiter(content));
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw planInvalid(file, [{ path: `line ${error.line}, column ${error.column}`, problem: error.message, line: error.line, column: error.column }]);
    }
    throw error;
  }
  const [header, ...lines] = records;
  if (!header) throw planInvalid(file, [{ path: 'line 1', problem: 'the file is empty', line: 1 }]);

  const problems: PlanProblem[] = [];
  const problem = (line: number, column: number | null, what: string) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const name = column === null ? null : (header.fields[column] ?? null);
    const path = column === null ? `line ${line}` : `line ${line}, column ${column + 1}${name ? ` (${name})` : ''}`;
    problems.push(column === null ? { path, problem: what, line } : { path, problem: what, line, column: column + 1 });
  };

  const index = new Map<Column, number>();
  header.fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase() as Column;
    if (!(REQUIRED as readonly string[]).includes(name) && !(OPTIONAL as readonly string[]).includes(name)) return;
    if (index.has(name)) problem(header.line, i, `the column "${name}" appears twice in the header`);
    else index.set(name, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    const list = missing.map((c) => `"${c}"`).join(', ');
    problem(header.line, null, `the header lacks the column${missing.length > 1 ? 's' : ''} ${list} (it must name section,row,seat,x,y,category)`);
    throw planInvalid(file, problems);
  }
  if (lines.length === 0) {
    problem(header.line, null, 'the file has a header but no seats');
    throw planInvalid(file, problems);
  }

  const categories = new Map<string, string>();
  const declare = (name: string) => {
    if (!categories.has(name)) categories.set(name, paletteColor(categories.size));
  };
  const seats: ParsedSeat[] = [];
  const areas: ParsedArea[] = [];
  const seen = new Map<string, number>();
  const guids = new Set<string>();

  for (const record of lines) {
    const { line, fields } = record;
    const cell = (c: Column): string => {
      const i = index.get(c);
      return i === undefined ? '' : (fields[i] ?? '');
    };
    const col = (c: Column): number => index.get(c) ?? 0;
    const lastRequired = Math.max(...REQUIRED.map((c) => col(c)));
    if (fields.length <= lastRequired) {
      problem(line, null, `the line has ${fields.length} column${fields.length === 1 ? '' : 's'} but the header has ${header.fields.length}`);
      continue;
    }
    const number = (c: Column, fallback: number | null): number | null => {
      const raw = cell(c);
      if (raw === '' && fallback !== null) return fallback;
      const value = raw === '' ? NaN : Number(raw);
      if (!Number.isFinite(value)) {
        problem(line, col(c), raw === '' ? `the ${c} is empty; it must be a number` : `"${raw}" is not a number (use a point for decimals)`);
        return null;
      }
      return value;
    };
    const flag = (c: Column): boolean => {
      const raw = cell(c).toLowerCase();
      if (TRUE_WORDS.has(raw)) return true;
      if (!FALSE_WORDS.has(raw)) problem(line, col(c), `"${cell(c)}" is not yes/no, true/false or 1/0`);
      return false;
    };

    const section = cell('section');
    const row = cell('row');
    const seat = cell('seat');
    const category = cell('category');
    const x = number('x', null);
    const y = number('y', null);
    if (section === '') problem(line, col('section'), 'the section is empty');

    const ga = /^GA\s*:\s*(.*)$/i.exec(seat);
    const isStage = /^stage$/i.test(seat);
    if (row === '' && (ga || isStage)) {
      const width = number('width', isStage ? STAGE_SIZE.width : GA_SIZE.width);
      const height = number('height', isStage ? STAGE_SIZE.height : GA_SIZE.height);
      let capacity = 0;
      if (ga) {
        capacity = Number(ga[1]);
        if (!Number.isInteger(capacity) || capacity <= 0) {
          problem(line, col('seat'), `"${seat}" must give a whole number of places above zero, like GA:120`);
          continue;
        }
      }
      const key = `area\u0000${section}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problem(line, col('section'), `the area "${section}" is already defined on line ${earlier}`);
        continue;
      }
      seen.set(key, line);
      if (category !== '' && ga) declare(category);
      if (x === null || y === null || width === null || height === null || section === '') continue;
      // x and y name the area's centre, like a seat's.
      areas.push({
        name: section,
        shape: 'rectangle',
        x: x - width / 2,
        y: y - height / 2,
        width,
        height,
        rotation: 0,
        color: isStage ? STAGE_COLOR : category !== '' ? (categories.get(category) ?? DEFAULT_AREA_COLOR) : DEFAULT_AREA_COLOR,
        capacity,
        category: ga && category !== '' ? category : null,
      });
      continue;
    }

    if (row === '') problem(line, col('row'), 'the row is empty (only a general-admission line, seat GA:<places>, has no row)');
    if (seat === '') problem(line, col('seat'), 'the seat number is empty');
    if (category === '') problem(line, col('category'), 'the category is empty');
    const wheelchair = flag('wheelchair');
    const restrictedView = flag('restricted');
    if (section === '' || row === '' || seat === '' || category === '' || x === null || y === null) continue;
    const key = `seat\u0000${section}\u0000${row}\u0000${seat}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problem(line, col('seat'), `seat ${seat} of row ${row} in section "${section}" is already on line ${earlier}`);
      continue;
    }
    seen.set(key, line);
    // The guid only has to be unique in the plan; a dash-joined label is readable in exports.
    let guid = `${section}-${row}-${seat}`;
    while (guids.has(guid)) guid += '*';
    guids.add(guid);
    declare(category);
    seats.push({ guid, zone: section, row, number: seat, x, y, radius: DEFAULT_SEAT_RADIUS, category, wheelchair, restrictedView });
  }

  if (problems.length > 0) throw planInvalid(file, problems);
  return {
    ...extentOf(seats, areas),
    categories: [...categories].map(([name, color]) => ({ name, color })),
    seats,
    areas,
  };
}
