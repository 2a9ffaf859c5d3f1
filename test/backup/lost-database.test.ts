import { describe, expect, it } from 'vitest';
import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Counter } from '../helpers/counter.ts';
import { useBackupTest } from './lifecycle.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';
import { sell } from '../helpers/sales.ts';
import { prepareDataFolder } from '../../src-main/app/backup-at-start.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';

const test = useBackupTest();

const recordsOf = (c: Counter) => join(c.office.dataDir, 'records.sqlite');

/** Resolves when the box office announces that selling stopped: the real once-a-second watch, no test hook. */
function sellingStops(c: Counter): Promise<string> {
  return new Promise((resolve) => {
    const off = c.office.bus.subscribe((event, payload) => {
      const status = payload as { sellingStopped?: boolean; sentence?: string | null };
      if (event === 'dataStatusChanged' && status.sellingStopped) {
        off();
        resolve(status.sentence ?? '');
      }
    });
  });
}

describe('a database that disappears under a running box office', () => {
  it('notices records.sqlite deleted within seconds, stops selling with a sentence, and restores the latest copy in its place', async () => {
    // The real timers: the once-a-second watch notices the file is gone.
    const c = await test.open({ show: true, compose: { backups: {} } });
    await sell(c.till, c.show.performanceId, 2);
    const { backup } = await c.till.call('backupNow', {});
    await sell(c.till, c.show.performanceId, 1);
    const stopped = sellingStops(c);
    rmSync(recordsOf(c));
    const sentence = await stopped;
    expect(sentence).toMatch(/Selling has stopped: the box office data file records.sqlite was deleted or moved/);

    const refused = await c.till.fail('holdBestAvailable', { performanceId: c.show.performanceId, quantity: 1 });
    expect(refused.code).toBe('STORAGE');
    expect(refused.message).toBe(sentence);
    const status = await c.till.call('getDataStatus', {});
    expect(status).toMatchObject({ sellingStopped: true, sentence });

    // The manager restores the latest copy: the lost file's last state is kept as a safety copy first.
    const restored = await c.till.call('restoreBackup', { stem: backup.stem });
    expect(restored.restartNeeded).toBe(true);
    const safety = (await c.till.call('listBackups', {})).find((b) => b.stem === restored.safetyCopy);
    expect(safety?.orders).toBe(2);
    // Selling stays stopped until Marquee restarts on the restored file, which is back in place.
    expect((await c.till.call('getDataStatus', {})).sellingStopped).toBe(true);
    await c.running.stop();
    c.office.close();
    const again = openTempBoxOffice({ dataDir: c.office.dataDir });
    try {
      expect(again.office.records.$client.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(1);
    } finally {
      again.office.close();
    }
  });

  it('notices records.sqlite swapped for another file, and resumes when a moved file is put back', async () => {
    const c = await test.open({ show: true });
    const service = c.running.backups;
    renameSync(recordsOf(c), `${recordsOf(c)}.moved`);
    expect(service.checkFiles()).toMatch(/deleted or moved/);
    renameSync(`${recordsOf(c)}.moved`, recordsOf(c));
    expect(service.checkFiles()).toBeNull();
    expect((await c.till.call('getDataStatus', {})).sellingStopped).toBe(false);
    await sell(c.till, c.show.performanceId, 1);

    copyFileSync(recordsOf(c), `${recordsOf(c)}.other`);
    renameSync(`${recordsOf(c)}.other`, recordsOf(c));
    expect(service.checkFiles()).toMatch(/was replaced by another file/);
    expect((await c.till.fail('holdBestAvailable', { performanceId: c.show.performanceId, quantity: 1 })).message).toMatch(/replaced by another file/);
  });

  it('at start, an empty records.sqlite beside a used station.sqlite offers the latest good copy instead of a new box office', async () => {
    const c = await test.open({ show: true });
    await sell(c.till, c.show.performanceId, 2);
    const { backup } = await c.till.call('backupNow', {});
    const dataDir = c.office.dataDir;
    await c.running.stop();
    c.office.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${join(dataDir, 'records.sqlite')}${suffix}`, { force: true });

    const atStart = await prepareDataFolder(dataDir, sourceMigrationsRoot, 'test');
    expect(atStart.lost?.sentence).toMatch(/records.sqlite is empty, but this machine has been a box office before/);
    const counter = await test.open({ boxOffice: { dataDir }, signedIn: null });
    // openCounter seeds staff; the lost box office had none left, so take them away again.
    counter.office.records.$client.exec('DELETE FROM staff_sessions; DELETE FROM staff');
    const recovery = await counter.till.call('getStartupRecovery', {});
    expect(recovery).toMatchObject({ lost: true, latest: { stem: backup.stem, orders: 1 } });
    const restored = await counter.till.call('restoreAtStartup', { stem: backup.stem });
    expect(restored.verification.differences).toEqual([]);
    expect(counter.office.records.$client.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(1);
    // The box office has its staff again: the first screen is the sign-in, and the marker is gone.
    expect(counter.running.backups.lostAtStart()).toBeNull();
    expect((await counter.till.fail('getStartupRecovery', {})).code).toBe('UNAUTHENTICATED');
  });
});
