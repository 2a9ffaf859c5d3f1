import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Counter } from '../helpers/counter.ts';
import { useBackupTest } from './lifecycle.ts';
import { openWindow, type TestWindow } from '../helpers/window.ts';
import { sell } from '../helpers/sales.ts';
import { addStation } from '../sales/fixtures.ts';
import { verifyLedger } from '../../src-main/backup/verify-ledger.ts';

const test = useBackupTest();

type Row = Record<string, unknown>;
const LEDGERED = ['orders', 'tickets', 'payments', 'reservations', 'blocks'] as const;

/** Every ledgered table and the ledger itself, as plain rows ordered by key. */
function snapshot(db: Database.Database, upToSeq?: number): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  out.ledger = db.prepare(`SELECT * FROM ledger WHERE seq <= ? ORDER BY seq`).all(upToSeq ?? Number.MAX_SAFE_INTEGER) as Row[];
  for (const table of LEDGERED) out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Row[];
  return out;
}

async function twoWindows(c: Counter): Promise<[TestWindow, TestWindow]> {
  const a = openWindow(c.api, addStation(c.office, 'Window A'));
  const b = openWindow(c.api, addStation(c.office, 'Window B'));
  await c.signInAs('cashier', a);
  await c.signInAs('cashier', b);
  return [a, b];
}

describe('backup while selling, then restore', () => {
  it('a backup taken while two windows sell, restored, equals the source up to its last ledger sequence', async () => {
    const c = await test.open({ show: { rows: 20, seatsPerRow: 20, standing: 0 } });
    const [a, b] = await twoWindows(c);
    for (let i = 0; i < 5; i++) await sell(i % 2 ? a : b, c.show.performanceId, 2);

    // Both windows keep selling, one sale per turn of the event loop, while the backup runs.
    let selling = true;
    const sales = (async () => {
      let n = 0;
      while (selling && n < 200) {
        await sell(n++ % 2 ? a : b, c.show.performanceId, 1);
        await nextTurn();
      }
      return n;
    })();
    const taken = await c.till.call('backupNow', {});
    selling = false;
    const soldDuring = await sales;
    expect(soldDuring).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) await sell(a, c.show.performanceId, 1);

    const db = c.office.records.$client;
    const seqAtBackup = taken.backup.lastLedgerSeq;
    expect(seqAtBackup).toBeGreaterThanOrEqual(5);
    const lastSeqBefore = db.prepare('SELECT max(seq) FROM ledger').pluck().get() as number;
    expect(lastSeqBefore).toBeGreaterThan(seqAtBackup);
    const ledgerUpTo = snapshot(db, seqAtBackup).ledger;

    const preview = await c.till.call('previewRestore', { stem: taken.backup.stem });
    expect(preview.copy.lastLedgerSeq).toBe(seqAtBackup);
    expect(preview.live.lastLedgerSeq).toBe(lastSeqBefore);
    expect(preview.otherInstallation).toBe(false);

    const restored = await c.till.call('restoreBackup', { stem: taken.backup.stem });
    expect(restored.verification.differences).toEqual([]);
    expect(restored.safetyCopy).not.toBeNull();

    const after = snapshot(db);
    expect(after.ledger).toEqual(ledgerUpTo);
    expect(after.orders).toHaveLength(taken.backup.orders);
    expect(after.tickets).toHaveLength(taken.backup.tickets);
    expect(verifyLedger(db, Date.now()).differences).toEqual([]);

    // The manager is still signed in, selling goes on, and a new sale never reuses a sequence number.
    await sell(a, c.show.performanceId, 1);
    expect(db.prepare('SELECT max(seq) FROM ledger').pluck().get()).toBeGreaterThan(lastSeqBefore);

    // Undo: the safety copy holds everything sold before the restore.
    const undo = await c.till.call('restoreBackup', { stem: restored.safetyCopy! });
    expect(undo.verification.differences).toEqual([]);
    expect(db.prepare('SELECT max(seq) FROM ledger').pluck().get()).toBe(lastSeqBefore);
  });

  it('refuses sales with a sentence while a restore swaps the data, and tells every window to reload', async () => {
    const c = await test.open({ show: true });
    const [a] = await twoWindows(c);
    await sell(a, c.show.performanceId, 1);
    const taken = await c.till.call('backupNow', {});
    const events: string[] = [];
    let stopped!: () => void;
    const whenStopped = new Promise<void>((resolve) => (stopped = resolve));
    c.office.bus.subscribe((event, payload) => {
      events.push(event);
      if (event === 'dataStatusChanged' && (payload as { sellingStopped: boolean }).sellingStopped) stopped();
    });
    const restoring = c.till.call('restoreBackup', { stem: taken.backup.stem });
    await whenStopped;
    // The safety copy is being taken: a window that sells now is told why, and nothing is sold.
    const refused = await a.fail('holdBestAvailable', { performanceId: c.show.performanceId, quantity: 1 });
    expect(refused.code).toBe('LOCKED');
    expect(refused.message).toMatch(/being restored from the backup of .* nothing was sold/);
    expect((await a.call('getDataStatus', {})).sentence).toMatch(/being restored/);
    await restoring;
    expect(events).toContain('boxOfficeRestored');
    expect((await a.call('getDataStatus', {})).sellingStopped).toBe(false);
  });
});
