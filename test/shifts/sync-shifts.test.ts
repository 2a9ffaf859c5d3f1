import { afterEach, describe, expect, it } from 'vitest';
import { ShiftCorrections } from '../../src-main/shifts/corrections.ts';
import { ensureInstallationId } from '../../src-main/sync/sync-config.ts';
import { createCentralTestDb, type CentralTestDb } from '../sync/helpers/central-db.ts';
import { pushOnce } from '../sync/helpers/push.ts';
import { Day } from './day.ts';

let day: Day | undefined;
let db: CentralTestDb | undefined;
afterEach(async () => {
  day?.dispose();
  await db?.drop();
  day = undefined;
  db = undefined;
});

/**
 * Shifts, cash movements and Z reports ride in the ledger like every other row; the central push
 * lifts them into their own tables (shifts, cash_movements, z_reports) and sends each exactly once,
 * against the real MariaDB.
 */
describe('central sync of the till', () => {
  it('pushes shifts, cash movements and Z reports into their own tables exactly once, even when pushed again', async () => {
    const d = (day = new Day());
    db = await createCentralTestDb();
    const cass = d.at('W1');
    const opened = d.till.open(cass, { amountMinor: 5000 });
    d.sell(cass, 2, 'cash');
    d.tick();
    d.till.moveCash(cass, { direction: 'out', amountMinor: 1000, reason: 'Milk' });
    d.tick();
    d.till.noSale(cass, 'Change');
    // The shift's opening goes up on its own first; its closing version replaces it on the next push.
    await pushOnce(d.office, db.target);
    d.tick();
    d.till.close(cass, { amountMinor: 9000 });
    d.tick();
    new ShiftCorrections({ records: d.office.records, clock: d.clock }).correct(d.at('W1', 'manager'), { shiftId: opened.id, amountMinor: 50, reason: 'Found in the tray' });
    d.tick();
    d.till.closeDay(d.at('W1', 'manager'), '2026-12-03');

    await pushOnce(d.office, db.target);
    await pushOnce(d.office, db.target);
    const installationId = ensureInstallationId(d.office.records);
    const count = async (table: string) => Number((await db!.rows<{ n: number }>(`select count(*) as n from ${table} where installation_id = ?`, [installationId]))[0]!.n);
    expect({ shifts: await count('shifts'), cash_movements: await count('cash_movements'), z_reports: await count('z_reports') }).toEqual({ shifts: 1, cash_movements: 3, z_reports: 2 });
    const others = await db.rows<{ table_name: string }>("select table_name from other_rows where table_name in ('shifts', 'cash_movements', 'z_reports')");
    expect(others).toEqual([]);

    const [shift] = await db.rows<Record<string, unknown>>('select state, float_minor, counted_minor, variance_minor, z_number, data from shifts where id = ?', [opened.id]);
    expect(shift).toMatchObject({ state: 'closed', float_minor: 5000, counted_minor: 9000, z_number: 1 });
    expect(JSON.parse(String(shift!.data))).toMatchObject({ state: 'closed', countedMinor: 9000 });
    const moves = await db.rows<{ kind: string; amount_minor: number; reason: string }>('select kind, amount_minor, reason from cash_movements order by source_seq');
    expect(moves.map((m) => [m.kind, Number(m.amount_minor), m.reason])).toEqual([
      ['out', -1000, 'Milk'],
      ['no-sale', 0, 'Change'],
      ['correction', 50, 'Found in the tray'],
    ]);
    const zs = await db.rows<{ number: number; scope: string; figures: string }>('select number, scope, figures from z_reports order by number');
    expect(zs.map((z) => [Number(z.number), z.scope])).toEqual([
      [1, 'shift'],
      [2, 'day'],
    ]);
    const local = d.till.listZ().reverse();
    expect(zs.map((z) => JSON.parse(z.figures))).toEqual(local.map((z) => z.figures));

    const kinds = await db.rows<{ kind: string; n: number }>("select kind, count(*) as n from ledger_entries where kind in ('shift.opened', 'shift.closed', 'cash.moved', 'z.reported') group by kind order by kind");
    expect(kinds.map((k) => [k.kind, Number(k.n)])).toEqual([
      ['cash.moved', 3],
      ['shift.closed', 1],
      ['shift.opened', 1],
      ['z.reported', 1],
    ]);
  });
});
