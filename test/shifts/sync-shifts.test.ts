import { afterEach, describe, expect, it } from 'vitest';
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
 * Shifts, cash movements and Z reports ride in the ledger like every other row, so the central push
 * sends each exactly once (other_rows, keyed by installation, table and id), against the real MariaDB.
 */
describe('central sync of the till', () => {
  it('pushes shifts, cash movements and Z reports exactly once, even when pushed again', async () => {
    const d = (day = new Day());
    db = await createCentralTestDb();
    const cass = d.at('W1');
    d.till.open(cass, { amountMinor: 5000 });
    d.sell(cass, 2, 'cash');
    d.tick();
    d.till.moveCash(cass, { direction: 'out', amountMinor: 1000, reason: 'Milk' });
    d.tick();
    d.till.noSale(cass, 'Change');
    d.tick();
    d.till.close(cass, { amountMinor: 9000 });
    d.tick();
    d.till.closeDay(d.at('W1', 'manager'), '2026-12-03');

    await pushOnce(d.office, db.target);
    await pushOnce(d.office, db.target);
    const installationId = ensureInstallationId(d.office.records);
    const rows = await db.rows<{ table_name: string; n: number }>(
      'select table_name, count(*) as n from other_rows where installation_id = ? group by table_name order by table_name',
      [installationId],
    );
    expect(Object.fromEntries(rows.map((r) => [r.table_name, Number(r.n)]))).toMatchObject({ shifts: 1, cash_movements: 2, z_reports: 2, receipt_numbers: 1 });
    const [shift] = await db.rows<{ data: string }>("select data from other_rows where table_name = 'shifts'");
    expect(JSON.parse(shift!.data)).toMatchObject({ state: 'closed', countedMinor: 9000, zNumber: 1 });
    const kinds = await db.rows<{ kind: string; n: number }>("select kind, count(*) as n from ledger_entries where kind in ('shift.opened', 'shift.closed', 'cash.moved', 'z.reported') group by kind order by kind");
    expect(kinds.map((k) => [k.kind, Number(k.n)])).toEqual([
      ['cash.moved', 2],
      ['shift.closed', 1],
      ['shift.opened', 1],
      ['z.reported', 1],
    ]);
  });
});
