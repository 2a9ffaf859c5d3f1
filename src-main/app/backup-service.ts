import { join } from 'node:path';
import type { BackupProgressView as ProgressView, BackupSettings, BackupStatus, DataStatus } from '../../src-shared/contract/backups.ts';
import { MarqueeError, type ErrorCode } from '../../src-shared/errors.ts';
import { listBackups, type StoredBackup } from '../backup/backup-folder.ts';
import type { BackupReason } from '../backup/copy-names.ts';
import type { CopyMethod } from '../backup/copy-worker.ts';
import { DataFileWatch, lostFileSentence } from '../backup/data-watch.ts';
import { backupFolderProblem } from '../backup/folder-check.ts';
import { checkSpace, databaseBytes } from '../backup/free-space.ts';
import { readManifest } from '../backup/manifest.ts';
import { backupDue } from '../backup/schedule-plan.ts';
import { SellingStop } from '../backup/selling-stop.ts';
import { takeBackup, type BackupResult } from '../backup/take-backup.ts';
import { RECORDS_FILE, type BoxOffice } from '../core/box-office.ts';
import { readSetting, writeSetting } from '../core/settings.ts';
import { readRestoreStamp, writeRestoreStamp, type RestoreStamp } from '../backup/restore-stamp.ts';
import { readLostMarker } from './backup-at-start.ts';
import { entryOf } from './backup-entries.ts';

export const BACKUP_FOLDER = 'backups';
export const STATION_FILE = 'station.sqlite';

export interface BackupServiceOptions {
  /** How copies are made (docs/backups.md says why SQLite's backup API in a worker is the default). */
  method?: CopyMethod;
  /** Timers: the file watch (default every second) and the schedule (every minute); false for none (tests tick by hand). */
  timers?: false | { watchMs?: number; scheduleMs?: number };
}

/**
 * A running box office's backups: the schedule, Backup now, the watch on the database files and
 * the stop it puts on selling, and what the status strip and the Backups screen show. One per
 * running box office (app/compose.ts); restores go through app/restore-box-office.ts.
 */
export class BackupService {
  readonly folder: string;
  readonly recordsFile: string;
  readonly stationFile: string;
  readonly stop: SellingStop;
  private readonly watch: DataFileWatch;
  private running: Promise<BackupResult> | null = null;
  private progress: ProgressView | null = null;
  private lastProblem: string | null = null;
  private lostFile: string | null = null;
  private restoring = false;
  private timers: NodeJS.Timeout[] = [];
  private lastWarning: string | null = null;

  constructor(
    readonly office: BoxOffice,
    private readonly options: BackupServiceOptions = {},
  ) {
    this.folder = join(office.dataDir, BACKUP_FOLDER);
    this.recordsFile = join(office.dataDir, RECORDS_FILE);
    this.stationFile = join(office.dataDir, STATION_FILE);
    this.stop = new SellingStop(office.records.$client);
    this.watch = new DataFileWatch([this.recordsFile, this.stationFile]);
    this.restoreSeen = stampKey(readRestoreStamp(this.folder));
    if (options.timers !== false) {
      const every = (ms: number, fn: () => void) => {
        const timer = setInterval(() => {
          if (office.records.$client.open) fn();
        }, ms);
        timer.unref();
        this.timers.push(timer);
      };
      every(options.timers?.watchMs ?? 1_000, () => {
        this.checkFiles();
        this.checkRestoredElsewhere();
      });
      every(options.timers?.scheduleMs ?? 60_000, () => void this.runSchedule());
    }
  }

  /** The last restore's note as this box office last saw it (backup/restore-stamp.ts). */
  private restoreSeen: string | null = null;

  /**
   * A restore made by another process on this data folder (`npm run restore` while this box office
   * runs): the rows changed under it, so every window is told to reload, as after a restore of its
   * own. Returns the restored copy's stem when one was noticed now.
   */
  checkRestoredElsewhere(): string | null {
    const stamp = readRestoreStamp(this.folder);
    const key = stampKey(stamp);
    if (!stamp || key === this.restoreSeen) return null;
    this.restoreSeen = key;
    if (stamp.pid === process.pid) return null;
    console.log(`[marquee] the backup ${stamp.stem} was restored into this data folder by another process; the windows reload`);
    this.office.bus.emit('boxOfficeRestored', { stem: stamp.stem });
    this.announce();
    return stamp.stem;
  }

