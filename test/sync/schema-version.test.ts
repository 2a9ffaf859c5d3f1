import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { closeCentral, connectCentral } from '../../src-main/sync/central-connection.ts';
import { ensureCentralSchema, knownSchemaVersion, readCentralSchemaVersion } from '../../src-main/sync/central-migrate.ts';
import { MemorySecretStore } from '../../src-main/sync/secret-store.ts';
import { startSyncService } from '../../src-main/sync/sync-service.ts';
import { readCursor } from '../../src-main/sync/sync-config.ts';
import { createCentralTestDb } from './helpers/central-db.ts';
import { insertLedgerRows } from './helpers/ledger-fixtures.ts';
import { centralMigrations, pushOnce } from './helpers/push.ts';

describe('the central schema and its version', () => {
  const cleanups = cleanUpAfterEach();

  it('is created once even when several installations start together', async () => {
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    const conns = await Promise.all([1, 2, 3].map(() => connectCentral(db.target, '', { tls: false })));
    cleanups.push(() => Promise.all(conns.map((c) => closeCentral(c))).then(() => undefined));
    const versions = await Promise.all(conns.map((c, i) => ensureCentralSchema(c, centralMigrations, `installation-${i}`, 1)));
    const known = knownSchemaVersion(centralMigrations);
    expect(versions).toEqual([known, known, known]);
    expect(await db.rows('select version from marquee_schema_version')).toHaveLength(knownSchemaVersion(centralMigrations));
    expect(await readCentralSchemaVersion(conns[0]!)).toBe(knownSchemaVersion(centralMigrations));
  });

  it('refuses to push into a schema newer than this Marquee knows, and says so', async () => {
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    const box = openTempBoxOffice();
    cleanups.push(() => box.dispose());
    insertLedgerRows(box.office, 20);
    await pushOnce(box.office, db.target);
    // A newer Marquee elsewhere has moved the central schema on.
    await db.rows("insert into marquee_schema_version (version, tag, applied_at, applied_by) values (7, '0006_future', 1, 'elsewhere')");
    insertLedgerRows(box.office, 5, { at: 1_799_000_000_000 });

    const sync = startSyncService(box.office, new MemorySecretStore(''), { retryBaseMs: 60_000, idleIntervalMs: 60_000 });
    cleanups.push(() => sync.stop());
    sync.configure({ url: db.url, tls: false, enabled: true });
    const expected =
      `The central database is at schema version 7, newer than the ${knownSchemaVersion(centralMigrations)} this Marquee knows; update Marquee on this computer before it can send sales there.`;
    await expect(sync.syncNow()).rejects.toThrow(expected);
    expect(sync.status()).toMatchObject({ lastError: expected, pendingRows: 5, state: 'retrying' });
    expect(readCursor(box.office.station).lastPushedSeq).toBe(20);
    expect(await db.rows('select seq from ledger_entries')).toHaveLength(20);

    const test = await sync.testConnection({});
    expect(test).toMatchObject({ ok: false, schemaVersion: 7, knownSchemaVersion: knownSchemaVersion(centralMigrations) });
    expect(test.message).toMatch(new RegExp(`schema version 7, newer than the ${knownSchemaVersion(centralMigrations)} this Marquee knows; update Marquee`));
  });
});
