import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import type { CallContext } from '../../src-main/api/dispatcher.ts';
import { FileSecretStore } from '../../src-main/sync/secret-store.ts';
import { startSyncService } from '../../src-main/sync/sync-service.ts';
import type { SyncStatus } from '../../src-shared/contract/sync.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { createCentralTestDb } from './helpers/central-db.ts';
import { insertLedgerRows, seedReference } from './helpers/ledger-fixtures.ts';
import { startTcpProxy } from './helpers/tcp-proxy.ts';
import { seedStaff } from '../sales/fixtures.ts';
import type { BoxOffice } from '../../src-main/core/box-office.ts';

const ctx: CallContext = { transport: 'test', stationId: 'sync-test-window', sessionSecret: null };

/** Central sync is a manager's setting: sign one in at the test's window. */
async function signIn(office: BoxOffice, staffId: string, pin: string): Promise<void> {
  const result = await createApi(office, { checkOutput: true }).call('signIn', { staffId, pin }, ctx);
  if (!result.ok) throw new Error(result.error.message);
}

async function signInManager(office: BoxOffice): Promise<void> {
  await signIn(office, seedStaff(office).manager.staffId, '2222');
}

describe('the sync service through the contract', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('is off by default and answers status without a running service', async () => {
    const box = openTempBoxOffice();
    cleanups.push(() => box.dispose());
    insertLedgerRows(box.office, 3);
    await signInManager(box.office);
    const api = createApi(box.office, { checkOutput: true });
    const status = await api.call('getSyncStatus', {}, ctx);
    expect(status).toEqual({
      ok: true,
      value: expect.objectContaining({ enabled: false, state: 'off', pendingRows: 3, url: null, lastError: null, progress: null }),
    });
    const configure = await api.call('configureSync', { url: 'mysql://u@h/d', tls: false, enabled: true }, ctx);
    expect(configure).toMatchObject({ ok: false, error: { code: 'SYNC_FAILED' } });
  });

  it('configures, pushes a backlog with progress, and pushes again after a sale', async () => {
    const box = openTempBoxOffice();
    cleanups.push(() => box.dispose());
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    const { office } = box;
    const ref = seedReference(office);
    insertLedgerRows(office, 2500, { performanceIds: ref.performanceIds });
    await signInManager(office);
    const secrets = new FileSecretStore(box.dataDir);
    const sync = startSyncService(office, secrets, { batchSize: 250, afterChangeDelayMs: 20, idleIntervalMs: 60_000 });
    cleanups.push(() => sync.stop());
    expect(startSyncService(office, secrets)).toBe(sync); // one per box office
    const api = createApi(office, { checkOutput: true });

    const events: SyncStatus[] = [];
    cleanups.push(office.bus.subscribe((event, payload) => {
      if (event === 'syncStatusChanged') events.push(payload as SyncStatus);
    }));

    const bad = await api.call('configureSync', { url: 'mysql://root:pw@127.0.0.1/x', tls: false, enabled: true }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/password field/) } });

    // Switched on but with a connection that is cut at once: it fails, then retries by itself.
    const proxy = await startTcpProxy(3306);
    cleanups.push(() => proxy.close());
    proxy.cutAfterBytes(0);
    await sync.stop();
    const retrying = startSyncService(office, secrets, { batchSize: 250, afterChangeDelayMs: 20, idleIntervalMs: 60_000, retryBaseMs: 30, retryMaxMs: 100 });
    cleanups.push(() => retrying.stop());
    const configured = await api.call('configureSync', { url: `mysql://root@127.0.0.1:${proxy.port}/${db.name}`, password: '', tls: false, enabled: true }, ctx);
    expect(configured).toMatchObject({ ok: true, value: { enabled: true, hasPassword: true, url: `mysql://root@127.0.0.1:${proxy.port}/${db.name}` } });
    await vi.waitFor(() => expect(retrying.status().lastError).toMatch(/was cut/), { timeout: 10_000 });
    expect(retrying.status().pendingRows).toBe(2500);
    proxy.cutAfterBytes(null); // the line is back
    await vi.waitFor(() => expect(retrying.status()).toMatchObject({ pendingRows: 0, state: 'idle', lastError: null }), { timeout: 20_000, interval: 50 });

    const progress = events.map((e) => e.progress).filter((p) => p !== null && p.total > 0);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ done: 2500, total: 2500 });
    expect(events.some((e) => e.state === 'pushing')).toBe(true);

    // A sale announced on the bus is pushed shortly after, without anyone pressing "sync now".
    insertLedgerRows(office, 7, { at: 1_799_000_000_000 });
    office.bus.emit('unitsChanged', { performanceId: ref.performanceIds[0]!, unitIds: [1] });
    await vi.waitFor(() => expect(retrying.status().pendingRows).toBe(0), { timeout: 10_000, interval: 20 });
    const [n] = await db.rows<{ n: number }>('select count(*) as n from ledger_entries');
    expect(Number(n!.n)).toBe(2507);

    const now = await api.call('syncNow', {}, ctx);
    expect(now).toMatchObject({ ok: true, value: { pendingRows: 0, lastError: null } });
    const test = await api.call('testSyncConnection', {}, ctx);
    expect(test).toMatchObject({ ok: true, value: { ok: true, schemaVersion: 1, message: expect.stringMatching(/up to date/) } });

    const off = await api.call('configureSync', { url: null, tls: false, enabled: false }, ctx);
    expect(off).toMatchObject({ ok: true, value: { enabled: false, state: 'off', nextAttemptAt: null } });
    expect(await api.call('syncNow', {}, ctx)).toMatchObject({ ok: false, error: { code: 'SYNC_FAILED', message: expect.stringMatching(/switched off/) } });
  });

  it('lets only a manager set up or test the central connection', async () => {
    const box = openTempBoxOffice();
    cleanups.push(() => box.dispose());
    const { office } = box;
    const people = seedStaff(office);
    const sync = startSyncService(office, new FileSecretStore(box.dataDir));
    cleanups.push(() => sync.stop());
    const api = createApi(office, { checkOutput: true });
    const nobody = await api.call('configureSync', { url: 'mysql://u@h/d', tls: false, enabled: true }, ctx);
    expect(nobody).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await signIn(office, people.cashier.staffId, '1111');
    for (const call of [
      api.call('configureSync', { url: 'mysql://u@h/d', tls: false, enabled: true }, ctx),
      api.call('testSyncConnection', {}, ctx),
    ]) {
      expect(await call).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/manager/) } });
    }
    expect(sync.status().enabled).toBe(false);
    // Every signed-in window shows sync state in its status bar.
    expect(await api.call('getSyncStatus', {}, ctx)).toMatchObject({ ok: true });
  });
});
