import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock.ts';
import { writeSetting } from '../../src-main/core/settings.ts';
import { rebuildRollups } from '../../src-main/reports/rebuild-rollups.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { addStation, seedAnotherPerformance, seedShow, seedStaff } from '../sales/fixtures.ts';
import { allRollups, naiveCheckIns, naiveFineCells, rollupCells } from './naive-figures.ts';

/**
 * Random sales, refunds (whole and part), exchanges, reservations collected or cancelled,
 * check-ins and their undoing, from three people at two windows, over days that cross the venue's
 * midnight: afterwards the rollups equal the naive GROUP BY over the ledger at every grain, and a
 * rebuild from the ledger gives back exactly the rollups that were kept up to date.
 */

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 20);
// A zone without summer time, so the naive SQL can take days with a fixed offset.
const ZONE = 'Etc/GMT-2';
const OFFSET = 2;

type Cmd =
  | { op: 'sell'; who: number; perf: number; seats: number[]; band: number; method: number; discount: boolean }
  | { op: 'refund'; who: number; order: number; part: boolean }
  | { op: 'exchange'; who: number; order: number; perf: number; seat: number; band: number }
  | { op: 'reserve'; who: number; perf: number; seats: number[] }
  | { op: 'collect'; who: number; r: number; band: number }
  | { op: 'cancel'; who: number; r: number }
  | { op: 'checkIn'; who: number; t: number }
  | { op: 'undo'; who: number; t: number }
  | { op: 'wait'; hours: number };

const who = fc.nat(2);
const n = fc.nat(1000);
const seats = fc.uniqueArray(fc.nat(41), { minLength: 1, maxLength: 3 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('sell' as const), who, perf: fc.nat(1), seats, band: fc.nat(2), method: fc.nat(1), discount: fc.boolean() }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('refund' as const), who, order: n, part: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('exchange' as const), who, order: n, perf: fc.nat(1), seat: fc.nat(41), band: fc.nat(2) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('reserve' as const), who, perf: fc.nat(1), seats }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('collect' as const), who, r: n, band: fc.nat(2) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('cancel' as const), who, r: n }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('checkIn' as const), who, t: n }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('undo' as const), who, t: n }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }), weight: 2 },
);

const opened: TempBoxOffice[] = [];
afterAll(() => {
  for (const t of opened.splice(0)) t.dispose();
});

/** How many of each operation went through, over every run: the random mix must really sell, refund and exchange. */
const done = new Map<string, number>();

/** Refusals (seat taken, nothing left to refund) are part of the game; anything else is a bug. */
function attempt(op: string, fn: () => void): void {
  try {
    fn();
    done.set(op, (done.get(op) ?? 0) + 1);
  } catch (error) {
    if (!(error instanceof MarqueeError)) throw error;
  }
}

