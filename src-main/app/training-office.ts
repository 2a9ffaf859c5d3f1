import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openBoxOffice, type BoxOffice } from '../core/box-office.ts';
import { readSetting } from '../core/settings.ts';
import { stations } from '../db/records/schema.ts';
import { preferences } from '../db/station/schema.ts';
import { openPrintAssets } from '../print/print-assets.ts';
import { renderedLayouts } from '../print/render-layouts.ts';
import { copyCatalogue, copyPrinters } from '../training/copy-catalogue.ts';
import { isTraining, readTrainingFlags, writeTrainingFlags, type TrainingFlags } from '../training/training-flags.ts';
import { trainingLayouts } from '../training/training-print.ts';
import { composeBoxOffice, type RunningBoxOffice } from './compose.ts';

/** The training box office's own folder inside the live data folder: its records, station and nothing else. */
export const TRAINING_FOLDER = 'training';
const COPIED_AT = 'training.copiedAt';

export interface TrainingDeskOptions {
  /** The training office's sweeper (false in tests, which sweep by hand). */
  sweeper?: { intervalMs: number } | false;
}

interface Open {
  office: BoxOffice;
  running: RunningBoxOffice;
  /** Windows whose station row the training records have. */
  known: Set<string>;
}

/**
 * Training mode for one running box office: which windows train (kept in the live station
 * database), and the training box office that serves them, composed with the same
 * composeBoxOffice, so it is the same engine, over `<data dir>/training/records.sqlite`. That
 * office has no sync (nothing reaches the central server), no local print API and no backups of
 * its own, and its layouts print "TRAINING — NOT VALID". It is opened when first needed.
 */
export class TrainingDesk {
  readonly folder: string;
  private current: Open | null = null;
  private resetting: Promise<void> | null = null;

  constructor(
    readonly live: RunningBoxOffice,
    private readonly options: TrainingDeskOptions = {},
  ) {
    this.folder = join(live.office.dataDir, TRAINING_FOLDER);
  }

  flags(): TrainingFlags {
    return readTrainingFlags(this.live.office.station);
  }

  /** Whether the window (station) is served by the training box office: the host's decision, never the window's. */
  trains(stationId: string): boolean {
    return isTraining(this.flags(), stationId);
  }

  setWindow(stationId: string, on: boolean): void {
    const flags = this.flags();
    const stations = on ? [...flags.stations, stationId] : flags.stations.filter((s) => s !== stationId);
    writeTrainingFlags(this.live.office.station, { ...flags, stations });
  }

  setWholeHost(on: boolean): void {
    writeTrainingFlags(this.live.office.station, { ...this.flags(), wholeHost: on });
  }

  /** The training box office, opened (and its catalogue copied from the live one) on first use. */
  running(): RunningBoxOffice {
    this.current ??= this.open();
    return this.current.running;
  }

  /**
   * The training office, for a window about to call it: a window registered since the catalogue
   * was copied gets its live name there too, so its screens name it as they do live.
   */
  for(stationId: string): RunningBoxOffice {
    const running = this.running();
    const open = this.current!;
    if (!open.known.has(stationId)) {
      const row = this.live.office.records.select().from(stations).where(eq(stations.id, stationId)).get();
      if (row) running.office.records.insert(stations).values(row).onConflictDoUpdate({ target: stations.id, set: { name: row.name } }).run();
      open.known.add(stationId);
    }
    return running;
  }

  /** When the training records were copied from the live catalogue; null when there are none yet. */
  copiedAt(): number | null {
    if (!this.current && !existsSync(join(this.folder, 'station.sqlite'))) return null;
    const { office } = this.current ?? (this.current = this.open());
    const value = office.station.select({ value: preferences.value }).from(preferences).where(eq(preferences.key, COPIED_AT)).get()?.value;
    return typeof value === 'number' ? value : null;
  }

  /** The training office's ticket secret, so the live door can tell a training ticket by its code; null before any was sold. */
  ticketSecret(): Buffer | null {
    if (!this.current && !existsSync(join(this.folder, 'records.sqlite'))) return null;
    const secret = readSetting(this.running().office.records, 'tickets.secret');
    return secret ? Buffer.from(secret, 'base64') : null;
  }

  /** Throws the training records away and copies the live catalogue again. */
  reset(): Promise<void> {
    this.resetting ??= (async () => {
      try {
        await this.close();
        rmSync(this.folder, { recursive: true, force: true });
        this.current = this.open();
      } finally {
        this.resetting = null;
      }
    })();
    return this.resetting;
  }

  async close(): Promise<void> {
    const open = this.current;
    this.current = null;
    if (!open) return;
    await open.running.stop();
    open.office.close();
  }

  private open(): Open {
    const live = this.live.office;
    const fresh = !existsSync(join(this.folder, 'records.sqlite'));
    const office = openBoxOffice({
      dataDir: this.folder,
      migrationsRoot: live.migrationsRoot,
      mode: live.mode,
      version: live.version,
      clock: live.clock,
      layoutsDir: live.layoutsDir,
      assetsDir: live.assetsDir,
      stationName: `${live.identity.name} (training)`,
    });
    try {
      const copied = office.station.select().from(preferences).where(eq(preferences.key, COPIED_AT)).get();
      if (fresh || !copied) {
        copyCatalogue(live.records.$client, office.records.$client);
        copyPrinters(live.station.$client, office.station.$client);
        office.station.insert(preferences).values({ key: COPIED_AT, value: live.clock.now() }).onConflictDoNothing().run();
      }
      const running = composeBoxOffice(office, {
        sync: false,
        sweeper: this.options.sweeper,
        print: { api: false, layouts: trainingLayouts(renderedLayouts(openPrintAssets(office))) },
        backups: { timers: false },
      });
      return { office, running, known: new Set<string>() };
    } catch (error) {
      office.close();
      throw error;
    }
  }
}
