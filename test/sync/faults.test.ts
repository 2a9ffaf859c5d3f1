import { describe, expect, it } from 'vitest';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { MemorySecretStore } from '../../src-main/sync/secret-store.ts';
import { startSyncService } from '../../src-main/sync/sync-service.ts';
import { ensureInstallationId, readCursor } from '../../src-main/sync/sync-config.ts';
import { createCentralTestDb } from './helpers/central-db.ts';
import { insertLedgerRows, ledgerCount, seedReference } from './helpers/ledger-fixtures.ts';
import { startTcpProxy } from './helpers/tcp-proxy.ts';

describe('pushing through a connection that keeps being cut', () => {
  const cleanups = cleanUpAfterEach();

  it('ends with central and local matching, no duplicates, while selling goes on', async () => {
    const box = openTempBoxOffice();
    cleanups.push(() => box.dispose());
    const db = await createCentralTestDb();
    cleanups.push(() => db.drop());
    const proxy = await startTcpProxy(3306);
    cleanups.push(() => proxy.close());
    const { office } = box;
    const ref = seedReference(office);
    insertLedgerRows(office, 3000, { performanceIds: ref.performanceIds });

    const service = startSyncService(office, new MemorySecretStore(''), {
      batchSize: 100,
      retryBaseMs: 60_000, // retries here are driven by syncNow, not by the timer
      idleIntervalMs: 60_000,
      afterChangeDelayMs: 60_000,
    });
    cleanups.push(() => service.stop());
    service.configure({ url: `mysql://root@127.0.0.1:${proxy.port}/${db.name}`, tls: false, enabled: true });

    // Cut at a different point of the conversation each time: during the handshake, the schema,
    // the reference data, mid-batch and (by chance) between a COMMIT and its acknowledgement.
    const failures: string[] = [];
    const cutPoints = [900, 6_000, 40_000, 150_000, 333_333, 500_000, 777_777];
    let at = 1_796_000_000_000;
    for (const bytes of cutPoints) {
      proxy.cutAfterBytes(bytes);
      await service.syncNow().catch((error: Error) => failures.push(error.message));
      at += 60_000;
      insertLedgerRows(office, 40, { performanceIds: ref.performanceIds, at }); // the box office keeps selling
    }

    // And a cut on command while a batch is on its way.
    proxy.cutAfterBytes(null);
    let cutOnCommand = false;
    const unsubscribe = office.bus.subscribe((event, payload) => {
      const progress = event === 'syncStatusChanged' ? (payload as { progress: { done: number } | null }).progress : null;
      if (!cutOnCommand && progress && progress.done >= 200) {
        cutOnCommand = true;
        proxy.cutAll();
      }
    });
    insertLedgerRows(office, 1500, { performanceIds: ref.performanceIds, at: at + 60_000 });
    await service.syncNow().catch((error: Error) => failures.push(error.message));
    unsubscribe();
    expect(cutOnCommand).toBe(true);

    expect(proxy.cuts).toBeGreaterThanOrEqual(5);
    expect(failures.length).toBeGreaterThanOrEqual(5);
    for (const message of failures) expect(message).toMatch(/connection to the central server at 127\.0\.0\.1:\d+ was cut/);
    const failed = service.status();
    expect(failed.state).toBe('retrying');
    expect(failed.lastError).toBe(failures.at(-1));
    expect(failed.pendingRows).toBeGreaterThan(0);

    // The line comes back: one more push catches everything up.
    const done = await service.syncNow();
    expect(done.pendingRows).toBe(0);
    expect(done.lastError).toBeNull();
    expect(done.state).toBe('idle');
    expect(done.lastSuccessAt).not.toBeNull();

    const total = ledgerCount(office);
    const [counts] = await db.rows<{ n: number; d: number; lo: number; hi: number }>(
      'select count(*) as n, count(distinct id) as d, min(seq) as lo, max(seq) as hi from ledger_entries where installation_id = ?',
      [ensureInstallationId(office.records)],
    );
    expect([Number(counts!.n), Number(counts!.d), Number(counts!.lo), Number(counts!.hi)]).toEqual([total, total, 1, total]);
    expect(readCursor(office.station).lastPushedSeq).toBe(total);

    // Every order and ticket appears once, in the state its last ledger entry left it.
    const localOrders = office.records.$client.prepare("select count(distinct order_id) as n from ledger where kind = 'order.booked'").get() as { n: number };
    const [orders] = await db.rows<{ n: number }>('select count(*) as n from orders');
    expect(Number(orders!.n)).toBe(localOrders.n);
    const [refunded] = await db.rows<{ n: number }>("select count(*) as n from orders where state = 'refunded'");
    const localRefunds = office.records.$client.prepare("select count(*) as n from ledger where kind = 'order.refunded'").get() as { n: number };
    expect(Number(refunded!.n)).toBe(localRefunds.n);
  });
});

describe('a COMMIT that reached the server but whose answer was lost', () => {
  it('is recognised on the next push from the central cursor, never sent twice', async () => {
    const box = openTempBoxOffice();
    const db = await createCentralTestDb();
    const proxy = await startTcpProxy(3306);
    const { office } = box;
    const service = startSyncService(office, new MemorySecretStore(''), { batchSize: 100, retryBaseMs: 60_000, idleIntervalMs: 60_000 });
    try {
      insertLedgerRows(office, 250);
      service.configure({ url: `mysql://root@127.0.0.1:${proxy.port}/${db.name}`, tls: false, enabled: true });
      // Ledger batches end with a lowercase 'commit' of their own (reference data uses COMMIT):
      // let the second batch's commit through and lose its answer.
      proxy.cutAfterSending('commit', 2);
      await expect(service.syncNow()).rejects.toThrow(/was cut/);
      const stationCursor = readCursor(office.station).lastPushedSeq;
      const [central] = await db.rows<{ last_seq: number }>('select last_seq from sync_cursors');
      expect(stationCursor).toBe(100);
      expect(Number(central!.last_seq)).toBe(200); // committed centrally, unknown to the station

      const done = await service.syncNow();
      expect(done.pendingRows).toBe(0);
      const [counts] = await db.rows<{ n: number; d: number }>('select count(*) as n, count(distinct seq) as d from ledger_entries');
      expect([Number(counts!.n), Number(counts!.d)]).toEqual([250, 250]);
    } finally {
      await service.stop();
      await proxy.close();
      await db.drop();
      box.dispose();
    }
  });
});
