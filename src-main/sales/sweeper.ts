import type { SalesContext } from './context.ts';
import { releaseBlock } from './blocks.ts';
import { endReservation } from './reservations.ts';
import { pruneSaleRequests } from './sale-requests.ts';

export interface SweepResult {
  expiredHoldUnits: number;
  expiredReservations: number;
  releasedBlocks: number;
  /** Recorded sale requests past their replay window, forgotten (when asked to prune). */
  prunedSaleRequests: number;
  /** performanceId -> unit ids that changed, for unitsChanged events. */
  changed: Map<string, number[]>;
}

/**
 * Clears what ran out: expired holds (already treated as free on every read), reservations past
 * their collection deadline and blocks past their release time, all in one transaction; and,
 * when asked, the answers kept for repeated sale requests once they are older than a week.
 */
export function sweepExpired(ctx: SalesContext, stationId: string, options: { pruneSaleRequests?: boolean } = {}): SweepResult {
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
  const prunedSaleRequests = options.pruneSaleRequests ? pruneSaleRequests(ctx, now) : 0;
  return { expiredHoldUnits: held.length, expiredReservations: dueReservations.length, releasedBlocks: dueBlocks.length, prunedSaleRequests, changed };
}
