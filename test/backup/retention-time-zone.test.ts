import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, pruneBackups } from '../../src-main/backup/backup-folder.ts';
import { manifestName, stemFor } from '../../src-main/backup/copy-names.ts';
import { copiesToKeep } from '../../src-main/backup/retention.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { useBackupTest } from './lifecycle.ts';

const HOUR = 3_600_000;
const test = useBackupTest();
const iso = (at: number) => new Date(at).toISOString().slice(0, 16);

describe("retention's days are the venue's", () => {
  it('puts a copy made at 00:30 BST in the new London day, where UTC would put it in the old one', () => {
    const copies = [Date.UTC(2027, 2, 27, 12, 0), Date.UTC(2027, 2, 28, 22, 30), Date.UTC(2027, 2, 28, 23, 30)];
    const now = copies[2]!;
    const policy = { today: 0, daily: 2, weekly: 0, monthly: 0 };
    // London: 23:30 BST on the 28th and 00:30 BST on the 29th are two days; the 27th is the third.
    expect([...copiesToKeep(copies, now, { ...policy, timeZone: 'Europe/London' })].map(iso).sort()).toEqual(['2027-03-28T22:30', '2027-03-28T23:30']);
    expect([...copiesToKeep(copies, now, policy)].map(iso).sort()).toEqual(['2027-03-27T12:00', '2027-03-28T23:30']);
  });

  it('keeps the last copy of each London day across the change to summer time (injected clock, a copy every 4 hours)', () => {
    const folder = test.folder('marquee-retention-zone-');
    // Copies at 23:30, 03:30, … 19:30 UTC; summer time starts on Sunday 28 March 2027 at 01:00 UTC.
    const clock = new ManualClock(Date.UTC(2027, 2, 20, 23, 30));
    const end = Date.UTC(2027, 3, 3, 19, 30); // Saturday 3 April, 20:30 BST
    const policy = { today: 6, daily: 7, weekly: 0, monthly: 0, timeZone: 'Europe/London' };
    for (; clock.now() <= end; clock.advance(4 * HOUR)) {
      writeFileSync(join(folder, manifestName(stemFor(clock.now(), 'interval'))), '{}');
      pruneBackups(folder, clock.now(), policy);
    }
    const kept = listBackups(folder)
      .map((b) => iso(b.at))
      .sort();
    const expected = new Set<string>();
    // Today in London (3 April) began at 23:00 UTC on the 2nd: the copy of 23:30 UTC is its first.
    expected.add('2027-04-02T23:30');
    for (const h of [3, 7, 11, 15, 19]) expected.add(iso(Date.UTC(2027, 3, 3, h, 30)));
    // Daily: each London day since 28 March ends at 23:00 UTC, so its last copy is 19:30 UTC (23:30 UTC is the next day's 00:30).
    for (const [m, d] of [[2, 28], [2, 29], [2, 30], [2, 31], [3, 1], [3, 2]] as const) expected.add(iso(Date.UTC(2027, m, d, 19, 30)));
    expect(kept).toEqual([...expected].sort());
  });
});
