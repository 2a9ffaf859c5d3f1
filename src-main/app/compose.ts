import type { BoxOffice } from '../core/box-office.ts';
import { openPrintAssets } from '../print/print-assets.ts';
import { PrintService, type PrintServiceOptions } from '../print/print-service.ts';
import { PrintWarnings } from '../print/print-warnings.ts';
import { renderedLayouts } from '../print/render-layouts.ts';
import { SalesEngine, startSalesSweeper } from '../sales/engine.ts';
import { FileSecretStore, type SecretStore } from '../sync/secret-store.ts';
import { startSyncService, type SyncService, type SyncServiceOptions } from '../sync/sync-service.ts';
import type { Counter } from './counter.ts';
import { PrintOnce } from './print-once.ts';
import { BackupService, type BackupServiceOptions } from './backup-service.ts';
import { ExportService, type ExportServiceOptions } from '../exports/export-service.ts';

/**
 * One running box office: the open databases and, made once, everything that works on them. Both
 * transports (host mode, the desktop shell), createApi and every use case get this one object,
 * so one engine, one print queue and one sync service serve every window.
 */
export interface RunningBoxOffice extends Counter {
  /** Central sync; null when composed without it (most tests): its status is then read from the databases. */
  readonly sync: SyncService | null;
  /** Backups, restores and the watch on the database files (docs/backups.md). */
  readonly backups: BackupService;
  /** The export queue and its files (docs/reports.md "Exports"). */
  readonly exports: ExportService;
  /** Stops the background work (sweeper, print queue and its local API, sync); call before `office.close()`. */
  stop(): Promise<void>;
}

export interface ComposeOptions {
  /** Where the central server's password is kept: safeStorage in the desktop app, a 0600 file in host mode. */
  secrets?: SecretStore;
  /** Sync's timings, or false to run without sync. */
  sync?: SyncServiceOptions | false;
  /** The print queue's transports, timings and local API; layouts default to the office's own. */
  print?: PrintServiceOptions;
  /** How often expired holds and reservations are freed, or false for no sweeper (tests sweep by hand). */
  sweeper?: { intervalMs: number } | false;
  /** How backups are copied, and their timers (false: tests tick by hand). */
  backups?: BackupServiceOptions;
  /** Whether the export queue starts working at once (default) or waits for `exports.start()`. */
  exports?: ExportServiceOptions;
}

/**
 * Builds the running box office once, after openBoxOffice: the sales engine and its sweeper,
 * the print assets (layouts, logos, the printer font's folder), the print service (queue and local
 * print API) rendering with those assets, central sync, and the print-once bookkeeping shared by
 * all windows. It lives here, above the domain folders, because it puts sales, print and sync
 * together: none of them knows the others, and `core/` knows none of them (eslint.config.js).
 */
export function composeBoxOffice(office: BoxOffice, options: ComposeOptions = {}): RunningBoxOffice {
  const sales = new SalesEngine(office);
  const stopSweeper = options.sweeper === false ? () => undefined : startSalesSweeper(sales, options.sweeper?.intervalMs);
  const assets = openPrintAssets(office);
  const printOptions = options.print ?? {};
  const printing = new PrintService(office, { ...printOptions, layouts: printOptions.layouts === undefined ? renderedLayouts(assets) : printOptions.layouts });
  const sync = options.sync === false ? null : startSyncService(office, options.secrets ?? new FileSecretStore(office.dataDir), options.sync);
  const engine = () => sales;
  const backups = new BackupService(office, options.backups);
  const exports = new ExportService(office, options.exports);
  let stopping: Promise<void> | undefined;
  return {
    office,
    engine,
    printing,
    assets,
    printWarnings: new PrintWarnings(assets.layouts, office.clock, (count) => office.bus.emit('printWarningsChanged', { count })),
    sync,
    prints: new PrintOnce(engine),
    backups,
    exports,
    stop() {
      stopping ??= (async () => {
        await exports.stop();
        await sync?.stop();
        await printing.stop();
        stopSweeper();
        backups.close();
      })();
      return stopping;
    },
  };
}
