import { afterEach, expect, it } from 'vitest';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { checkInvariants } from '../../src-main/sales/invariants.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { addStation, at, seedShow, seedStaff } from './fixtures.ts';

let temp: TempBoxOffice | null = null;
afterEach(() => temp?.dispose());

interface Outcome {
  won: number[][];
  lost: { pair: number[]; named: number[] }[];
}

/** Starts a window process; resolves once it has opened its databases, with a way to start it racing. */
function startWindow<T = Outcome>(data: object): Promise<{ child: ChildProcess; go: () => Promise<T> }> {
  const child = fork(fileURLToPath(new URL('./race-worker.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  child.send(data);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('message', () =>
      resolve({
        child,
        go: () =>
          new Promise<T>((done, fail) => {
            child.once('message', (m) => done(m as T));
            child.once('exit', (code) => code !== 0 && fail(new Error(`race window exited with ${code}`)));
            child.send('go');
          }),
      }),
    );
  });
}

it('two windows on separate connections race for the same seats: each pair goes to exactly one', async () => {
  temp = openTempBoxOffice();
  const show = seedShow(temp.office, { rows: 10, seatsPerRow: 20, standing: 0 });
  const people = seedStaff(temp.office);
  const w1 = at(people.cashier, addStation(temp.office, 'Window 1'));
  const w2 = at(people.manager, addStation(temp.office, 'Window 2'));
  // Overlapping pairs (1-2, 2-3, ...) so the windows collide constantly, in opposite orders.
  const ids = show.seatUnitIds;
  const pairs = ids.slice(0, -1).map((id, i) => [id, ids[i + 1]!]);
  const windows = await Promise.all([
    startWindow({ kind: 'hold', dataDir: temp.dataDir, actor: w1, performanceId: show.performanceId, pairs }),
    startWindow({ kind: 'hold', dataDir: temp.dataDir, actor: w2, performanceId: show.performanceId, pairs: [...pairs].reverse() }),
  ]);
  const [a, b] = (await Promise.all(windows.map((w) => w.go()))) as [Outcome, Outcome];
  const owner = new Map<number, string>();
  for (const [who, outcome] of [[w1.stationId, a], [w2.stationId, b]] as const) {
    for (const pair of outcome.won) {
      for (const id of pair) {
        expect(owner.has(id), `unit ${id} sold twice`).toBe(false);
        owner.set(id, who);
      }
    }
    // Every refusal names at least one seat of the pair, and that seat really belonged to someone.
    for (const { pair, named } of outcome.lost) {
      expect(named.length).toBeGreaterThan(0);
      for (const id of named) expect(pair).toContain(id);
    }
  }
  expect(a.won.length + b.won.length).toBeGreaterThan(0);
  const rows = temp.office.records.all<{ id: number; state: string; station: string | null }>(
    sql`select id, state, hold_station_id as station from units where performance_id = ${show.performanceId}`,
  );
  for (const row of rows) {
    if (owner.has(row.id)) {
      expect(row.state).toBe('held');
      expect(row.station).toBe(owner.get(row.id));
    } else expect(row.state).toBe('available');
  }
  expect(checkInvariants(temp.office.records.$client, Date.now())).toEqual([]);
});

it('in one process, the second window gets SEATS_UNAVAILABLE naming the contested seats', () => {
  temp = openTempBoxOffice();
  const show = seedShow(temp.office);
  const people = seedStaff(temp.office);
  const engine = new SalesEngine(temp.office);
  const w2 = at(people.cashier, addStation(temp.office, 'Window 2'));
  const wanted = [show.unit('Stalls B-3'), show.unit('Stalls B-4')];
  const winner = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: wanted });
  expect(() => engine.holdSeats(w2, { performanceId: show.performanceId, unitIds: wanted })).toThrow(/Seats Stalls, row B, seat 3 and Stalls, row B, seat 4 are no longer available/);
  // Booking needs the hold's own window, so the loser cannot book the winner's seats either.
  expect(() =>
    engine.book(w2, { holdId: winner.holdId, lines: wanted.map((unitId) => ({ unitId, priceBandId: show.bands.adult })), payments: [{ method: 'cash', amountMinor: 5000 }] }),
  ).toThrow(/another window/);
});

it('the same sale requests sent from two connections at once (a window retrying a lost answer) sell each basket once', async () => {
  temp = openTempBoxOffice();
  const show = seedShow(temp.office, { rows: 8, seatsPerRow: 10, standing: 0 });
  const people = seedStaff(temp.office);
  const engine = new SalesEngine(temp.office);
  const window = at(people.cashier, addStation(temp.office, 'Window 1'));
  // One basket held per request; both processes send every request with the same key.
  const ids = show.seatUnitIds;
  const requests = [];
  for (let i = 0; i + 1 < ids.length; i += 2) {
    const hold = engine.holdSeats(window, { performanceId: show.performanceId, unitIds: [ids[i]!, ids[i + 1]!] });
    requests.push({ key: ulid(), holdId: hold.holdId, unitIds: hold.unitIds });
  }
  const job = { kind: 'book', dataDir: temp.dataDir, actor: window, bandId: show.bands.adult, requests };
  type Answers = { answers: { key: string; orderId: string | null; error: string | null }[] };
  const senders = await Promise.all([startWindow<Answers>(job), startWindow<Answers>(job)]);
  const [a, b] = (await Promise.all(senders.map((s) => s.go()))) as [Answers, Answers];
  // Neither process was refused (a spent hold) and both heard of the same order for every key.
  expect(a.answers.filter((x) => x.error)).toEqual([]);
  expect(b.answers.filter((x) => x.error)).toEqual([]);
  expect(b.answers.map((x) => x.orderId)).toEqual(a.answers.map((x) => x.orderId));
  const db = temp.office.records.$client;
  expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(requests.length);
  expect(db.prepare('SELECT count(*) FROM sale_requests').pluck().get()).toBe(requests.length);
  expect(checkInvariants(db, Date.now())).toEqual([]);
});
