import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { ensureInstallationId, readCursor } from '../../src-main/sync/sync-config.ts';
import { createCentralTestDb, jsonValue, type CentralTestDb } from './helpers/central-db.ts';
import { insertLedgerRows, seedReference } from './helpers/ledger-fixtures.ts';
import { centralMigrations, pushOnce } from './helpers/push.ts';
import { knownSchemaVersion } from '../../src-main/sync/central-migrate.ts';

interface LocalLedger {
  seq: number;
  id: string;
  at: number;
  kind: string;
  station_id: string;
  performance_id: string | null;
  order_id: string | null;
  payload: string;
}

describe('pushing the ledger to the central database', () => {
  const cleanups = cleanUpAfterEach();

  async function setup(): Promise<{ box: TempBoxOffice; db: CentralTestDb }> {
    const box = openTempBoxOffice();
    cleanups.push(() => box.dispose());
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    return { box, db };
  }

  it('sends every ledger row once, the reference data and the projections, matching local rows', async () => {
    const { box, db } = await setup();
    const { office } = box;
    const ref = seedReference(office);
    insertLedgerRows(office, 1234, { performanceIds: ref.performanceIds, staffId: ref.staffId });
    const installationId = ensureInstallationId(office.records);

    const result = await pushOnce(office, db.target, 200);
    expect(result.pushedRows).toBe(1234);

    const local = office.records.$client.prepare('select * from ledger order by seq').all() as LocalLedger[];
    const central = await db.rows<Record<string, unknown>>('select * from ledger_entries order by seq');
    expect(central).toHaveLength(local.length);
    for (const [i, row] of local.entries()) {
      const c = central[i]!;
      expect(c.installation_id).toBe(installationId);
      expect([c.station_id, Number(c.seq), c.id, Number(c.at), c.kind, c.performance_id, c.order_id]).toEqual([
        row.station_id,
        row.seq,
        row.id,
        row.at,
        row.kind,
        row.performance_id,
        row.order_id,
      ]);
      expect(jsonValue(c.payload)).toEqual(JSON.parse(row.payload));
    }

    // Projections hold each row as the latest ledger entry left it.
    const latest = new Map<string, Record<string, unknown>>();
    for (const row of local) {
      for (const ticket of (JSON.parse(row.payload).rows.tickets ?? []) as Record<string, unknown>[]) latest.set(String(ticket.id), ticket);
    }
    const tickets = await db.rows<{ id: string; state: string; data: unknown; performance_id: string }>('select id, state, data, performance_id from tickets');
    expect(tickets).toHaveLength(latest.size);
    for (const t of tickets) {
      expect(jsonValue(t.data)).toEqual(latest.get(t.id));
      expect(t.state).toBe(latest.get(t.id)!.state);
    }

    // Head office's question, answered by the central database alone: sales by performance.
    const sales = await db.rows<{ title: string; starts_at: number; sold: number; revenue: number }>(
      `select e.title, p.starts_at, count(*) as sold, sum(t.amount_minor) as revenue
       from tickets t join performances p on p.installation_id = t.installation_id and p.id = t.performance_id
       join events e on e.installation_id = p.installation_id and e.id = p.event_id
       where t.state = 'valid' group by e.title, p.starts_at order by p.starts_at`,
    );
    const booked = [...latest.values()].filter((t) => t.state === 'valid');
    expect(sales.reduce((n, s) => n + Number(s.sold), 0)).toBe(booked.length);
    expect(sales.reduce((n, s) => n + Number(s.revenue), 0)).toBe(booked.length * 2500);
    expect(sales[0]!.title).toBe('Hamlet');

    // Reference data arrived, staff without their PIN secrets.
    const staffColumns = await db.rows<{ COLUMN_NAME: string }>(
      'select column_name as COLUMN_NAME from information_schema.columns where table_schema = database() and table_name = ?',
      ['staff'],
    );
    expect(staffColumns.map((c) => c.COLUMN_NAME)).not.toContain('pin_hash');
    const staffRows = await db.rows<{ name: string }>('select name from staff');
    expect(staffRows.map((s) => s.name)).toEqual(['Alex Cashier']);
    expect(await db.rows('select id from plan_seats')).toHaveLength(ref.seatIds.length);
    // Which seat each unit is, so a ticket's unitId finds its seat.
    const seatOfUnit = await db.rows<{ label: string }>(
      `select concat(s.zone, ' ', s.\`row\`, s.number) as label from tickets t
       join units u on u.installation_id = t.installation_id and u.id = json_extract(t.data, '$.unitId')
       join plan_seats s on s.installation_id = u.installation_id and s.id = u.seat_id limit 1`,
    );
    expect(seatOfUnit[0]!.label).toMatch(/^Stalls A\d+$/);
    expect(await db.rows('select id from units')).toHaveLength(ref.seatIds.length * ref.performanceIds.length);
    // Refunds are negative payments; check-ins are on the ticket.
    const [money] = await db.rows<{ paid: number; refunded: number }>(
      'select sum(case when amount_minor > 0 then amount_minor else 0 end) as paid, sum(case when amount_minor < 0 then amount_minor else 0 end) as refunded from payments',
    );
    const refundedOrders = local.filter((r) => r.kind === 'order.refunded').length;
    expect(Number(money!.refunded)).toBe(-5000 * refundedOrders);
    const [checkedIn] = await db.rows<{ n: number }>("select count(*) as n from tickets where json_type(json_extract(data, '$.checkedInAt')) = 'INTEGER'");
    expect(Number(checkedIn!.n)).toBeGreaterThan(0);
    expect(await db.rows('select id from stations')).toHaveLength(1);

    // Cursors moved on both sides to the last seq.
    const lastSeq = local.at(-1)!.seq;
    expect(readCursor(office.station).lastPushedSeq).toBe(lastSeq);
    const [cursor] = await db.rows<{ last_seq: number }>('select last_seq from sync_cursors where installation_id = ?', [installationId]);
    expect(Number(cursor!.last_seq)).toBe(lastSeq);
    const [version] = await db.rows<{ v: number }>('select max(version) as v from marquee_schema_version');
    expect(Number(version!.v)).toBe(knownSchemaVersion(centralMigrations));
  });

  it('sends only what is new on the next push and never duplicates', async () => {
    const { box, db } = await setup();
    const { office } = box;
    const ref = seedReference(office);
    insertLedgerRows(office, 300, { performanceIds: ref.performanceIds });
    expect((await pushOnce(office, db.target)).pushedRows).toBe(300);
    const again = await pushOnce(office, db.target);
    expect(again.pushedRows).toBe(0);
    expect(again.referenceTables).toEqual([]);

    insertLedgerRows(office, 50, { performanceIds: ref.performanceIds, at: 1_795_000_000_000 });
    office.records.$client.prepare("update events set title = 'Hamlet (revival)'").run();
    const next = await pushOnce(office, db.target);
    expect(next.pushedRows).toBe(50);
    expect(next.referenceTables).toEqual(['events']);
    const [counts] = await db.rows<{ n: number; d: number }>('select count(*) as n, count(distinct id) as d from ledger_entries');
    expect([Number(counts!.n), Number(counts!.d)]).toEqual([350, 350]);
    expect((await db.rows<{ title: string }>('select title from events'))[0]!.title).toBe('Hamlet (revival)');
  });

  it('starts over into a central database that lost what it had, moving the local cursor back', async () => {
    const { box, db } = await setup();
    const { office } = box;
    insertLedgerRows(office, 120);
    await pushOnce(office, db.target);
    const fresh = await createCentralTestDb();
    cleanups.push(() => fresh.drop());
    const result = await pushOnce(office, fresh.target);
    expect(result.pushedRows).toBe(120);
    expect(await fresh.rows('select seq from ledger_entries')).toHaveLength(120);
  });
});