  /** Notes this box office's own restore, for the others on the same folder; it is not announced again here. */
  noteRestore(stem: string): void {
    const stamp = { stem, at: this.office.clock.now(), pid: process.pid };
    writeRestoreStamp(this.folder, stamp);
    this.restoreSeen = stampKey(stamp);
  }

  close(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  settings(): BackupSettings {
    const r = this.office.records;
    return {
      everyHours: readSetting(r, 'backups.everyHours'),
      nightlyAfterMinutes: readSetting(r, 'backups.nightlyAfterMinutes'),
      keepToday: readSetting(r, 'backups.keepToday'),
      keepDaily: readSetting(r, 'backups.keepDaily'),
      keepWeekly: readSetting(r, 'backups.keepWeekly'),
      keepMonthly: readSetting(r, 'backups.keepMonthly'),
      secondFolder: readSetting(r, 'backups.secondFolder'),
    };
  }

  saveSettings(next: BackupSettings): BackupSettings {
    const r = this.office.records;
    this.office.records.transaction(() => {
      writeSetting(r, 'backups.everyHours', next.everyHours);
      writeSetting(r, 'backups.nightlyAfterMinutes', next.nightlyAfterMinutes);
      writeSetting(r, 'backups.keepToday', next.keepToday);
      writeSetting(r, 'backups.keepDaily', next.keepDaily);
      writeSetting(r, 'backups.keepWeekly', next.keepWeekly);
      writeSetting(r, 'backups.keepMonthly', next.keepMonthly);
      writeSetting(r, 'backups.secondFolder', next.secondFolder.trim());
    });
    this.announce();
    return this.settings();
  }

  private secondFolder(): string | null {
    return this.settings().secondFolder || null;
  }

  /** The backups in the first folder, newest first, with what each holds (unreadable manifests skipped). */
  list(): ReturnType<typeof entryOf>[] {
    const second = this.secondFolder();
    const inSecond = new Set(second ? listBackups(second).map((b) => b.stem) : []);
    return listBackups(this.folder).flatMap((b) => {
      const manifest = readManifest(b.manifestFile);
      return typeof manifest === 'string' ? [] : [entryOf(b, manifest, inSecond.has(b.stem))];
    });
  }

  /** A backup by the stem a window picked from the list; its own folder first, then the second one. */
  find(stem: string): StoredBackup {
    const second = this.secondFolder();
    const found = [this.folder, ...(second ? [second] : [])].flatMap((f) => listBackups(f)).find((b) => b.stem === stem);
    if (!found) throw new MarqueeError('NOT_FOUND', `There is no backup called ${stem} in the backup folders.`);
    return found;
  }

  private space() {
    return checkSpace(this.folder, databaseBytes(this.recordsFile) + databaseBytes(this.stationFile));
  }

  dataStatus(): DataStatus {
    const second = this.secondFolder();
    const secondProblem = second ? backupFolderProblem(second) : null;
    return {
      sellingStopped: this.stop.stopped,
      sentence: this.stop.sentence,
      backupWarning: this.space().sentence ?? this.lastProblem ?? secondProblem,
    };
  }

  status(): BackupStatus {
    const second = this.secondFolder();
    const space = this.space();
    return {
      data: this.dataStatus(),
      running: this.progress,
      last: this.list()[0] ?? null,
      folder: this.folder,
      secondFolder: second ? { folder: second, problem: backupFolderProblem(second) } : null,
      space: { state: space.state, freeBytes: space.freeBytes, sentence: space.sentence },
      lastProblem: this.lastProblem,
    };
  }

  private announce(): void {
    const data = this.dataStatus();
    this.office.bus.emit('backupStatusChanged', {});
    this.office.bus.emit('dataStatusChanged', data);
  }

  /** Stops every sale with a sentence (the data was lost, or a restore is under way). */
  stopSelling(code: ErrorCode, sentence: string): void {
    this.stop.stop(code, sentence);
    this.announce();
  }

  resumeSelling(): void {
    // A lost or replaced file keeps selling stopped whatever else ends.
    if (this.lostFile) return;
    this.stop.resume();
    this.announce();
  }

  set restoreUnderWay(on: boolean) {
    this.restoring = on;
  }

  get restoreUnderWay(): boolean {
    return this.restoring;
  }

  /** A lost or replaced database file stops selling; put back in place, selling goes on. Returns the lost file's sentence or null. */
  checkFiles(): string | null {
    const lost = this.watch.check().find((w) => w.state !== 'ok');
    if (lost) {
      const sentence = lostFileSentence(lost);
      if (this.lostFile !== sentence) {
        this.lostFile = sentence;
        console.error(`[marquee] ${sentence}`);
        this.stopSelling('STORAGE', sentence);
      }
      return sentence;
    }
    if (this.lostFile) {
      this.lostFile = null;
      if (!this.restoring) this.resumeSelling();
    }
    return null;
  }

  /** Whether records.sqlite at its path is no longer the file this box office has open (a restore must then put the copy in its place). */
  get recordsFileLost(): boolean {
    return this.watch.check().some((w) => w.file === this.recordsFile && w.state !== 'ok');
  }

  /** One backup at a time: a second request while one runs waits for it and gets its result. */
  backupNow(reason: BackupReason = 'manual'): Promise<BackupResult> {
    if (this.running) return this.running;
    const settings = this.settings();
    const run = takeBackup(
      {
        recordsFile: this.recordsFile,
        stationFile: this.stationFile,
        recordsConnection: this.office.records.$client,
      },
      {
        folder: this.folder,
        secondFolder: settings.secondFolder || null,
        clock: this.office.clock,
        reason,
        version: this.office.version,
        // A lost file can only be copied from the connection that still has it open.
        method: this.lostFile ? 'backup-steps' : this.options.method,
        retention: {
          today: settings.keepToday,
          daily: settings.keepDaily,
          weekly: settings.keepWeekly,
          monthly: settings.keepMonthly,
          // The venue's days, not UTC's: a copy at 00:30 BST belongs to the new day.
          timeZone: readSetting(this.office.records, 'venue.timeZone'),
        },
        onProgress: (p) => {
          this.progress = { reason, phase: p.phase, fraction: p.fraction };
          this.office.bus.emit('backupProgress', this.progress);
        },
      },
    );
    this.running = run;
    return run.then(
      (result) => {
        this.running = null;
        this.progress = null;
        this.lastProblem = result.secondFolder?.sentence ?? null;
        this.announce();
        return result;
      },
      (error: unknown) => {
        this.running = null;
        this.progress = null;
        // A MarqueeError's sentence, or only the disk's code: an fs error's message names host paths.
        const why = error instanceof MarqueeError ? error.message : `the disk answered ${(error as { code?: string }).code ?? 'with an error'}`;
        this.lastProblem = `The last backup failed: ${why}`;
        console.error('[marquee] backup failed', error);
        this.announce();
        throw error instanceof MarqueeError ? error : new MarqueeError('STORAGE', `${this.lastProblem}.`);
      },
    );
  }

  /** What the schedule owes now, if anything (for the timer, and for tests with a simulated clock). */
  dueNow(): 'nightly' | 'interval' | null {
    const now = this.office.clock.now();
    const db = this.office.records.$client;
    const starts = db
      .prepare(`SELECT starts_at FROM performances WHERE state = 'on_sale' AND starts_at BETWEEN ? AND ?`)
      .pluck()
      .all(now - 2 * 86_400_000, now + 86_400_000) as number[];
    const onSale = db.prepare(`SELECT 1 FROM performances WHERE state = 'on_sale' AND starts_at > ? LIMIT 1`).get(now) !== undefined;
    const s = this.settings();
    return backupDue({ everyHours: s.everyHours, nightlyAfterMinutes: s.nightlyAfterMinutes }, { now, lastBackupAt: listBackups(this.folder)[0]?.at ?? null, performanceStarts: starts, onSale });
  }

  /** Takes the backup the schedule owes, if any; a failure is kept for the managers, never thrown at the timer. */
  async runSchedule(): Promise<BackupResult | null> {
    this.warnIfChanged();
    if (this.running || this.restoring || isEmptyBoxOffice(this.office)) return null;
    const due = this.dueNow();
    if (!due) return null;
    return this.backupNow(due).catch(() => null);
  }

  /** A new warning (disk filling up, second folder gone) reaches the strips without waiting for a backup. */
  private warnIfChanged(): void {
    const warning = this.dataStatus().backupWarning;
    if (warning !== this.lastWarning) {
      this.lastWarning = warning;
      this.announce();
    }
  }

  lostAtStart() {
    return readLostMarker(this.folder);
  }
}

function stampKey(stamp: RestoreStamp | null): string | null {
  return stamp ? `${stamp.stem}@${stamp.at}@${stamp.pid}` : null;
}

function isEmptyBoxOffice(office: BoxOffice): boolean {
  const db = office.records.$client;
  return db.prepare('SELECT 1 FROM staff LIMIT 1').get() === undefined && db.prepare('SELECT 1 FROM ledger LIMIT 1').get() === undefined;
}