function run(cmds: Cmd[]): void {
  const clock = new ManualClock(T0);
  const temp = openTempBoxOffice({ clock });
  opened.push(temp);
  const { office } = temp;
  writeSetting(office.records, 'venue.timeZone', ZONE);
  const show = seedShow(office, { startsAt: T0 + 40 * 24 * HOUR });
  const perfs = [show.performanceId, seedAnotherPerformance(office, show, T0 + 45 * 24 * HOUR)];
  const people = seedStaff(office);
  const window2 = addStation(office, 'Window 2');
  const actors: Actor[] = [people.manager, { ...people.admin, stationId: window2 }, { ...people.manager, stationId: window2 }];
  const engine = new SalesEngine(office);
  engine.createDiscountCode(people.manager, { code: 'HALF', kind: 'percent', value: 5000 });
  const db = office.records.$client;
  const unitsOf = perfs.map((p) => db.prepare('SELECT id FROM units WHERE performance_id = ? ORDER BY id').pluck().all(p) as number[]);
  const bands = [show.bands.adult, show.bands.concession, show.bands.taxAdded];
  const orders: string[] = [];
  const reservations: string[] = [];
  const tickets: { id: string; code: string; perf: string }[] = [];
  const pick = <T,>(list: T[], i: number) => (list.length ? list[i % list.length] : undefined);
  const sold = (r: { order: { id: string }; tickets: { ticketId: string; code: string }[] }, perf: string) => {
    orders.push(r.order.id);
    for (const t of r.tickets) tickets.push({ id: t.ticketId, code: t.code, perf });
  };
  for (const c of cmds) {
    if (c.op === 'wait') {
      clock.advance(c.hours * HOUR);
      continue;
    }
    const actor = actors[c.who]!;
    attempt(c.op, () => {
      switch (c.op) {
        case 'sell': {
          const unitIds = c.seats.map((s) => unitsOf[c.perf]![s]!);
          const hold = engine.holdSeats(actor, { performanceId: perfs[c.perf]!, unitIds });
          const lines = unitIds.map((unitId) => ({ unitId, priceBandId: bands[c.band]! }));
          const discountCode = c.discount ? 'HALF' : undefined;
          const due = engine.quote(actor, { holdId: hold.holdId, lines, discountCode }).totalMinor;
          const method = c.method === 0 ? 'card' : 'cash';
          sold(engine.book(actor, { holdId: hold.holdId, lines, discountCode, payments: [{ method, amountMinor: due, ...(method === 'cash' ? { tenderedMinor: due } : {}) }] }), perfs[c.perf]!);
          break;
        }
        case 'refund': {
          const orderId = pick(orders, c.order);
          if (!orderId) return;
          const valid = engine.getOrder(orderId).tickets.filter((t) => t.state === 'valid');
          engine.refund(actor, { orderId, method: 'cash', ...(c.part && valid.length > 1 ? { ticketIds: [valid[0]!.id] } : {}) });
          break;
        }
        case 'exchange': {
          const orderId = pick(orders, c.order);
          if (!orderId) return;
          const valid = engine.getOrder(orderId).tickets.filter((t) => t.state === 'valid');
          if (!valid.length) return;
          const unitId = unitsOf[c.perf]![c.seat]!;
          const hold = engine.holdSeats(actor, { performanceId: perfs[c.perf]!, unitIds: [unitId] });
          const lines = [{ unitId, priceBandId: bands[c.band]! }];
          const difference = engine.quote(actor, { holdId: hold.holdId, lines }).totalMinor - valid[0]!.totalMinor;
          const payments = difference > 0 ? [{ method: 'card' as const, amountMinor: difference }] : undefined;
          const r = engine.exchange(actor, { orderId, ticketIds: [valid[0]!.id], holdId: hold.holdId, lines, payments, refundMethod: 'cash' });
          sold({ order: r.newOrder, tickets: r.tickets }, perfs[c.perf]!);
          break;
        }
        case 'reserve': {
          const unitIds = c.seats.map((s) => unitsOf[c.perf]![s]!);
          const hold = engine.holdSeats(actor, { performanceId: perfs[c.perf]!, unitIds });
          reservations.push(engine.reserveSeats(actor, { holdId: hold.holdId, customer: { name: 'Rae', phone: '0123' } }).id);
          break;
        }
        case 'collect': {
          const reservationId = pick(reservations, c.r);
          if (!reservationId) return;
          const r = engine.getReservation(reservationId);
          const unitIds = db.prepare(`SELECT id FROM units WHERE reservation_id = ? AND state = 'reserved'`).pluck().all(reservationId) as number[];
          const lines = unitIds.map((unitId) => ({ unitId, priceBandId: bands[c.band]! }));
          const due = engine.quote(actor, { reservationId, lines }).totalMinor;
          sold(engine.book(actor, { reservationId, lines, payments: [{ method: 'card', amountMinor: due }] }), r.performanceId);
          break;
        }
        case 'cancel': {
          const reservationId = pick(reservations, c.r);
          if (reservationId) engine.cancelReservation(actor, { reservationId });
          break;
        }
        case 'checkIn': {
          const t = pick(tickets, c.t);
          if (t) engine.checkIn(actor, { code: t.code, performanceId: t.perf });
          break;
        }
        case 'undo': {
          const t = pick(tickets, c.t);
          if (t) engine.undoCheckIn(actor, { ticketId: t.id });
          break;
        }
      }
    });
  }
  const kept = rollupCells(db);
  expect(kept.fine).toEqual(naiveFineCells(db, OFFSET));
  expect(kept.checkIns).toEqual(naiveCheckIns(db));
  for (const c of kept.coarse) expect(c.kept, `grain ${c.grain}`).toEqual(c.fromFine);
  const before = allRollups(db);
  rebuildRollups(db);
  expect(allRollups(db)).toEqual(before);
}

/** One run that surely does every kind of operation, before the random ones. */
const everyOperation: Cmd[] = [
  { op: 'sell', who: 0, perf: 0, seats: [0, 1, 2], band: 0, method: 0, discount: true },
  { op: 'wait', hours: 5 },
  { op: 'refund', who: 1, order: 0, part: true },
  { op: 'exchange', who: 2, order: 0, perf: 1, seat: 5, band: 1 },
  { op: 'reserve', who: 0, perf: 1, seats: [10, 11] },
  { op: 'wait', hours: 20 },
  { op: 'collect', who: 1, r: 0, band: 2 },
  { op: 'checkIn', who: 0, t: 2 },
  { op: 'undo', who: 0, t: 2 },
  { op: 'checkIn', who: 1, t: 3 },
  { op: 'sell', who: 1, perf: 1, seats: [20], band: 1, method: 1, discount: false },
];

it('rollups equal the naive GROUP BY over the ledger after random operations, and a rebuild gives them back', () => {
  fc.assert(
    fc.property(fc.array(cmd, { minLength: 5, maxLength: 40 }), (cmds) => run(cmds)),
    { numRuns: Number(process.env.ROLLUP_RUNS ?? 15), examples: [[everyOperation]] },
  );
  for (const op of ['sell', 'refund', 'exchange', 'reserve', 'collect', 'checkIn', 'undo']) expect(done.get(op) ?? 0, op).toBeGreaterThan(0);
});
