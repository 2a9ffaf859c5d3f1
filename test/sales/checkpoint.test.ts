import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src-main/db/checkpointer.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { makeTempDir, openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { seedShow, seedStaff } from './fixtures.ts';

/** The WAL header's checkpoint sequence number: it goes up each time the WAL starts over. */
function walGeneration(walFile: string): number {
  const fd = openSync(walFile, 'r');
  try {
    const header = Buffer.alloc(32);
    readSync(fd, header, 0, 32, 0);
    return header.readUInt32BE(12);
  } finally {
    closeSync(fd);
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(25);
  }
}

function openWal(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS sales (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
  return db;
}

describe('WAL checkpoints off the sale path', () => {
  it('a box office copies the WAL into the database in the background while it sells, and close empties it', async () => {
    const temp = openTempBoxOffice();
    const dbFile = join(temp.dataDir, 'records.sqlite');
    const walFile = `${dbFile}-wal`;
    try {
      const show = seedShow(temp.office, { rows: 4, seatsPerRow: 10, standing: 0 });
      const { cashier } = seedStaff(temp.office);
      const engine = new SalesEngine(temp.office);
      const sellPair = (i: number) => {
        const hold = engine.holdSeats(cashier, { performanceId: show.performanceId, unitIds: show.seatUnitIds.slice(2 * i, 2 * i + 2) });
        engine.book(cashier, {
          holdId: hold.holdId,
          lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
          payments: [{ method: 'cash', amountMinor: 5000 }],
        });
      };
      // The selling connection never checkpoints a WAL this small itself (its backstop is far above).
      expect(temp.office.records.$client.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(10_000);

      for (let round = 0; round < 3; round++) {
        const generation = walGeneration(walFile);
        const dbSize = statSync(dbFile).size;
        for (let i = 0; i < 5; i++) sellPair(round * 5 + i);
        // Once the worker has copied every committed page, the next sale starts the WAL over;
        // nothing but a checkpoint writes the database file in WAL mode.
        await until(() => {
          engine.releaseHold(cashier, { holdId: engine.holdSeats(cashier, { performanceId: show.performanceId, unitIds: [show.seatUnitIds[39]!] }).holdId });
          return walGeneration(walFile) > generation;
        }, 'the WAL starts over');
        expect(statSync(dbFile).size).toBeGreaterThanOrEqual(dbSize);
      }
      expect(temp.office.records.$client.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(15);

      temp.office.close();
      // The worker closed its connection first, so the final close was the last one and removed the WAL.
      expect(existsSync(walFile)).toBe(false);
      const reopened = new Database(dbFile, { readonly: true });
      try {
        expect(reopened.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(15);
        expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        reopened.close();
      }
    } finally {
      temp.dispose();
    }
  });

  it('the worker reports passive checkpoints that catch up with the commits', async () => {
    const dir = makeTempDir();
    const file = join(dir, 'w.sqlite');
    const db = openWal(file);
    const checkpointer = startCheckpointer(db, file, { intervalMs: 20 });
    try {
      const insert = db.prepare('INSERT INTO sales (note) VALUES (?)');
      for (let i = 0; i < 500; i++) insert.run('x'.repeat(200));
      await until(() => {
        const s = checkpointer.stats();
        return s.checkpoints > 0 && s.lastLogPages > 0 && s.lastCopiedPages === s.lastLogPages;
      }, 'a checkpoint has copied the whole WAL');
    } finally {
      checkpointer.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the WAL bounded by the selling connection’s backstop when the worker cannot keep up', () => {
    const dir = makeTempDir();
    const file = join(dir, 'b.sqlite');
    const db = openWal(file);
    // A worker that never gets round to it: only the backstop checkpoints.
    const checkpointer = startCheckpointer(db, file, { intervalMs: 600_000, backstopPages: 200, walSizeLimitBytes: 1024 * 1024 });
    try {
      const insert = db.prepare('INSERT INTO sales (note) VALUES (?)');
      let largest = 0;
      for (let i = 0; i < 3000; i++) {
        insert.run('y'.repeat(3000));
        if (i % 100 === 0) largest = Math.max(largest, statSync(`${file}-wal`).size);
      }
      // 3,000 one-page commits would be ~12 MB of WAL; the backstop restarts it every ~200 pages.
      expect(largest).toBeLessThan(2 * 1024 * 1024);
      checkpointer.close();
      expect(statSync(`${file}-wal`).size).toBe(0);
    } finally {
      checkpointer.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
