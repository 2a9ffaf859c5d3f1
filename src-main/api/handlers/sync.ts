import { MarqueeError } from '../../../src-shared/errors.ts';
import type { syncProcedures } from '../../../src-shared/contract/sync.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { readSyncStatus, type SyncService } from '../../sync/sync-service.ts';
import type { Handlers } from '../dispatcher.ts';

/**
 * `sync` is the running box office's sync service (app/compose.ts), or null when it was composed
 * without one: it holds the secret store, so configuring needs it; the status is read either way.
 */
export function syncHandlers(office: BoxOffice, sync: SyncService | null): Pick<Handlers, keyof typeof syncProcedures> {
  const service = (): SyncService => {
    if (!sync) throw new MarqueeError('SYNC_FAILED', 'Central sync is not available in this box office; it was started without it.');
    return sync;
  };
  return {
    configureSync: (input) => {
      return service().configure(input);
    },
    testSyncConnection: (input) => {
      return service().testConnection(input);
    },
    syncNow: () => {
      return service().syncNow();
    },
    // The status bar shows sync state at every window, signed in or not.
    getSyncStatus: () => sync?.status() ?? readSyncStatus(office),
  };
}
