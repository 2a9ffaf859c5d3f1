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
const BATCH = 1000;

/**
 * Pushing a 100,000-row ledger backlog to MariaDB, beside the bare floor: mysql2's batched upsert
 * of the very same ledger rows into the same central table, same batch size, one transaction each.
 * The pusher does more than the floor (it reads SQLite, parses payloads and upserts projections),
 * which is what the 0.3 target leaves room for.
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
      insertLedgerRows(office, BACKLOG, { performanceIds: ref.performanceIds, staffId: ref.staffId });
      const migrations = loadCentralMigrations(join(sourceMigrationsRoot, 'central'));
      const installationId = ensureInstallationId(office.records);

      // Floor: the same rows, bare mysql2, into an identical ledger_entries table.
      const floorConn = await mysql.createConnection({ ...MARIADB, database: floorDb.name });
      await ensureCentralSchema(floorConn, migrations, installationId, 1);
      const all = office.records.$client
        .prepare('select seq, id, at, kind, station_id, staff_id, performance_id, order_id, payload from ledger order by seq')
        .all() as Record<string, unknown>[];
      let started = performance.now();
      for (let i = 0; i < all.length; i += BATCH) {
        const values = all
          .slice(i, i + BATCH)
          .map((r) => [installationId, r.station_id, r.seq, r.id, r.at, r.kind, r.staff_id, r.performance_id, r.order_id, r.payload, 1]);
        await floorConn.beginTransaction();
        await floorConn.query(
          `insert into ledger_entries (installation_id, station_id, seq, id, at, kind, staff_id, performance_id, order_id, payload, pushed_at)
           values ? on duplicate key update seq = seq`,
          [values],
        );
        await floorConn.commit();
      }
      const floorRate = all.length / ((performance.now() - started) / 1000);
      await floorConn.end();

      // Marquee's pusher, schema already in place as it is after the first sync.
      const conn = await connectCentral(pushDb.target, '', { tls: false });
      await ensureCentralSchema(conn, migrations, installationId, 1);
      started = performance.now();
      const result = await pushToCentral(office, conn, { installationId, migrations, batchSize: BATCH, now: () => Date.now() });
      const pushRate = result.pushedRows / ((performance.now() - started) / 1000);
      await closeCentral(conn);

      return [
        row(`push ${BACKLOG.toLocaleString('en')} ledger rows (with projections)`, pushRate, 'rows/s', floorRate, 'ratio >= 0.3', (_v, r) => r >= 0.3),
      ];
    } finally {
      await floorDb.drop();
      await pushDb.drop();
      box.dispose();
    }
  },
};
