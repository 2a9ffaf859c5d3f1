import { useEffect, useState } from 'react';
import type { DataStatus } from '../../../src-shared/contract/backups.ts';
import { bridge, call } from '../../transport/api.ts';

/**
 * The status strip's word on the data: why selling stopped (a database file deleted, moved or
 * replaced, or a restore under way), or a backup warning before it matters (disk filling up, the
 * second folder missing). Nothing when all is well.
 */
export function DataState() {
  const [status, setStatus] = useState<DataStatus | null>(null);
  useEffect(() => {
    let live = true;
    call('getDataStatus', {}).then((s) => live && setStatus(s), () => undefined);
    const off = bridge.on('dataStatusChanged', setStatus);
    return () => {
      live = false;
      off();
    };
  }, []);
  if (!status) return null;
  if (status.sellingStopped) {
    return (
      <span className="strip-item warn data-state" role="alert" data-testid="data-state" data-state="stopped">
        {status.sentence}
      </span>
    );
  }
  if (!status.backupWarning) return null;
  return (
    <span className="strip-item warn" data-testid="data-state" data-state="warning">
      {status.backupWarning}
    </span>
  );
}
