import { join } from 'node:path';
import type { BoxOffice } from '../../../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../../../src-main/paths.ts';
import { closeCentral, connectCentral } from '../../../src-main/sync/central-connection.ts';
import { loadCentralMigrations } from '../../../src-main/sync/central-migrate.ts';
import { pushToCentral, type PushResult } from '../../../src-main/sync/central-push.ts';
import type { CentralTarget } from '../../../src-main/sync/central-url.ts';
import { ensureInstallationId } from '../../../src-main/sync/sync-config.ts';

export const centralMigrations = loadCentralMigrations(join(sourceMigrationsRoot, 'central'));

/** One push over its own connection, as the service does, without the service's timers. */
export async function pushOnce(office: BoxOffice, target: CentralTarget, batchSize = 500): Promise<PushResult> {
  const conn = await connectCentral(target, '', { tls: false });
  try {
    return await pushToCentral(office, conn, {
      installationId: ensureInstallationId(office.records),
      migrations: centralMigrations,
      batchSize,
      now: () => office.clock.now(),
    });
  } finally {
    await closeCentral(conn);
  }
}
