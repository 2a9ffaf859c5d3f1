import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monotonicFactory, ulid } from 'ulid';
import type { BoxOffice } from '../src-main/core/box-office.ts';
import { venues } from '../src-main/db/records/schema.ts';
import { loadDemo } from '../src-main/demo/load-demo.ts';
import { sourceAssetsDir } from '../src-main/paths.ts';
import { importSeatingPlan } from '../src-main/plans/import-plan.ts';
import { hashPin } from '../src-main/staff/pin.ts';
import { timeOnce, withBenchOffice } from './bench-office.ts';
import { median, row, type BenchArea, type BenchRow } from './types.ts';

const RUNS = 7;

/** The least any importer must do: parse the text and insert one row a seat with a prepared statement. */
function rawImport(office: BoxOffice, content: string): void {
  const plan = JSON.parse(content) as { zones: { rows: { seats: { seat_guid: string; seat_number: string; category: string }[] }[] }[] };
  const db = office.records.$client;
  const nextId = monotonicFactory();
  const planId = nextId();
  const venueId = nextId();
  db.prepare('insert into venues (id, name) values (?, ?)').run(venueId, 'raw');
  db.prepare("insert into seating_plans (id, venue_id, name, source, source_file, width, height) values (?, ?, 'raw', 'pretix', 'raw.json', 1, 1)").run(planId, venueId);
  const insert = db.prepare("insert into plan_seats (id, plan_id, guid, zone, row, number, x, y, category) values (?, ?, ?, 'z', 'r', ?, 0, 0, ?)");
  db.transaction(() => {
    for (const z of plan.zones) for (const r of z.rows) for (const s of r.seats) insert.run(nextId(), planId, s.seat_guid, s.seat_number, s.category);
  })();
}

export const plansBench: BenchArea = {
  area: 'plans',
  async run(): Promise<BenchRow[]> {
    const content = readFileSync(join(sourceAssetsDir, 'demo', 'lyric-theatre.seating.json'), 'utf8');
    const importTimes: number[] = [];
    const rawTimes: number[] = [];
    const demoTimes: number[] = [];
    const pinTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      withBenchOffice('plans', (office) => {
        const venueId = ulid();
        office.records.insert(venues).values({ id: venueId, name: 'Bench' }).run();
        importTimes.push(timeOnce(() => importSeatingPlan(office.records, { venueId, name: 'Bench', format: 'pretix', fileName: 'lyric.json', content })));
      });
      withBenchOffice('plans', (office) => rawTimes.push(timeOnce(() => rawImport(office, content))));
      withBenchOffice('plans', (office) => demoTimes.push(timeOnce(() => loadDemo(office.records, { now: Date.now() }))));
      // The demo hashes three PINs with scrypt: a cost it cannot avoid.
      pinTimes.push(timeOnce(() => [1, 2, 3].forEach(() => hashPin('1234'))));
    }
    return [
      row('import 614-seat pretix plan', median(importTimes), 'ms', median(rawTimes), 'ratio <= 6 (validation, ranks, areas)', (_v, r) => r <= 6),
      row('load demo (plans, 17 performances, ~8k units, 3 PINs)', median(demoTimes), 'ms', median(pinTimes), '<= 1500 ms', (v) => v <= 1500),
    ];
  },
};
