import type Database from 'better-sqlite3';

/**
 * The booking engine's promises, checked against a database: used by the model, race and crash
 * tests, and cheap enough to run as a support check on a live installation.
 */

type Row = Record<string, unknown>;
const LEDGER_TABLES = ['orders', 'tickets', 'payments', 'reservations', 'blocks'] as const;

/** The rows replaying the ledger in seq order produces, by table then primary key. */
function replayLedger(db: Database.Database): Map<string, Map<string, Row>> {
  const state = new Map<string, Map<string, Row>>();
  const iter = db.prepare('SELECT payload FROM ledger ORDER BY seq').pluck().iterate() as IterableIterator<string>;
  for (const payload of iter) {
    const rows = (JSON.parse(payload) as { rows: Record<string, Row[]> }).rows;
    for (const [table, list] of Object.entries(rows)) {
      let byKey = state.get(table);
      if (!byKey) state.set(table, (byKey = new Map()));
      for (const row of list) byKey.set(String(row.id), row);
    }
  }
  return state;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const camelRow = (raw: Row): Row => Object.fromEntries(Object.entries(raw).map(([k, v]) => [camel(k), v]));

export function checkInvariants(db: Database.Database, now: number): string[] {
  const problems: string[] = [];
  const units = db.prepare('SELECT * FROM units').all() as Row[];
  const validTickets = db.prepare(`SELECT id, unit_id FROM tickets WHERE state = 'valid'`).all() as { id: string; unit_id: number }[];
  const ticketOfUnit = new Map<number, string>();
  for (const t of validTickets) {
    if (ticketOfUnit.has(t.unit_id)) problems.push(`unit ${t.unit_id} has two valid tickets`);
    ticketOfUnit.set(t.unit_id, t.id);
  }
  const activeReservations = new Set(db.prepare(`SELECT id FROM reservations WHERE state = 'active'`).pluck().all() as string[]);
  const activeBlocks = new Set(db.prepare(`SELECT id FROM blocks WHERE state = 'active'`).pluck().all() as string[]);
  for (const u of units) {
    const id = u.id as number;
    const claims = [u.hold_id, u.reservation_id, u.ticket_id, u.block_id].filter((c) => c !== null).length;
    if (claims > 1) problems.push(`unit ${id} is claimed ${claims} times`);
    switch (u.state) {
      case 'available':
        if (claims) problems.push(`available unit ${id} still points at a claim`);
        if (ticketOfUnit.has(id)) problems.push(`available unit ${id} has a valid ticket`);
        break;
      case 'held':
        if (!u.hold_id) problems.push(`held unit ${id} has no hold`);
        break;
      case 'reserved':
        if (!activeReservations.has(u.reservation_id as string)) problems.push(`reserved unit ${id} has no active reservation`);
        break;
      case 'booked':
        if (ticketOfUnit.get(id) !== u.ticket_id) problems.push(`booked unit ${id} does not match its valid ticket`);
        break;
      case 'blocked':
        if (!activeBlocks.has(u.block_id as string)) problems.push(`blocked unit ${id} has no active block`);
        break;
      default:
        problems.push(`unit ${id} has unknown state ${String(u.state)}`);
    }
  }
  for (const t of validTickets) {
    const u = units.find((x) => x.id === t.unit_id);
    if (!u || u.state !== 'booked' || u.ticket_id !== t.id) problems.push(`valid ticket ${t.id} does not hold its unit`);
  }
  // Capacity: every unit is in exactly one state as read by the screens (expired holds count as available).
  const counts = db
    .prepare(
      `SELECT performance_id AS p, count(*) AS capacity,
              sum(state = 'available' OR (state = 'held' AND hold_expires_at <= @now)) + sum(state = 'held' AND hold_expires_at > @now)
              + sum(state = 'reserved') + sum(state = 'booked') + sum(state = 'blocked') AS total
       FROM units GROUP BY performance_id`,
    )
    .all({ now }) as { p: string; capacity: number; total: number }[];
  for (const c of counts) if (c.capacity !== c.total) problems.push(`performance ${c.p}: states add up to ${c.total}, capacity ${c.capacity}`);
  const money = db
    .prepare(
      `SELECT o.id AS id, o.total_minor - o.refunded_minor AS due, coalesce((SELECT sum(amount_minor) FROM payments p WHERE p.order_id = o.id), 0) AS paid,
              o.total_minor AS total, (SELECT coalesce(sum(total_minor), 0) FROM tickets t WHERE t.order_id = o.id) AS ticketTotal
       FROM orders o`,
    )
    .all() as { id: string; due: number; paid: number; total: number; ticketTotal: number }[];
  for (const m of money) {
    if (m.due !== m.paid) problems.push(`order ${m.id}: paid ${m.paid} but total minus refunds is ${m.due}`);
    if (m.total !== m.ticketTotal) problems.push(`order ${m.id}: total ${m.total} but tickets add up to ${m.ticketTotal}`);
  }
  problems.push(...compareWithLedger(db, units));
  return problems;
}

/** Replaying the ledger must give back every ledgered table row for row, and every unit's sold state. */
export function compareWithLedger(db: Database.Database, units: Row[]): string[] {
  const problems: string[] = [];
  const replay = replayLedger(db);
  for (const table of LEDGER_TABLES) {
    const current = (db.prepare(`SELECT * FROM ${table}`).all() as Row[]).map(camelRow);
    const replayed = replay.get(table) ?? new Map<string, Row>();
    if (current.length !== replayed.size) problems.push(`${table}: ${current.length} rows but the ledger rebuilds ${replayed.size}`);
    for (const row of current) {
      const other = replayed.get(String(row.id));
      if (!other) problems.push(`${table} ${String(row.id)} is missing from the ledger`);
      else if (JSON.stringify(row) !== JSON.stringify(Object.fromEntries(Object.keys(row).map((k) => [k, other[k]])))) {
        problems.push(`${table} ${String(row.id)} differs from its ledger replay`);
      }
    }
  }
  // Holds are not sales and stay out of the ledger: a held unit replays as available.
  const replayedUnits = replay.get('units') ?? new Map<string, Row>();
  for (const u of units) {
    const r = replayedUnits.get(String(u.id));
    const sold = (x: { state: unknown; reservation: unknown; ticket: unknown; block: unknown }) =>
      x.state === 'held' ? 'available' : `${String(x.state)}|${String(x.reservation)}|${String(x.ticket)}|${String(x.block)}`;
    const now = sold({ state: u.state, reservation: u.reservation_id, ticket: u.ticket_id, block: u.block_id });
    const then = r ? sold({ state: r.state, reservation: r.reservationId, ticket: r.ticketId, block: r.blockId }) : 'available|null|null|null';
    const normal = (s: string) => (s === 'available' ? 'available|null|null|null' : s);
    if (normal(now) !== normal(then)) problems.push(`unit ${String(u.id)} is ${now} but the ledger says ${then}`);
  }
  return problems;
}
