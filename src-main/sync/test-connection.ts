import { closeCentral, connectCentral } from './central-connection.ts';
import { readCentralSchemaVersion } from './central-migrate.ts';
import { describeSyncError } from './describe-sync-error.ts';
import { describeTarget, type CentralTarget } from './central-url.ts';

export interface ConnectionTestResult {
  ok: boolean;
  message: string;
  serverVersion: string | null;
  schemaVersion: number | null;
  knownSchemaVersion: number;
}

/**
 * The settings screen's "test connection": connects, reads the server's version and the Marquee
 * schema version, changes nothing, and answers with a sentence either way.
 */
export async function testCentralConnection(
  target: CentralTarget,
  password: string | null,
  options: { tls: boolean; knownSchemaVersion: number; connectTimeoutMs?: number },
): Promise<ConnectionTestResult> {
  const known = options.knownSchemaVersion;
  let conn;
  try {
    conn = await connectCentral(target, password, { tls: options.tls, connectTimeoutMs: options.connectTimeoutMs ?? 8_000 });
  } catch (error) {
    return { ok: false, message: describeSyncError(error, target), serverVersion: null, schemaVersion: null, knownSchemaVersion: known };
  }
  try {
    const [rows] = await conn.query<import('mysql2/promise').RowDataPacket[]>('select version() as v');
    const serverVersion = String(rows[0]?.v ?? 'unknown');
    const product = /mariadb/i.test(serverVersion) ? 'MariaDB' : 'MySQL';
    const schemaVersion = await readCentralSchemaVersion(conn);
    const place = `${product} ${serverVersion.replace(/-.*$/, '')} at ${describeTarget(target)}, database '${target.database}'`;
    let message: string;
    let ok = true;
    if (schemaVersion === null) {
      message = `Connected to ${place}. Marquee's tables are not there yet; the first sync will create them.`;
    } else if (schemaVersion > known) {
      ok = false;
      message = `Connected to ${place}, but its Marquee tables are at schema version ${schemaVersion}, newer than the ${known} this Marquee knows; update Marquee on this computer first.`;
    } else if (schemaVersion < known) {
      message = `Connected to ${place}. Its Marquee tables are at schema version ${schemaVersion}; the next sync will bring them to ${known}.`;
    } else {
      message = `Connected to ${place}. Marquee's tables are up to date (schema version ${schemaVersion}).`;
    }
    return { ok, message, serverVersion, schemaVersion, knownSchemaVersion: known };
  } catch (error) {
    return { ok: false, message: describeSyncError(error, target), serverVersion: null, schemaVersion: null, knownSchemaVersion: known };
  } finally {
    await closeCentral(conn);
  }
}
