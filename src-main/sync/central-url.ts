import type { ConnectionOptions } from 'mysql2';
import { MarqueeError } from '../../src-shared/errors.ts';

/** Where the central database is, as the settings screen shows it: never with the password. */
export interface CentralTarget {
  host: string;
  port: number;
  user: string;
  database: string;
}

/**
 * Reads `mysql://user@host:port/database`. A password inside the URL is refused so that it can
 * only ever live in the secret store, never in preferences or on screen.
 */
export function parseCentralUrl(url: string): CentralTarget {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new MarqueeError('BAD_INPUT', `'${url}' is not a URL; write it as mysql://user@host:3306/database.`);
  }
  if (parsed.protocol !== 'mysql:' && parsed.protocol !== 'mariadb:') {
    throw new MarqueeError('BAD_INPUT', 'The central server URL must start with mysql:// (for MySQL or MariaDB).');
  }
  if (parsed.password) {
    throw new MarqueeError('BAD_INPUT', 'Leave the password out of the URL and type it in the password field instead.');
  }
  const user = decodeURIComponent(parsed.username);
  if (!user) throw new MarqueeError('BAD_INPUT', 'The central server URL names no user; write it as mysql://user@host/database.');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new MarqueeError('BAD_INPUT', 'The central server URL names no host.');
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) {
    throw new MarqueeError('BAD_INPUT', 'The central server URL must end with the database name, as in mysql://user@host/marquee.');
  }
  const port = parsed.port ? Number(parsed.port) : 3306;
  return { host, port, user, database };
}

export function formatCentralUrl(target: CentralTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `mysql://${encodeURIComponent(target.user)}@${host}:${target.port}/${encodeURIComponent(target.database)}`;
}

export function describeTarget(target: CentralTarget): string {
  return `${target.host}:${target.port}`;
}

export function connectionOptions(
  target: CentralTarget,
  password: string | null,
  options: { tls: boolean; connectTimeoutMs?: number },
): ConnectionOptions {
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    password: password ?? '',
    database: target.database,
    charset: 'utf8mb4',
    timezone: 'Z',
    decimalNumbers: true,
    supportBigNumbers: true,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
    enableKeepAlive: true,
    // A ledger batch travels as one round trip of several statements; every value in it is
    // escaped by mysql2's format() and table names come from a fixed list, never from input.
    multipleStatements: true,
    // With TLS on, the server's certificate must verify: a sales feed is not sent to an impostor.
    ...(options.tls ? { ssl: { rejectUnauthorized: true, minVersion: 'TLSv1.2' } } : {}),
  };
}
