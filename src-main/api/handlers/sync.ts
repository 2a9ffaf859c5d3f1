import { MarqueeError } from '../../../src-shared/errors.ts';
import type { syncProcedures } from '../../../src-shared/contract/sync.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { getSyncService, readSyncStatus, type SyncService } from '../../sync/sync-service.ts';
import type { Handlers } from '../dispatcher.ts';

/** The service holds the secret store, so it must be started (by host mode or Electron) to configure. */
function service(office: BoxOffice): SyncService {
  const running = getSyncService(office);
  if (!running) throw new MarqueeError('SYNC_FAILED', 'Central sync is not available in this box office; it was started without it.');
  return running;
}

export function syncHandlers(office: BoxOffice): Pick<Handlers, keyof typeof syncProcedures> {
  return {
    configureSync: (input) => {
      return service(office).configure(input);
    },
    testSyncConnection: (input) => {
      return service(office).testConnection(input);
    },
    syncNow: () => {
      return service(office).syncNow();
    },
    // The status bar shows sync state at every window, signed in or not.
    getSyncStatus: () => getSyncService(office)?.status() ?? readSyncStatus(office),
  };
}
