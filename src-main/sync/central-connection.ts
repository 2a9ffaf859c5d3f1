import mysql, { type Connection } from 'mysql2/promise';
import { connectionOptions, type CentralTarget } from './central-url.ts';

/**
 * Opens one connection to the central server. A fatal error while no query is waiting is emitted
 * as an event; without a listener it would take the whole box office down with it.
 */
export async function connectCentral(
  target: CentralTarget,
  password: string | null,
  options: { tls: boolean; connectTimeoutMs?: number },
): Promise<Connection> {
  const conn = await mysql.createConnection(connectionOptions(target, password, options));
  conn.on('error', () => undefined);
  return conn;
}

/** Ends politely when the server is there, and gives up at once when it is not. */
export async function closeCentral(conn: Connection): Promise<void> {
  try {
    await Promise.race([conn.end(), new Promise((_, reject) => setTimeout(reject, 2_000).unref())]);
  } catch {
    conn.destroy();
  }
}
