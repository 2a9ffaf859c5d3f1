import { afterAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { ManualClock } from '../../src-main/core/clock.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { checkInvariants } from '../../src-main/sales/invariants.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedAnotherPerformance, seedShow } from './fixtures.ts';

/**
 * Random sequences of operations from three windows, run against the real engine and a plain
 * in-memory model side by side. After every step: the outcome (success or error code) matches the
 * model, every unit's state and owner match, and the engine's invariants hold (one claim per unit,
 * states add up to capacity, payments = total − refunds, the ledger replays to the current state).
 * Every sale, reservation, refund and exchange carries a request key, and `retry` repeats one that
 * went through: it must answer exactly as the first time and change nothing.
 */

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 22, 10);

type UnitState = 'available' | 'held' | 'reserved' | 'booked' | 'blocked';
interface MUnit { perf: number; state: UnitState; owner: string | null }
interface MHold { id: string; station: number; perf: number; expiresAt: number; row: boolean }
interface MReservation { id: string; state: 'active' | 'collected' | 'cancelled' | 'expired'; deadline: number | null; units: number[] }
interface MTicket { id: string; code: string; unit: number; perf: number; order: string; total: number; state: 'valid' | 'refunded' | 'exchanged'; checkedIn: boolean }
interface MBlock { id: string; state: 'active' | 'released'; releaseAt: number | null; units: number[] }

type Cmd =
  | { op: 'hold'; s: number; p: number; picks: number[] }
  | { op: 'holdBest'; s: number; p: number; qty: number }
  | { op: 'release'; s: number; h: number }
  | { op: 'reserve'; s: number; h: number; deadline: boolean }
  | { op: 'book'; s: number; h: number; band: number; split: boolean }
  | { op: 'collect'; s: number; r: number; band: number }
  | { op: 'cancel'; s: number; r: number }
  | { op: 'refund'; s: number; o: number; partial: boolean }
  | { op: 'exchange'; s: number; o: number; h: number }
  | { op: 'advance'; minutes: number }
  | { op: 'sweep' }
  | { op: 'checkIn'; s: number; t: number; p: number }
  | { op: 'undoCheckIn'; s: number; t: number }
  | { op: 'block'; s: number; p: number; picks: number[]; release: boolean }
  | { op: 'releaseBlock'; s: number; b: number }
  | { op: 'retry'; n: number };

const station = fc.nat(2);
const perf = fc.nat(1);
const pick = fc.nat(1000);
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('hold' as const), s: station, p: perf, picks: fc.array(pick, { minLength: 1, maxLength: 3 }) }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('holdBest' as const), s: station, p: perf, qty: fc.integer({ min: 1, max: 4 }) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('release' as const), s: station, h: pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('reserve' as const), s: station, h: pick, deadline: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('book' as const), s: station, h: pick, band: fc.nat(3), split: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ op: fc.constant('collect' as const), s: station, r: pick, band: fc.nat(3) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('cancel' as const), s: station, r: pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('refund' as const), s: station, o: pick, partial: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('exchange' as const), s: station, o: pick, h: pick }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('advance' as const), minutes: fc.integer({ min: 1, max: 8 }) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('sweep' as const) }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('checkIn' as const), s: station, t: pick, p: perf }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('undoCheckIn' as const), s: station, t: pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('block' as const), s: station, p: perf, picks: fc.array(pick, { minLength: 1, maxLength: 2 }), release: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('releaseBlock' as const), s: station, b: pick }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('retry' as const), n: pick }), weight: 2 },
);

const opened: TempBoxOffice[] = [];
const stats = new Map<string, number>();
afterAll(() => {
  for (const t of opened.splice(0)) t.dispose();
});

function outcome(fn: () => unknown): { ok: true; value: unknown } | { ok: false; code: string } {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof MarqueeError) return { ok: false, code: error.code };
    throw error;
  }
}

