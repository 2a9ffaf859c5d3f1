import { startPrintService } from '../print/print-service.ts';
import { startSalesSweeper } from '../sales/engine.ts';
import { FileSecretStore, type SecretStore } from '../sync/secret-store.ts';
import { startSyncService } from '../sync/sync-service.ts';
import type { BoxOffice } from '../core/box-office.ts';

export interface RunningServices {
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Where the central server's password is kept: safeStorage in the desktop app, a 0600 file in host mode. */
  secrets?: SecretStore;
}

/**
 * Background work that lives as long as the box office is open: the sweeper that frees expired
 * holds and reservations, the print queue and its local API, and the central sync (idle unless
 * switched on). Host mode and the Electron shell both start it once after opening the box office,
 * and stop it before the databases close. It lives here, above the domain folders, because it
 * puts sales, print and sync together: `core/` knows none of them (eslint.config.js).
 */
export function startServices(office: BoxOffice, options: ServiceOptions = {}): RunningServices {
  const stopSweeper = startSalesSweeper(office);
  const print = startPrintService(office);
  const sync = startSyncService(office, options.secrets ?? new FileSecretStore(office.dataDir));
  return {
    async stop() {
      await sync.stop();
      await print.stop();
      stopSweeper();
    },
  };
}
