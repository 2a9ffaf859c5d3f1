import type { SalesContext } from './context.ts';
import { releaseBlock } from './blocks.ts';
import { endReservation } from './reservations.ts';

export interface SweepResult {
  expiredHoldUnits: number;
  expiredReservations: number;
  releasedBlocks: number;
  /** performanceId -> unit ids that changed, for unitsChanged events. */
  changed: Map<string, number[]>;
}

/**
 * Clears what ran out: expired holds (already treated as free on every read), reservations past
 * their collection deadline and blocks past their release time, all in one transaction.
 */
export function sweepExpired(ctx: SalesContext, stationId: string): SweepResult {
  const now = ctx.clock.now();
  const changed = new Map<string, number[]>();
  const note = (performanceId: string, ids: number[]) => {
    if (ids.length) changed.set(performanceId, [...(changed.get(performanceId) ?? []), ...ids]);
  };
  const held = ctx.st.expiredHeld.all({ now }) as { id: number; performanceId: string }[];
  for (const u of held) note(u.performanceId, [u.id]);
  const system = { stationId, staffId: null };
  const dueReservations = ctx.st.dueReservations.all(now) as string[];
  for (const id of dueReservations) {
    const { reservation, units } = endReservation(ctx, system, id, 'expired');
    note(reservation.performanceId, units.map((u) => u.id));
  }
  const dueBlocks = ctx.st.dueBlocks.all(now) as string[];
  for (const id of dueBlocks) {
    const { block, units } = releaseBlock(ctx, system, { blockId: id });
    note(block.performanceId, units.map((u) => u.id));
  }
  return { expiredHoldUnits: held.length, expiredReservations: dueReservations.length, releasedBlocks: dueBlocks.length, changed };
}