function runScenario(cmds: Cmd[]): void {
  const clock = new ManualClock(T0);
  const temp = openTempBoxOffice({ clock });
  opened.push(temp);
  try {
    const show = seedShow(temp.office, { rows: 2, seatsPerRow: 4, standing: 3 });
    const perfIds = [show.performanceId, seedAnotherPerformance(temp.office, show, T0 + 86_400_000 * 3)];
    const engine = new SalesEngine(temp.office);
    const db = temp.office.records.$client;
    // Managers at every window, so role checks never get in the way of the model's questions.
    const actors: Actor[] = [0, 1, 2].map(() => ({ stationId: ulid(), staffId: ulid(), role: 'manager' }));
    const bandIds = [show.bands.adult, show.bands.concession, show.bands.comp, show.bands.taxAdded];
    const bandTotal = [2500, 1800, 0, 1100];
    const units = new Map<number, MUnit>();
    for (const row of db.prepare('SELECT id, performance_id AS p, seat_id AS seat FROM units ORDER BY id').all() as { id: number; p: string }[]) {
      units.set(row.id, { perf: perfIds.indexOf(row.p), state: 'available', owner: null });
    }
    const unitsOf = (p: number) => [...units.entries()].filter(([, u]) => u.perf === p).map(([id]) => id);
    const holds: MHold[] = [];
    const reservations: MReservation[] = [];
    const orders: { id: string; tickets: string[] }[] = [];
    const tickets: MTicket[] = [];
    const blocks: MBlock[] = [];
    // Requests that went through, each with a way to send it again exactly (same window, same key).
    const answered: { again: () => unknown; value: unknown }[] = [];
    const once = (fn: () => unknown) => {
      const got = outcome(fn);
      if (got.ok) answered.push({ again: fn, value: JSON.parse(JSON.stringify(got.value)) });
      return got;
    };
    const holdOf = (id: string) => holds.find((h) => h.id === id)!;
    const effective = (id: number): UnitState => {
      const u = units.get(id)!;
      return u.state === 'held' && holdOf(u.owner!).expiresAt <= clock.now() ? 'available' : u.state;
    };
    const free = (id: number) => effective(id) === 'available';
    const liveHoldError = (h: MHold, s: number): string | null =>
      !h.row || h.expiresAt <= clock.now() ? 'HOLD_EXPIRED' : h.station !== s ? 'FORBIDDEN' : null;
    const heldBy = (h: MHold) => [...units.entries()].filter(([, u]) => u.state === 'held' && u.owner === h.id).map(([id]) => id);
    const setUnits = (ids: number[], state: UnitState, owner: string | null) => {
      for (const id of ids) units.set(id, { ...units.get(id)!, state, owner });
    };
    const recordSale = (result: { order: { id: string }; tickets: { ticketId: string; unitId: number; code: string; totalMinor: number }[] }, p: number) => {
      orders.push({ id: result.order.id, tickets: result.tickets.map((t) => t.ticketId) });
      for (const t of result.tickets) {
        tickets.push({ id: t.ticketId, code: t.code, unit: t.unitId, perf: p, order: result.order.id, total: t.totalMinor, state: 'valid', checkedIn: false });
        units.set(t.unitId, { ...units.get(t.unitId)!, state: 'booked', owner: t.ticketId });
      }
    };
    const expectOutcome = (got: ReturnType<typeof outcome>, expected: string | null, cmd: Cmd) => {
      if (process.env.MODEL_STATS && got.ok) stats.set(`${cmd.op}:ok`, (stats.get(`${cmd.op}:ok`) ?? 0) + 1);
      expect(got.ok ? 'OK' : got.code, JSON.stringify(cmd)).toBe(expected ?? 'OK');
    };
    const at = <T,>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
    // Mostly a hold that can still be used, sometimes any hold (spent, expired) to test the refusals.
    const pickHold = (n: number): MHold | undefined => {
      const live = holds.filter((h) => h.row && h.expiresAt > clock.now());
      return n % 4 !== 0 && live.length ? at(live, n >> 2) : at(holds, n);
    };
    // Mostly the hold's own window, sometimes another one.
    const windowFor = (h: MHold, s: number) => (s === 2 ? (h.station + 1) % 3 : h.station);
    const payFor = (total: number, split: boolean) =>
      total === 0 ? [] : split && total > 1 ? [{ method: 'card' as const, amountMinor: Math.floor(total / 2), reference: 'X' }, { method: 'cash' as const, amountMinor: total - Math.floor(total / 2), tenderedMinor: total }] : [{ method: 'cash' as const, amountMinor: total }];

    for (const cmd of cmds) {
      const now = clock.now();
      switch (cmd.op) {
        case 'hold': {
          const pool = unitsOf(cmd.p);
          const ids = [...new Set(cmd.picks.map((n) => pool[n % pool.length]!))];
          const got = outcome(() => engine.holdSeats(actors[cmd.s]!, { performanceId: perfIds[cmd.p]!, unitIds: ids }));
          expectOutcome(got, ids.every(free) ? null : 'SEATS_UNAVAILABLE', cmd);
          if (got.ok) {
            const { holdId, expiresAt } = got.value as { holdId: string; expiresAt: number };
            holds.push({ id: holdId, station: cmd.s, perf: cmd.p, expiresAt, row: true });
            setUnits(ids, 'held', holdId);
          }
          break;
        }
        case 'holdBest': {
          // Seats first; when the seats cannot take the party, standing places make up the rest (docs/booking.md).
          const freeSeats = unitsOf(cmd.p).filter((id) => free(id));
          const got = outcome(() => engine.holdBestAvailable(actors[cmd.s]!, { performanceId: perfIds[cmd.p]!, quantity: cmd.qty }));
          expectOutcome(got, freeSeats.length >= cmd.qty ? null : 'SEATS_UNAVAILABLE', cmd);
          if (got.ok) {
            const { holdId, expiresAt, unitIds } = got.value as { holdId: string; expiresAt: number; unitIds: number[] };
            expect(unitIds).toHaveLength(cmd.qty);
            for (const id of unitIds) expect(freeSeats).toContain(id);
            if (freeSeats.filter(isSeat).length >= cmd.qty) expect(unitIds.every(isSeat)).toBe(true);
            holds.push({ id: holdId, station: cmd.s, perf: cmd.p, expiresAt, row: true });
            setUnits(unitIds, 'held', holdId);
          }
          break;
        }
        case 'release': {
          const h = pickHold(cmd.h);
          if (!h) break;
          cmd.s = windowFor(h, cmd.s);
          const got = outcome(() => engine.releaseHold(actors[cmd.s]!, { holdId: h.id }));
          expectOutcome(got, h.row && h.station !== cmd.s ? 'FORBIDDEN' : null, cmd);
          if (got.ok && h.row) {
            setUnits(heldBy(h), 'available', null);
            h.row = false;
          }
          break;
        }
        case 'reserve': {
          const h = pickHold(cmd.h);
          if (!h) break;
          cmd.s = windowFor(h, cmd.s);
          const deadlineAt = cmd.deadline ? now + 15 * MIN : undefined;
          const idempotencyKey = ulid();
          const got = once(() => engine.reserveSeats(actors[cmd.s]!, { holdId: h.id, customer: { name: 'Model', phone: '1' }, deadlineAt, idempotencyKey }));
          expectOutcome(got, liveHoldError(h, cmd.s), cmd);
          if (got.ok) {
            const r = got.value as { id: string };
            const ids = heldBy(h);
            reservations.push({ id: r.id, state: 'active', deadline: deadlineAt ?? null, units: ids });
            setUnits(ids, 'reserved', r.id);
            h.row = false;
          }
          break;
        }
        case 'book': {
          const h = pickHold(cmd.h);
          if (!h) break;
          cmd.s = windowFor(h, cmd.s);
          const ids = heldBy(h);
          const total = ids.length * bandTotal[cmd.band]!;
          const input = { holdId: h.id, lines: ids.map((unitId) => ({ unitId, priceBandId: bandIds[cmd.band]! })), payments: payFor(total, cmd.split), idempotencyKey: ulid() };
          const got = once(() => engine.book(actors[cmd.s]!, input));
          expectOutcome(got, liveHoldError(h, cmd.s), cmd);
          if (got.ok) {
            recordSale(got.value as never, h.perf);
            h.row = false;
          }
          break;
        }
        case 'collect': {
          const r = at(reservations, cmd.r);
          if (!r) break;
          const total = r.units.length * bandTotal[cmd.band]!;
          const input = { reservationId: r.id, lines: r.units.map((unitId) => ({ unitId, priceBandId: bandIds[cmd.band]! })), payments: payFor(total, false), idempotencyKey: ulid() };
          const got = once(() => engine.book(actors[cmd.s]!, input));
          const expected = r.state !== 'active' || (r.deadline !== null && r.deadline <= now) ? 'CONFLICT' : null;
          expectOutcome(got, expected, cmd);
          if (got.ok) {
            recordSale(got.value as never, units.get(r.units[0]!)!.perf);
            r.state = 'collected';
          }
          break;
        }
        case 'cancel': {
          const r = at(reservations, cmd.r);
          if (!r) break;
          const got = outcome(() => engine.cancelReservation(actors[cmd.s]!, { reservationId: r.id }));
          expectOutcome(got, r.state === 'active' ? null : 'CONFLICT', cmd);
          if (got.ok) {
            r.state = 'cancelled';
            setUnits(r.units, 'available', null);
          }
          break;
        }
        case 'refund': {
          const o = at(orders, cmd.o);
          if (!o) break;
          const valid = tickets.filter((t) => t.order === o.id && t.state === 'valid');
          const wanted = cmd.partial ? valid.slice(0, 1) : valid;
          const input = { orderId: o.id, ticketIds: cmd.partial && valid.length ? [valid[0]!.id] : undefined, method: 'cash' as const, idempotencyKey: ulid() };
          const got = once(() => engine.refund(actors[cmd.s]!, input));
          expectOutcome(got, wanted.length === 0 || wanted.some((t) => t.checkedIn) ? 'CONFLICT' : null, cmd);
          if (got.ok) {
            for (const t of wanted) {
              t.state = 'refunded';
              setUnits([t.unit], 'available', null);
            }
          }
          break;
        }
        case 'exchange': {
          const o = at(orders, cmd.o);
          const h = pickHold(cmd.h);
          if (!o || !h) break;
          cmd.s = windowFor(h, cmd.s);
          const valid = tickets.filter((t) => t.order === o.id && t.state === 'valid');
          const ids = heldBy(h);
          const credit = valid.reduce((a, t) => a + t.total, 0);
          const difference = ids.length * 2500 - credit;
          const input = {
            orderId: o.id,
            ticketIds: valid.map((t) => t.id),
            holdId: h.id,
            lines: ids.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
            payments: difference > 0 ? [{ method: 'card' as const, amountMinor: difference }] : undefined,
            idempotencyKey: ulid(),
          };
          const got = once(() => engine.exchange(actors[cmd.s]!, input));
          const expected = valid.length === 0 || valid.some((t) => t.checkedIn) ? 'CONFLICT' : liveHoldError(h, cmd.s);
          expectOutcome(got, expected, cmd);
          if (got.ok) {
            for (const t of valid) {
              t.state = 'exchanged';
              setUnits([t.unit], 'available', null);
            }
            const swapped = got.value as { newOrder: { id: string }; tickets: MTicket[] & never };
            recordSale({ order: swapped.newOrder, tickets: swapped.tickets }, h.perf);
            h.row = false;
          }
          break;
        }
        case 'advance':
          clock.advance(cmd.minutes * MIN);
          break;
        case 'sweep': {
          engine.sweep();
          for (const [id, u] of units) if (u.state === 'held' && holdOf(u.owner!).expiresAt <= now) setUnits([id], 'available', null);
          for (const h of holds) if (h.expiresAt <= now) h.row = false;
          for (const r of reservations) {
            if (r.state === 'active' && r.deadline !== null && r.deadline <= now) {
              r.state = 'expired';
              setUnits(r.units, 'available', null);
            }
          }
          for (const b of blocks) {
            if (b.state === 'active' && b.releaseAt !== null && b.releaseAt <= now) {
              b.state = 'released';
              setUnits(b.units, 'available', null);
            }
          }
          break;
        }
        case 'checkIn': {
          const t = at(tickets, cmd.t);
          if (!t) break;
          const answer = engine.checkIn(actors[cmd.s]!, { code: t.code, performanceId: perfIds[cmd.p]! });
          const expected = t.state !== 'valid' ? 'refunded' : t.perf !== cmd.p ? 'wrong_performance' : t.checkedIn ? 'already_used' : 'admitted';
          expect(answer.status, JSON.stringify(cmd)).toBe(expected);
          if (expected === 'admitted') t.checkedIn = true;
          break;
        }
        case 'undoCheckIn': {
          const t = at(tickets, cmd.t);
          if (!t) break;
          const got = outcome(() => engine.undoCheckIn(actors[cmd.s]!, { ticketId: t.id }));
          expectOutcome(got, t.checkedIn ? null : 'CONFLICT', cmd);
          t.checkedIn = false;
          break;
        }
        case 'block': {
          const pool = unitsOf(cmd.p);
          const ids = [...new Set(cmd.picks.map((n) => pool[n % pool.length]!))];
          const releaseAt = cmd.release ? now + 20 * MIN : undefined;
          const got = outcome(() => engine.createBlock(actors[cmd.s]!, { performanceId: perfIds[cmd.p]!, unitIds: ids, name: 'House', releaseAt }));
          expectOutcome(got, ids.every(free) ? null : 'SEATS_UNAVAILABLE', cmd);
          if (got.ok) {
            const b = got.value as { id: string };
            blocks.push({ id: b.id, state: 'active', releaseAt: releaseAt ?? null, units: ids });
            setUnits(ids, 'blocked', b.id);
          }
          break;
        }
        case 'retry': {
          // The answer was lost: the window asks again with the same key, whatever happened since.
          const earlier = at(answered, cmd.n);
          if (!earlier) break;
          const got = outcome(earlier.again);
          expectOutcome(got, null, cmd);
          if (got.ok) expect(JSON.parse(JSON.stringify(got.value)), JSON.stringify(cmd)).toEqual(earlier.value);
          break;
        }
        case 'releaseBlock': {
          const b = at(blocks, cmd.b);
          if (!b) break;
          const got = outcome(() => engine.releaseBlock(actors[cmd.s]!, { blockId: b.id }));
          expectOutcome(got, b.state === 'active' ? null : 'CONFLICT', cmd);
          if (got.ok) {
            b.state = 'released';
            setUnits(b.units, 'available', null);
          }
          break;
        }
      }
      // The database agrees with the model unit by unit, as every screen would read it.
      const rows = db.prepare('SELECT id, state, hold_id, hold_expires_at, reservation_id, ticket_id, block_id FROM units').all() as Record<string, unknown>[];
      for (const row of rows) {
        const id = row.id as number;
        const dbState = row.state === 'held' && (row.hold_expires_at as number) <= clock.now() ? 'available' : (row.state as UnitState);
        const modelState = effective(id);
        expect(`${id}:${dbState}`, JSON.stringify(cmd)).toBe(`${id}:${modelState}`);
        const owner = { held: row.hold_id, reserved: row.reservation_id, booked: row.ticket_id, blocked: row.block_id, available: null }[dbState];
        if (dbState !== 'available') expect(owner).toBe(units.get(id)!.owner);
      }
      expect(checkInvariants(db, clock.now()), JSON.stringify(cmd)).toEqual([]);
      if (process.env.MODEL_STATS) stats.set(`${cmd.op}`, (stats.get(cmd.op) ?? 0) + 1);
    }

    function isSeat(id: number): boolean {
      return (db.prepare('SELECT seat_id FROM units WHERE id = ?').pluck().get(id) as string | null) !== null;
    }
  } finally {
    temp.dispose();
    opened.pop();
  }
}

it('matches a plain in-memory model over random sequences from three windows', () => {
  fc.assert(
    fc.property(fc.array(cmdArb, { minLength: 5, maxLength: 60 }), (cmds) => runScenario(cmds)),
    { numRuns: 50 },
  );
  if (process.env.MODEL_STATS) console.log(Object.fromEntries(stats));
}, 120_000);
