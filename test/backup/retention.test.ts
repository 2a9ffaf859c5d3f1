import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBackupTest } from './lifecycle.ts';
import { listBackups, pruneBackups } from '../../src-main/backup/backup-folder.ts';
import { manifestName, stemFor } from '../../src-main/backup/copy-names.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { backupDue } from '../../src-main/backup/schedule-plan.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const test = useBackupTest();

const iso = (at: number) => new Date(at).toISOString().slice(0, 16);

describe('retention over a simulated year', () => {
  it('keeps exactly 6 of today, 14 daily, 8 weekly and 12 monthly copies, pruning after each new copy', () => {
    const folder = test.folder('marquee-retention-');
    const clock = new ManualClock(Date.UTC(2027, 0, 1, 0, 0));
    const end = Date.UTC(2027, 11, 31, 20, 0); // Friday 31 December 2027, 20:00
    const policy = { today: 6, daily: 14, weekly: 8, monthly: 12 };
    let most = 0;
    // A copy every 4 hours all year (the interval copies), each followed by pruning, as takeBackup does.
    for (; clock.now() <= end; clock.advance(4 * HOUR)) {
      writeFileSync(join(folder, manifestName(stemFor(clock.now(), 'interval'))), '{}');
      pruneBackups(folder, clock.now(), policy);
      most = Math.max(most, listBackups(folder).length);
    }
    const kept = listBackups(folder)
      .map((b) => iso(b.at))
      .sort();

    const expected = new Set<string>();
    // Today (31 Dec): the six copies, 00:00 to 20:00.
    for (let h = 0; h <= 20; h += 4) expected.add(iso(Date.UTC(2027, 11, 31, h)));
    // Daily: the last copy (20:00) of each of the 14 days 18–31 December.
    for (let d = 18; d <= 31; d++) expected.add(iso(Date.UTC(2027, 11, d, 20)));
    // Weekly: the last copy of each of 8 weeks, Monday to Sunday: this week (to Friday 31st), then the Sundays before.
    for (const [m, d] of [[11, 26], [11, 19], [11, 12], [11, 5], [10, 28], [10, 21], [10, 14]] as const) expected.add(iso(Date.UTC(2027, m, d, 20)));
    // Monthly: the last copy of each of 12 months, January to December.
    for (let m = 0; m < 11; m++) expected.add(iso(Date.UTC(2027, m + 1, 0, 20)));
    expect(kept).toEqual([...expected].sort());
    // The folder never grew past the copies kept plus the new one: the disk never fills with copies.
    expect(most).toBeLessThanOrEqual(expected.size + 1);
  });
});

describe('the schedule', () => {
  const plan = { everyHours: 4, nightlyAfterMinutes: 240 };
  const day = Date.UTC(2027, 2, 10);
  const show = day + 19.5 * HOUR;

  it('is due nightly some hours after the last performance, and every N hours while a performance is on sale', () => {
    const due = (now: number, lastBackupAt: number | null, onSale = true) => backupDue(plan, { now, lastBackupAt, performanceStarts: [show], onSale });
    expect(due(day + 10 * HOUR, day + 9 * HOUR)).toBeNull();
    expect(due(day + 13 * HOUR, day + 9 * HOUR)).toBe('interval');
    expect(due(day + 13 * HOUR, day + 9 * HOUR, false)).toBeNull();
    expect(due(show + 3 * HOUR, show)).toBeNull();
    expect(due(show + 4 * HOUR, show + 2 * HOUR, false)).toBe('nightly');
    expect(due(show + 5 * HOUR, show + 4 * HOUR + 1, false)).toBeNull();
    // Switched on the next morning, it still owes last night's copy.
    expect(due(day + DAY + 8 * HOUR, day + 12 * HOUR, false)).toBe('nightly');
  });

  it('takes the copies it owes on an injected clock, through the real service, and prunes them', async () => {
    const clock = new ManualClock(Date.UTC(2027, 2, 10, 8));
    const counter = await test.open({ boxOffice: { clock }, show: { startsAt: Date.UTC(2027, 2, 12, 19, 30) } });
    const service = counter.running.backups;
    await counter.till.call('saveBackupSettings', { ...(await counter.till.call('getBackupSettings', {})), keepToday: 2, keepDaily: 1, keepWeekly: 0, keepMonthly: 0 });
    const reasons: string[] = [];
    for (let i = 0; i < 48; i++, clock.advance(HOUR)) {
      const made = await service.runSchedule();
      if (made) reasons.push(`${iso(made.manifest.madeAt)} ${made.manifest.reason}`);
    }
    expect(reasons).toEqual([
      '2027-03-10T08:00 nightly',
      '2027-03-10T12:00 interval',
      '2027-03-10T16:00 interval',
      '2027-03-10T20:00 interval',
      '2027-03-10T23:00 nightly',
      '2027-03-11T03:00 interval',
      '2027-03-11T07:00 interval',
      '2027-03-11T11:00 interval',
      '2027-03-11T15:00 interval',
      '2027-03-11T19:00 interval',
      '2027-03-11T23:00 nightly',
      '2027-03-12T03:00 interval',
      '2027-03-12T07:00 interval',
    ]);
    // Two of today; the one daily copy is today's newest too (days count from today, as restic's do).
    expect(listBackups(service.folder).map((b) => iso(b.at))).toEqual(['2027-03-12T07:00', '2027-03-12T03:00']);
  });
});
