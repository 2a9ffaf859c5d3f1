import mysql, { type Connection, type RowDataPacket } from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import type { CentralTarget } from '../../../src-main/sync/central-url.ts';

/** The real MariaDB the tests run against (root, empty password, loopback). */
export const MARIADB = { host: '127.0.0.1', port: 3306, user: 'root', password: '' };

export interface CentralTestDb {
  name: string;
  target: CentralTarget;
  url: string;
  /** Rows of a query in the test's database. */
  rows<T = RowDataPacket>(sql: string, values?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/** A fresh database of its own for one test, dropped afterwards, so tests can run in parallel. */
export async function createCentralTestDb(): Promise<CentralTestDb> {
  const name = `marquee_test_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({ ...MARIADB, decimalNumbers: true });
  await admin.query(`create database \`${name}\``);
  await admin.end();
  let conn: Connection | null = null;
  const open = async () => (conn ??= await mysql.createConnection({ ...MARIADB, database: name, decimalNumbers: true }));
  return {
    name,
    target: { host: MARIADB.host, port: MARIADB.port, user: MARIADB.user, database: name },
    url: `mysql://root@127.0.0.1:3306/${name}`,
    async rows<T>(sql: string, values: unknown[] = []) {
      const [rows] = await (await open()).query(sql, values);
      return rows as T[];
    },
    async drop() {
      if (conn) await (conn as Connection).end().catch(() => undefined);
      const closer = await mysql.createConnection(MARIADB);
      await closer.query(`drop database if exists \`${name}\``);
      await closer.end();
    },
  };
}

/** Seconds-free JSON: MariaDB hands JSON columns back as text, MySQL 8 as objects. */
export function jsonValue(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
