import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { MemorySecretStore } from '../../src-main/sync/secret-store.ts';
import { startSyncService } from '../../src-main/sync/sync-service.ts';
import { insertLedgerRows } from './helpers/ledger-fixtures.ts';
import { createCentralTestDb } from './helpers/central-db.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('connection failures, answered in words', () => {
  const cleanups = cleanUpAfterEach();

  function service(password: string | null) {
    const box = openTempBoxOffice();
    cleanups.push(() => box.dispose());
    const sync = startSyncService(box.office, new MemorySecretStore(password), { retryBaseMs: 60_000, idleIntervalMs: 60_000 });
    cleanups.push(() => sync.stop());
    return { office: box.office, sync };
  }

  it('says when the password is wrong, and keeps the rows pending', async () => {
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    const { office, sync } = service('not-the-password');
    insertLedgerRows(office, 10);
    sync.configure({ url: db.url, tls: false, enabled: true });

    const test = await sync.testConnection({});
    expect(test.ok).toBe(false);
    expect(test.message).toBe(
      "The central server at 127.0.0.1:3306 refused the user 'root' with this password: check the user name and password.",
    );
    await expect(sync.syncNow()).rejects.toThrow(/refused the user 'root'/);
    const status = sync.status();
    expect(status).toMatchObject({ state: 'retrying', pendingRows: 10, lastSuccessAt: null });
    expect(status.lastError).toMatch(/refused the user 'root'/);
    expect(status.nextAttemptAt).not.toBeNull();

    // The right password, given only to the test, answers with the server and schema.
    const good = await sync.testConnection({ password: '' });
    expect(good.ok).toBe(true);
    expect(good.message).toMatch(/^Connected to MariaDB 10\.11\.\d+ at 127\.0\.0\.1:3306, database 'marquee_test_\w+'\. Marquee's tables are not there yet/);
  });

  it('says when nothing listens at the address', async () => {
    const port = await freePort();
    const { sync } = service('');
    const result = await sync.testConnection({ url: `mysql://root@127.0.0.1:${port}/marquee` });
    expect(result).toMatchObject({ ok: false, serverVersion: null });
    expect(result.message).toBe(
      `Nothing is accepting connections at 127.0.0.1:${port}: the database server is not running or the port is wrong.`,
    );
  });

  it('says when the host name does not exist', async () => {
    const { sync } = service('');
    const result = await sync.testConnection({ url: 'mysql://root@central.invalid:3306/marquee' });
    expect(result.ok).toBe(false);
    expect(result.message).toBe("The central server's name 'central.invalid' could not be found; check the address and this computer's network.");
  });

  it('says when the database does not exist', async () => {
    const { sync } = service('');
    const result = await sync.testConnection({ url: 'mysql://root@127.0.0.1:3306/marquee_no_such_database_here' });
    expect(result.message).toBe(
      "The database 'marquee_no_such_database_here' does not exist on the central server at 127.0.0.1:3306; create it first.",
    );
  });

  it('says when TLS is asked of a server that does not offer it', async () => {
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    const { sync } = service('');
    const result = await sync.testConnection({ url: db.url, tls: true });
    expect(result.ok).toBe(false);
    expect(result.message).toBe('TLS is switched on but the central server at 127.0.0.1:3306 does not offer it; switch TLS off or enable it on the server.');
  });
});
