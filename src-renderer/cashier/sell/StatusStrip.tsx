import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { bridge, call } from '../../transport/api.ts';
import { DataState } from '../../manager/backups/DataState.tsx';
import { PrintWarnings } from './PrintState.tsx';

interface Props {
  expiresAt: number | null;
  onExtend(): void;
  onExpired(): void;
}

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The hold's time left, ticking each second; calls onExpired once when it reaches zero. */
export function HoldCountdown({ expiresAt, onExtend, onExpired }: Props) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  const left = expiresAt === null ? null : expiresAt - now;
  useEffect(() => {
    if (left !== null && left <= 0) onExpired();
  }, [left !== null && left <= 0]);
  if (left === null) return <span className="strip-item muted" data-testid="hold-countdown">No seats held</span>;
  return (
    <span className={`strip-item ${left < 60_000 ? 'warn' : ''}`} data-testid="hold-countdown">
      Hold <strong>{clock(left)}</strong>
      <button type="button" onClick={onExtend} data-testid="extend-hold">
        Extend <kbd>X</kbd>
      </button>
    </span>
  );
}

type Printers = OutputOf<'listPrinters'>;
type Sync = OutputOf<'getSyncStatus'>;

/**
 * The sell screen's bottom strip: each printer's state and waiting jobs, sync, and the hold's
 * countdown. It refreshes on the core's events, so a paper-out shows up while the cashier sells.
 */
export function StatusStrip(props: Props) {
  const [printers, setPrinters] = useState<Printers | null>(null);
  const [sync, setSync] = useState<Sync | null>(null);
  useEffect(() => {
    let live = true;
    const loadPrinters = () => void call('listPrinters', {}).then((p) => live && setPrinters(p), () => undefined);
    const loadSync = () => void call('getSyncStatus', {}).then((s) => live && setSync(s), () => undefined);
    loadPrinters();
    loadSync();
    const offs = [
      bridge.on('printerStatusChanged', loadPrinters),
      bridge.on('printJobChanged', loadPrinters),
      bridge.on('syncStatusChanged', (s) => setSync(s)),
    ];
    return () => {
      live = false;
      for (const off of offs) off();
    };
  }, []);
  return (
    <footer className="sell-strip" aria-label="Status" data-testid="status-strip">
      {printers?.length === 0 && <span className="strip-item warn" data-testid="printer-state">No printer set up</span>}
      {printers?.map((p) => (
        <span key={p.id} className={`strip-item ${p.status.state === 'ready' || p.status.state === 'unknown' ? '' : 'warn'}`} data-testid="printer-state" data-state={p.status.state}>
          Printer {p.name}: {p.status.words}
          {p.waitingJobs > 0 ? ` · ${p.waitingJobs} waiting` : ''}
        </span>
      ))}
      {sync && (
        <span className={`strip-item ${sync.state === 'retrying' ? 'warn' : ''}`} data-testid="sync-state">
          Sync: {sync.state === 'off' ? 'off' : sync.state === 'retrying' ? `retrying (${sync.lastError ?? 'failed'})` : `${sync.state}, ${sync.pendingRows} to send`}
        </span>
      )}
      <DataState />
      <PrintWarnings />
      <span className="spacer" />
      <HoldCountdown {...props} />
    </footer>
  );
}
