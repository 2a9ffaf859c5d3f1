/**
 * Writes assets/demo/lyric-theatre.seating.json, the demo theatre's plan, in the format pretix's
 * seating editor saves (zones → rows → seats, positions relative to their parent, uuids on every
 * object) plus Marquee's wheelchair/restricted_view flags. Run: npx tsx scripts/make-demo-plan.ts
 * The output is deterministic, so re-running it only changes the file when this script changes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sourceAssetsDir } from '../src-main/paths.ts';

interface Point {
  x: number;
  y: number;
}

const WIDTH = 1400;
const HEIGHT = 1240;
const CENTRE_X = WIDTH / 2;
/** Every row is an arc about this point, far behind the stage, so rows curve only gently. */
const ARC_CENTRE: Point = { x: CENTRE_X, y: -360 };
const SEAT_SPACING = 26;
const SEAT_RADIUS = 10;

/** A stable uuid-4-shaped id from a name, so the file does not churn between runs. */
function uuidFor(name: string): string {
  const h = createHash('sha1').update(`lyric-theatre:${name}`).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

interface SectionSpec {
  zone: string;
  category: string;
  rows: number;
  /** Seats in the front row; each row behind holds one more. */
  firstRowSeats: number;
  firstRadius: number;
  rowSpacing: number;
  wheelchair: (row: number, seat: number, seatsInRow: number, rows: number) => boolean;
  restricted: (row: number, seat: number, seatsInRow: number) => boolean;
}

const sections: SectionSpec[] = [
  {
    zone: 'Stalls',
    category: 'Stalls',
    rows: 14,
    firstRowSeats: 16,
    firstRadius: 560,
    rowSpacing: 32,
    // The rear row's end places have level access from the foyer.
    wheelchair: (row, seat, n, rows) => row === rows - 1 && (seat <= 2 || seat > n - 2),
    restricted: () => false,
  },
  {
    zone: 'Circle',
    category: 'Circle',
    rows: 8,
    firstRowSeats: 20,
    firstRadius: 1060,
    rowSpacing: 34,
    wheelchair: () => false,
    // The proscenium hides part of the stage from the ends of the front circle rows.
    restricted: (row, seat, n) => row < 3 && (seat === 1 || seat === n),
  },
  {
    zone: 'Balcony',
    category: 'Balcony',
    rows: 6,
    firstRowSeats: 16,
    firstRadius: 1360,
    rowSpacing: 34,
    wheelchair: () => false,
    restricted: (row, seat, n) => row < 2 && (seat === 1 || seat === n),
  },
];

const ROW_LETTERS = 'ABCDEFGHJKLMNOPQRSTUVWXYZ'; // theatres skip I

function seatPoint(radius: number, angle: number): Point {
  return { x: Math.round(ARC_CENTRE.x + radius * Math.sin(angle)), y: Math.round(ARC_CENTRE.y + radius * Math.cos(angle)) };
}

function makeZone(spec: SectionSpec) {
  const rowsAbsolute = Array.from({ length: spec.rows }, (_, ri) => {
    const radius = spec.firstRadius + ri * spec.rowSpacing;
    const n = spec.firstRowSeats + ri;
    const step = SEAT_SPACING / radius;
    // Seat 1 is at the left of the plan as the cashier looks at it (stage at the top).
    return Array.from({ length: n }, (_, si) => seatPoint(radius, -(si - (n - 1) / 2) * step));
  });
  const all = rowsAbsolute.flat();
  const zonePos: Point = { x: 0, y: Math.min(...all.map((p) => p.y)) - 20 };
  const zoneKey = spec.zone.toLowerCase();
  return {
    name: spec.zone,
    zone_id: zoneKey,
    uuid: uuidFor(`zone:${zoneKey}`),
    position: zonePos,
    rows: rowsAbsolute.map((points, ri) => {
      const letter = ROW_LETTERS[ri]!;
      const first = points[0]!;
      const rowPos: Point = { x: first.x - zonePos.x, y: first.y - zonePos.y };
      return {
        row_number: letter,
        row_number_position: 'both',
        uuid: uuidFor(`row:${zoneKey}:${letter}`),
        position: rowPos,
        seats: points.map((p, si) => {
          const number = si + 1;
          const seat: Record<string, unknown> = {
            seat_number: String(number),
            seat_guid: `${zoneKey}-${letter}-${number}`,
            uuid: uuidFor(`seat:${zoneKey}:${letter}:${number}`),
            position: { x: p.x - zonePos.x - rowPos.x, y: p.y - zonePos.y - rowPos.y },
            category: spec.category,
            radius: SEAT_RADIUS,
          };
          if (spec.wheelchair(ri, number, points.length, spec.rows)) seat.wheelchair = true;
          if (spec.restricted(ri, number, points.length)) seat.restricted_view = true;
          return seat;
        }),
      };
    }),
    areas: [],
  };
}

export function makeLyricTheatrePlan() {
  const stageZone = {
    name: 'Stage',
    zone_id: 'stage',
    uuid: uuidFor('zone:stage'),
    position: { x: 0, y: 0 },
    rows: [],
    areas: [
      {
        uuid: uuidFor('area:stage'),
        shape: 'rectangle',
        color: '#4a4a4a',
        border_color: '#222222',
        rotation: 0,
        position: { x: CENTRE_X - 250, y: 30 },
        rectangle: { width: 500, height: 90 },
        text: { text: 'Stage', color: '#ffffff', size: 24, position: { x: 250, y: 45 } },
      },
      {
        uuid: uuidFor('area:pit'),
        shape: 'ellipse',
        color: '#d9d9d9',
        border_color: '#9e9e9e',
        rotation: 0,
        position: { x: CENTRE_X, y: 148 },
        ellipse: { radius: { x: 160, y: 18 } },
        text: { text: 'Orchestra pit', color: '#555555', size: 12, position: { x: 0, y: 0 } },
      },
    ],
  };
  return {
    name: 'The Lyric Theatre',
    categories: [
      { name: 'Stalls', color: '#c0392b' },
      { name: 'Circle', color: '#2471a3' },
      { name: 'Balcony', color: '#229954' },
    ],
    zones: [stageZone, ...sections.map(makeZone)],
    size: { width: WIDTH, height: HEIGHT },
  };
}

/** Indented like the editor's export, but one seat a line so the file stays readable. */
export function formatPlan(plan: ReturnType<typeof makeLyricTheatrePlan>): string {
  const seats: string[] = [];
  const withMarkers = {
    ...plan,
    zones: plan.zones.map((z) => ({
      ...z,
      rows: z.rows.map((r) => ({
        ...r,
        seats: r.seats.map((s) => `@@seat${seats.push(JSON.stringify(s)) - 1}@@`),
      })),
    })),
  };
  return JSON.stringify(withMarkers, null, 2).replace(/"@@seat(\d+)@@"/g, (_, i: string) => seats[Number(i)]!) + '\n';
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) {
  const out = join(sourceAssetsDir, 'demo', 'lyric-theatre.seating.json');
  mkdirSync(dirname(out), { recursive: true });
  const plan = makeLyricTheatrePlan();
  writeFileSync(out, formatPlan(plan));
  const seatCount = plan.zones.reduce((n, z) => n + z.rows.reduce((m, r) => m + r.seats.length, 0), 0);
  console.log(`Wrote ${out}: ${seatCount} seats.`);
}
