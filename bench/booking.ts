import { getSeatMap } from '../src-main/catalog/seat-map.ts';
import { createPerformance } from '../src-main/catalog/create-performance.ts';
import type { Actor } from '../src-main/staff/actor.ts';
import { SalesEngine } from '../src-main/sales/engine.ts';
import { newId } from '../src-main/sales/ids.ts';
import { openTempBoxOffice } from '../test/helpers/temp-box-office.ts';
import { seedShow } from '../test/sales/fixtures.ts';
import { median, percentile, row, type BenchArea } from './types.ts';

const SEATS = 2000; // 40 rows x 50
const ROUNDS = 5;

function timeEach(count: number, fn: (i: number) => void): { perSecond: number; latenciesMs: number[] } {
  const latenciesMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    fn(i);
    latenciesMs.push(performance.now() - t);
  }
  return { perSecond: count / ((performance.now() - started) / 1000), latenciesMs };
}

/**
 * The booking engine beside the raw floor, all on one records file with the app's own PRAGMAs
 * (WAL, synchronous=NORMAL): the floor is the least a hold can cost in better-sqlite3, one
 * BEGIN IMMEDIATE transaction with one conditional UPDATE and one INSERT.
 */
export const bookingBench: BenchArea = {
  area: 'booking',
  async run() {
    const temp = openTempBoxOffice();
    try {
      const { office } = temp;
      const db = office.records.$client;
      const show = seedShow(office, { rows: 40, seatsPerRow: 50, standing: 0 });
      const engine = new SalesEngine(office);
      const actor: Actor = { stationId: office.identity.id, staffId: newId(), role: 'cashier' };

      db.exec(`CREATE TABLE bench_units (id INTEGER PRIMARY KEY, state TEXT NOT NULL, hold_id TEXT);
               CREATE TABLE bench_holds (id TEXT PRIMARY KEY, unit_id INTEGER NOT NULL, at INTEGER NOT NULL);
               CREATE TABLE bench_int_holds (id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL, at INTEGER NOT NULL)`);
      const fill = db.prepare(`INSERT INTO bench_units (id, state) VALUES (?, 'available')`);
      db.transaction(() => {
        for (let i = 1; i <= SEATS; i++) fill.run(i);
      })();
      const claim = db.prepare(`UPDATE bench_units SET state = 'held', hold_id = ? WHERE id = ? AND state = 'available'`);
      const log = db.prepare(`INSERT INTO bench_holds (id, unit_id, at) VALUES (?, ?, ?)`);
      const logInt = db.prepare(`INSERT INTO bench_int_holds (unit_id, at) VALUES (?, ?)`);
      // The id is the engine's own (newId, ~0.5 µs): the ulid package's ulid() costs ~0.2 ms a
      // call here and made the floor look five times slower than it is.
      const floorTx = db.transaction((id: number) => {
        const holdId = newId();
        if (claim.run(holdId, id).changes !== 1) throw new Error('floor seat taken');
        log.run(holdId, id, Date.now());
      });
      // For information: the same with an integer key, i.e. no id to make and no key index to write.
      const intFloorTx = db.transaction((id: number) => {
        const holdId = logInt.run(id, Date.now()).lastInsertRowid;
        if (claim.run(String(holdId), id).changes !== 1) throw new Error('floor seat taken');
      });

      const floorRates: number[] = [];
      const intFloorRates: number[] = [];
      const floorLatencies: number[] = [];
      const holdRates: number[] = [];
      const holdLatencies: number[] = [];
      const bookRates: number[] = [];
      const bookLatencies: number[] = [];
      const mapEngine: number[] = [];
      const mapRaw: number[] = [];
      const mapScreen: number[] = [];
      const rawSelect = db.prepare(`SELECT id, state, hold_expires_at FROM units WHERE performance_id = ?`).raw();

      for (let round = 0; round < ROUNDS; round++) {
        // Interleaved so that a slow moment on the shared machine hurts floor and engine alike.
        db.exec(`UPDATE bench_units SET state = 'available', hold_id = NULL; DELETE FROM bench_holds`);
        const floor = timeEach(SEATS, (i) => floorTx.immediate(i + 1));
        floorRates.push(floor.perSecond);
        floorLatencies.push(...floor.latenciesMs);
        db.exec(`UPDATE bench_units SET state = 'available', hold_id = NULL; DELETE FROM bench_int_holds`);
        intFloorRates.push(timeEach(SEATS, (i) => intFloorTx.immediate(i + 1)).perSecond);

        const holdPerf = createPerformance(office.records, { eventId: show.eventId, planId: show.planId, startsAt: Date.now() + 86_400_000 }).id;
        const ids = engine.availability(holdPerf).map(([id]) => id);
        const holds = timeEach(ids.length, (i) => engine.holdSeats(actor, { performanceId: holdPerf, unitIds: [ids[i]!] }));
        holdRates.push(holds.perSecond);
        holdLatencies.push(...holds.latenciesMs);

        const bookPerf = createPerformance(office.records, { eventId: show.eventId, planId: show.planId, startsAt: Date.now() + 86_400_000 }).id;
        const pairIds = engine.availability(bookPerf).map(([id]) => id);
        const pairs: { holdId: string; unitIds: number[] }[] = [];
        for (let i = 0; i + 1 < pairIds.length; i += 2) pairs.push(engine.holdSeats(actor, { performanceId: bookPerf, unitIds: [pairIds[i]!, pairIds[i + 1]!] }));
        const books = timeEach(pairs.length, (i) => {
          const pair = pairs[i]!;
          engine.book(actor, {
            holdId: pair.holdId,
            lines: pair.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
            payments: [{ method: 'cash', amountMinor: 5000, tenderedMinor: 6000 }],
          });
        });
        bookRates.push(books.perSecond);
        bookLatencies.push(...books.latenciesMs);

        // Availability of a 2,000-seat performance with a mix of states, beside a raw SELECT of the same rows.
        for (let k = 0; k < 20; k++) {
          let t = performance.now();
          rawSelect.all(holdPerf);
          mapRaw.push(performance.now() - t);
          t = performance.now();
          engine.availability(holdPerf);
          mapEngine.push(performance.now() - t);
          t = performance.now();
          getSeatMap(office.records, holdPerf, Date.now());
          mapScreen.push(performance.now() - t);
        }
      }

      const floor = median(floorRates);
      const floorP99 = percentile(floorLatencies, 99);
      const raw = median(mapRaw);
      return [
        row('raw floor: UPDATE + INSERT transactions', floor, 'tx/s', floor, 'the floor itself', () => true),
        row('raw floor with integer ids (info)', median(intFloorRates), 'tx/s', floor, 'information only', () => true),
        row('engine holds (1 seat each)', median(holdRates), 'holds/s', floor, 'ratio >= 0.5', (_v, r) => r >= 0.5),
        row('engine books (2 tickets + cash)', median(bookRates), 'orders/s', floor, '>= 3000 orders/s', (v) => v >= 3000),
        row('availability map, 2,000 seats', median(mapEngine), 'ms', raw, 'ratio <= 1.5', (_v, r) => r <= 1.5),
        row('seat-map screen read, 2,000 seats (info)', median(mapScreen), 'ms', raw, 'information only', () => true),
        row('p99 hold latency', percentile(holdLatencies, 99), 'ms', floorP99, '<= 5 ms', (v) => v <= 5),
        row('p99 book latency', percentile(bookLatencies, 99), 'ms', floorP99, '<= 5 ms', (v) => v <= 5),
      ];
    } finally {
      temp.dispose();
    }
  },
};
