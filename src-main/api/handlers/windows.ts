import type { windowProcedures } from '../../../src-shared/contract/windows.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { recordAudit } from '../../admin/audit-trail.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import type { SessionStore } from '../../staff/sessions.ts';
import { PairedWindows } from '../../windows/paired-windows.ts';
import { actorOf } from '../actor-of.ts';
import type { Handlers } from '../dispatcher.ts';

/**
 * The manager's view of host mode's windows and sessions, and a waiting window's own status.
 * Every change is audited and announced (`windowsChanged`), which also tells the host to close
 * the event connection of a revoked window at once.
 */
export function windowHandlers(office: BoxOffice, sessions: SessionStore): Pick<Handlers, keyof typeof windowProcedures> {
  const windows = new PairedWindows(office.records, office.clock);
  const changed = () => office.bus.emit('windowsChanged', {});

  function endSessionAt(stationId: string, byStaffId: string): boolean {
    const ended = sessions.end(stationId, 'ended-by-manager', byStaffId);
    if (ended) office.bus.emit('staffSessionChanged', {});
    return ended;
  }

  return {
    pairingStatus: (_input, ctx) => {
      const standing = windows.standingOfStation(ctx.stationId);
      // The host lets only paired and waiting windows this far; a station with no window row is the
      // desktop's own (or the host's), which needs no pairing.
      if (!standing || standing.state !== 'pending') {
        return { state: 'paired' as const, windowName: standing?.name ?? office.identity.name, pairingCode: null, expiresAt: null };
      }
      return { state: 'pending' as const, windowName: standing.name, pairingCode: standing.pairingCode, expiresAt: standing.expiresAt };
    },
    listWindows: () => windows.list(),
    listPairingRequests: () => windows.listPending(),
    approvePairing: (input, ctx) => {
      const actor = actorOf(ctx);
      const window = windows.approve(input.code, input.name, actor.staffId);
      recordAudit(office.records, office.clock.now(), actor, 'window.paired', { windowId: window.windowId, name: window.name, address: window.address });
      changed();
      return window;
    },
    revokeWindow: (input, ctx) => {
      const actor = actorOf(ctx);
      if (input.windowId === ctx.stationId) {
        throw new MarqueeError('CONFLICT', 'This is the window you are using; revoke it from another signed-in window.');
      }
      const window = windows.revoke(input.windowId);
      endSessionAt(input.windowId, actor.staffId);
      recordAudit(office.records, office.clock.now(), actor, 'window.revoked', { windowId: window.windowId, name: window.name });
      changed();
      return window;
    },
    renameWindow: (input, ctx) => {
      const actor = actorOf(ctx);
      const window = windows.rename(input.windowId, input.name);
      recordAudit(office.records, office.clock.now(), actor, 'window.renamed', { windowId: window.windowId, name: window.name });
      changed();
      return window;
    },
    listSessions: (_input, ctx) =>
      sessions.list().map((s) => ({
        windowId: s.stationId,
        windowName: s.stationName,
        staffId: s.staffId,
        staffName: s.staffName,
        role: s.role,
        signedInAt: s.signedInAt,
        lastSeenAt: s.lastSeenAt,
        thisWindow: s.stationId === ctx.stationId,
      })),
    endSession: (input, ctx) => ({ ended: endSessionAt(input.windowId, actorOf(ctx).staffId) }),
  };
}
