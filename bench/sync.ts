import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { openTempBoxOffice } from '../test/helpers/temp-box-office.ts';
import { insertLedgerRows, seedReference } from '../test/sync/helpers/ledger-fixtures.ts';
import { createCentralTestDb, MARIADB } from '../test/sync/helpers/central-db.ts';
import { sourceMigrationsRoot } from '../src-main/paths.ts';
import { closeCentral, connectCentral } from '../src-main/sync/central-connection.ts';
import { ensureCentralSchema, loadCentralMigrations } from '../src-main/sync/central-migrate.ts';
import { pushToCentral } from '../src-main/sync/central-push.ts';
import { ensureInstallationId } from '../src-main/sync/sync-config.ts';
import { row, type BenchArea } from './types.ts';

const BACKLOG = 100_000;
const ROUNDS = 10;
const BATCH = 1000;

const FLOOR_SQL = `insert into ledger_entries (installation_id, station_id, seq, id, at, kind, staff_id, performance_id, order_id, payload, pushed_at)
  values ? on duplicate key update seq = seq`;

/**
 * Pushing a 100,000-row ledger backlog to MariaDB, beside the bare floor: mysql2's batched upsert
 * of the very same ledger rows into the same central table, same batch size, one transaction each.
 * The pusher does more than the floor (reads SQLite, parses payloads, upserts the order, ticket,
 * payment and reservation projections), which is what the 0.3 target leaves room for. The two
 * alternate in ten rounds of 10,000 rows, so load from other work on the machine hits both alike.
 */
export const syncBench: BenchArea = {
  area: 'sync',
  async run() {
    const box = openTempBoxOffice();
    const floorDb = await createCentralTestDb();
    const pushDb = await createCentralTestDb();
    try {
      const { office } = box;
      const ref = seedReference(office, 500);
      const migrations = loadCentralMigrations(join(sourceMigrationsRoot, 'central'));
      const installationId = ensureInstallationId(office.records);
      const floorConn = await mysql.createConnection({ ...MARIADB, database: floorDb.name });
      await ensureCentralSchema(floorConn, migrations, installationId, 1);
      const conn = await connectCentral(pushDb.target, '', { tls: false });
      await ensureCentralSchema(conn, migrations, installationId, 1);
      const read = office.records.$client.prepare(
        'select seq, id, at, kind, station_id, staff_id, performance_id, order_id, payload from ledger where seq > ? order by seq',
      );

      let floorMs = 0;
      let pushMs = 0;
      let floorRows = 0;
      let pushRows = 0;
      let lastSeq = 0;
      for (let round = 0; round < ROUNDS; round++) {
        insertLedgerRows(office, BACKLOG / ROUNDS, { performanceIds: ref.performanceIds, staffId: ref.staffId, at: 1_790_000_000_000 + round * 1e9 });
        const floor = async () => {
          const started = performance.now();
          const rows = read.all(lastSeq) as Record<string, unknown>[];
          for (let i = 0; i < rows.length; i += BATCH) {
            const values = rows
              .slice(i, i + BATCH)
              .map((r) => [installationId, r.station_id, r.seq, r.id, r.at, r.kind, r.staff_id, r.performance_id, r.order_id, r.payload, 1]);
            await floorConn.beginTransaction();
            await floorConn.query(FLOOR_SQL, [values]);
            await floorConn.commit();
          }
          floorMs += performance.now() - started;
          floorRows += rows.length;
          lastSeq = Number(rows.at(-1)?.seq ?? lastSeq);
        };
        const push = async () => {
          const started = performance.now();
          const result = await pushToCentral(office, conn, { installationId, migrations, batchSize: BATCH, now: () => Date.now() });
          pushMs += performance.now() - started;
          pushRows += result.pushedRows;
        };
        if (round % 2 === 0) {
          await floor();
          await push();
        } else {
          await push();
          await floor();
        }
      }
      await floorConn.end();
      await closeCentral(conn);
      const pushRate = pushRows / (pushMs / 1000);
      const floorRate = floorRows / (floorMs / 1000);
      return [
        row(`push ${pushRows.toLocaleString('en')} ledger rows (with projections)`, pushRate, 'rows/s', floorRate, 'ratio >= 0.3', (_v, r) => r >= 0.3),
      ];
    } finally {
      await floorDb.drop();
      await pushDb.drop();
      box.dispose();
    }
  },
};
