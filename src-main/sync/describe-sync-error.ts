import { isMarqueeError } from '../../src-shared/errors.ts';
import { describeTarget, type CentralTarget } from './central-url.ts';

interface DriverError {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  sqlMessage?: unknown;
}

/** MySQL/MariaDB and libc codes meaning the server's disk (or a table's space) is exhausted. */
const DISK_FULL_ERRNOS = new Set([1021, 1114]);

function isDiskFull(code: string, errno: number | null, text: string): boolean {
  if (errno !== null && DISK_FULL_ERRNOS.has(errno)) return true;
  if (code === 'ER_DISK_FULL' || code === 'ER_RECORD_FILE_FULL' || code === 'ENOSPC') return true;
  // Writes that hit ENOSPC surface as "Errcode: 28" or "Got error 28 from storage engine".
  return /errcode:\s*28\b|\berror\s+28\b|no space left on device/i.test(text);
}

/**
 * One sentence a cashier or manager can act on, for anything a push or a connection test can
 * throw. The sync status shows it as "last error", so it names the server and never a stack.
 */
export function describeSyncError(error: unknown, target?: CentralTarget): string {
  if (isMarqueeError(error)) return error.message;
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as DriverError;
  const code = typeof e.code === 'string' ? e.code : '';
  const errno = typeof e.errno === 'number' ? e.errno : null;
  const text = String(e.sqlMessage ?? e.message ?? '');
  const where = target ? ` at ${describeTarget(target)}` : '';
  const server = `the central server${where}`;

  if (isDiskFull(code, errno, text)) {
    return `The disk of ${server} is full, so it cannot store more sales; they stay safe here and will be sent once its administrator frees space.`;
  }
  switch (code) {
    case 'ECONNREFUSED':
      return `Nothing is accepting connections at ${target ? describeTarget(target) : 'the central server'}: the database server is not running or the port is wrong.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The central server's name${target ? ` '${target.host}'` : ''} could not be found; check the address and this computer's network.`;
    case 'ETIMEDOUT':
    case 'PROTOCOL_SEQUENCE_TIMEOUT':
      return `${capitalise(server)} did not answer in time; the network may be down.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return `${capitalise(server)} cannot be reached from this computer; the network is down or the address is wrong.`;
    case 'PROTOCOL_CONNECTION_LOST':
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_STREAM_DESTROYED':
      return `The connection to ${server} was cut during the push; the batch in flight was saved whole or not at all, and the next attempt carries on from there.`;
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return `${capitalise(server)} refused the user${target ? ` '${target.user}'` : ''} with this password: check the user name and password.`;
    case 'ER_DBACCESS_DENIED_ERROR':
      return `The user${target ? ` '${target.user}'` : ''} may not use the database${target ? ` '${target.database}'` : ''} on ${server}; ask its administrator for access.`;
    case 'ER_TABLEACCESS_DENIED_ERROR':
    case 'ER_SPECIFIC_ACCESS_DENIED_ERROR':
      return `The user${target ? ` '${target.user}'` : ''} lacks a permission Marquee needs on ${server} (create tables, insert and update): ${text}`;
    case 'ER_BAD_DB_ERROR':
      return `The database${target ? ` '${target.database}'` : ''} does not exist on ${server}; create it first.`;
    case 'ER_CON_COUNT_ERROR':
    case 'ER_TOO_MANY_USER_CONNECTIONS':
      return `${capitalise(server)} has too many connections open; the push will be tried again.`;
    case 'ER_LOCK_WAIT_TIMEOUT':
    case 'ER_LOCK_DEADLOCK':
      return `${capitalise(server)} was busy with another push and the batch was rolled back; it will be sent again.`;
    case 'ER_OPTION_PREVENTS_STATEMENT':
      return `${capitalise(server)} is read-only at the moment; sales will be sent once it accepts writes.`;
    case 'HANDSHAKE_NO_SSL_SUPPORT':
      return `TLS is switched on but ${server} does not offer it; switch TLS off or enable it on the server.`;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `The TLS certificate of ${server} cannot be trusted (${code}); the password was not sent.`;
  }
  if (errno === 1045) return `${capitalise(server)} refused this user name and password.`;
  return `${capitalise(server)} answered with an error: ${text || code || 'unknown error'}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
