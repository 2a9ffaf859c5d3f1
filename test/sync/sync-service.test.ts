import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../src-shared/contract/sync.ts';
import { openCounter } from '../helpers/counter.ts';
import { createCentralTestDb } from './helpers/central-db.ts';
import { insertLedgerRows, seedReference } from './helpers/ledger-fixtures.ts';
import { startTcpProxy } from './helpers/tcp-proxy.ts';
import { knownSchemaVersion } from '../../src-main/sync/central-migrate.ts';
import { centralMigrations } from './helpers/push.ts';

describe('the sync service through the contract', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('is off by default and answers status without a running service', async () => {
    // Central sync is a manager's setting: one is signed in at the office's window.
    // shift: false: the test counts the ledger rows waiting, and opening a shift writes one.
    const counter = await openCounter({ signedIn: 'manager', shift: false });
    cleanups.push(() => counter.dispose());
    const { till } = counter;
    insertLedgerRows(counter.office, 3);
    const status = await till.result('getSyncStatus', {});
    expect(status).toEqual({
      ok: true,
      value: expect.objectContaining({ enabled: false, state: 'off', pendingRows: 3, url: null, lastError: null, progress: null }),
    });
    const configure = await till.result('configureSync', { url: 'mysql://u@h/d', tls: false, enabled: true });
    expect(configure).toMatchObject({ ok: false, error: { code: 'SYNC_FAILED' } });
  });

  it('configures, pushes a backlog with progress, and pushes again after a sale', async () => {
    // Composed with sync, as the shells compose it: the handlers and this test share its one service.
    const counter = await openCounter({
      signedIn: 'manager',
      shift: false,
      compose: { sync: { batchSize: 250, afterChangeDelayMs: 20, idleIntervalMs: 60_000, retryBaseMs: 30, retryMaxMs: 100 } },
    });
    cleanups.push(() => counter.dispose());
    cleanups.push(() => counter.running.stop());
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    const { office, till } = counter;
    const ref = seedReference(office);
    insertLedgerRows(office, 2500, { performanceIds: ref.performanceIds });
    const sync = counter.running.sync!;

    const events: SyncStatus[] = [];
    cleanups.push(office.bus.subscribe((event, payload) => {
      if (event === 'syncStatusChanged') events.push(payload as SyncStatus);
    }));

    const bad = await till.result('configureSync', { url: 'mysql://root:pw@127.0.0.1/x', tls: false, enabled: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/password field/) } });

    // Switched on but with a connection that is cut at once: it fails, then retries by itself.
    const proxy = await startTcpProxy(3306);
    cleanups.push(() => proxy.close());
    proxy.cutAfterBytes(0);
    const retrying = sync;
    const configured = await till.result('configureSync', { url: `mysql://root@127.0.0.1:${proxy.port}/${db.name}`, password: '', tls: false, enabled: true });
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

    const now = await till.result('syncNow', {});
    expect(now).toMatchObject({ ok: true, value: { pendingRows: 0, lastError: null } });
    const test = await till.result('testSyncConnection', {});
    expect(test).toMatchObject({ ok: true, value: { ok: true, schemaVersion: knownSchemaVersion(centralMigrations), message: expect.stringMatching(/up to date/) } });

    const off = await till.result('configureSync', { url: null, tls: false, enabled: false });
    expect(off).toMatchObject({ ok: true, value: { enabled: false, state: 'off', nextAttemptAt: null } });
    expect(await till.result('syncNow', {})).toMatchObject({ ok: false, error: { code: 'SYNC_FAILED', message: expect.stringMatching(/switched off/) } });
  });

  it('lets only a manager set up or test the central connection', async () => {
    const counter = await openCounter({ signedIn: null, compose: { sync: {} } });
    cleanups.push(() => counter.dispose());
    cleanups.push(() => counter.running.stop());
    const { till } = counter;
    const sync = counter.running.sync!;
    const nobody = await till.result('configureSync', { url: 'mysql://u@h/d', tls: false, enabled: true });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await counter.signInAs('cashier');
    for (const call of [
      till.result('configureSync', { url: 'mysql://u@h/d', tls: false, enabled: true }),
      till.result('testSyncConnection', {}),
    ]) {
      expect(await call).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/manager/) } });
    }
    expect(sync.status().enabled).toBe(false);
    // Every signed-in window shows sync state in its status bar.
    expect(await till.result('getSyncStatus', {})).toMatchObject({ ok: true });
  });
});
