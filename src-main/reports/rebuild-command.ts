import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MarqueeError } from '../../src-shared/errors.ts';
import { RECORDS_FILE } from '../core/box-office.ts';
import { openRecordsDb } from '../db/open.ts';
import { rebuildRollups } from './rebuild-rollups.ts';

/**
 * `npm run reports:rebuild -- --data-dir DIR`: the rollups recomputed from the ledger of the
 * records database in DIR (scripts/reports-rebuild.ts). Safe while the box office runs: the
 * rebuild is one write transaction, and sales wait for it as for any other.
 */
export function rebuildReportsIn(dataDir: string, migrationsRoot: string): { replayed: number; cells: number } {
  const file = join(dataDir, RECORDS_FILE);
  if (!existsSync(file)) throw new MarqueeError('NOT_FOUND', `There is no ${RECORDS_FILE} in ${dataDir}: say the data folder of an installation.`);
  const records = openRecordsDb(file, { migrationsRoot });
  try {
    const { replayed } = rebuildRollups(records.$client);
    const cells = records.$client.prepare('SELECT COUNT(*) FROM report_sales').pluck().get() as number;
    return { replayed, cells };
  } finally {
    records.$client.close();
  }
}
