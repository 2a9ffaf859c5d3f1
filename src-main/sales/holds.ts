import { newId } from './ids.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { Actor } from './actor.ts';
import { suggestSeats, type CandidateSeat } from './best-available.ts';
import type { SalesContext } from './context.ts';
import { requireOnSale } from './gate.ts';
import { explainUnclaimed, labelsOf } from './unit-checks.ts';

export interface HoldRecord {
  id: string;
  performanceId: string;
  stationId: string;
  expiresAt: number;
}

export interface HoldResult {
  holdId: string;
  performanceId: string;
  expiresAt: number;
  /** The units this operation added to the hold. */
  unitIds: number[];
  labels: string[];
}

export interface HoldInput {
  performanceId: string;
  unitIds?: number[] | undefined;
  /** General-admission places by quantity: the engine picks free places of the area. */
  places?: { areaId: string; quantity: number }[] | undefined;
  /** Add to this window's existing hold (one basket) instead of starting a new one. */
  holdId?: string | undefined;
}

const MINUTE = 60_000;

export function holdMinutes(ctx: SalesContext): number {
  return ctx.setting('holds.minutes', 10);
}

/** A live hold of this window, or the typed reason it cannot be used. */
export function requireLiveHold(ctx: SalesContext, actor: Pick<Actor, 'stationId'>, holdId: string, now: number): HoldRecord {
  const hold = ctx.st.hold.get(holdId) as HoldRecord | undefined;
  if (!hold || hold.expiresAt <= now) {
    throw new MarqueeError('HOLD_EXPIRED', 'The hold on these seats has expired or was released; choose the seats again.', { holdId });
  }
  if (hold.stationId !== actor.stationId) {
    throw new MarqueeError('FORBIDDEN', 'These seats are held at another window; only that window can use the hold.', { holdId });
  }
  return hold;
}

function startOrJoinHold(ctx: SalesContext, actor: Actor, performanceId: string, holdId: string | undefined, now: number): HoldRecord {
  if (holdId) {
    const hold = requireLiveHold(ctx, actor, holdId, now);
    if (hold.performanceId !== performanceId) throw new MarqueeError('BAD_INPUT', 'A hold covers one performance; start a new hold for this one.');
    return hold;
  }
  const hold = { id: newId(now), performanceId, stationId: actor.stationId, expiresAt: now + holdMinutes(ctx) * MINUTE };
  ctx.st.insertHold.run(hold.id, performanceId, actor.stationId, actor.staffId, now, hold.expiresAt);
  return hold;
}

function claim(ctx: SalesContext, hold: HoldRecord, ids: number[], now: number): void {
  const changes = ctx.st.claimUnits.run({
    holdId: hold.id,
    stationId: hold.stationId,
    expiresAt: hold.expiresAt,
    performanceId: hold.performanceId,
    ids: JSON.stringify(ids),
    now,
  }).changes;
  if (changes !== ids.length) explainUnclaimed(ctx, hold.performanceId, ids, now, hold.id);
}

/** Holds chosen seats and/or general-admission places in one transaction: all of them or none. */
export function holdSeats(ctx: SalesContext, actor: Actor, input: HoldInput): HoldResult {
  const now = ctx.clock.now();
  const ids = [...new Set(input.unitIds ?? [])];
  requireOnSale(ctx, input.performanceId, now);
  const hold = startOrJoinHold(ctx, actor, input.performanceId, input.holdId, now);
  for (const { areaId, quantity } of input.places ?? []) {
    const free = ctx.st.freePlaces.all({ performanceId: input.performanceId, areaId, limit: quantity, now }) as number[];
    if (free.length < quantity) {
      throw new MarqueeError(
        'SEATS_UNAVAILABLE',
        free.length === 0 ? 'That area has no places left.' : `Only ${free.length} place(s) are left in that area.`,
        { areaId, available: free.length },
      );
    }
    for (const id of free) if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) throw new MarqueeError('BAD_INPUT', 'Choose at least one seat or place to hold.');
  claim(ctx, hold, ids, now);
  return { holdId: hold.id, performanceId: hold.performanceId, expiresAt: hold.expiresAt, unitIds: ids, labels: [] };
}

export function suggestBestAvailable(
  ctx: SalesContext,
  input: { performanceId: string; quantity: number; category?: string | undefined },
  now: number,
): { unitIds: number[]; adjacent: boolean } {
  const rows = ctx.st.candidateSeats.all({ performanceId: input.performanceId, category: input.category ?? null, now }) as (Omit<
    CandidateSeat,
    'selectable'
  > & { selectable: number })[];
  const seats: CandidateSeat[] = rows.map((r) => ({ ...r, selectable: r.selectable === 1 }));
  const suggestion = suggestSeats(seats, input.quantity);
  if (!suggestion) {
    const free = seats.filter((s) => s.selectable).length;
    const where = input.category ? ` in ${input.category}` : '';
    throw new MarqueeError('SEATS_UNAVAILABLE', `Only ${free} seat(s) are left${where}; ${input.quantity} were asked for.`, {
      available: free,
    });
  }
  return suggestion;
}

/** Best available, held at once in the same transaction so the suggestion cannot be taken meanwhile. */
export function holdBestAvailable(
  ctx: SalesContext,
  actor: Actor,
  input: { performanceId: string; quantity: number; category?: string | undefined; holdId?: string | undefined },
): HoldResult & { adjacent: boolean } {
  const now = ctx.clock.now();
  requireOnSale(ctx, input.performanceId, now);
  const suggestion = suggestBestAvailable(ctx, input, now);
  const hold = startOrJoinHold(ctx, actor, input.performanceId, input.holdId, now);
  claim(ctx, hold, suggestion.unitIds, now);
  return { holdId: hold.id, performanceId: hold.performanceId, expiresAt: hold.expiresAt, unitIds: suggestion.unitIds, labels: [], adjacent: suggestion.adjacent };
}

/** Gives back all of a hold, or some of its units; releasing a hold that already ran out is harmless. */
export function releaseHold(ctx: SalesContext, actor: Actor, input: { holdId: string; unitIds?: number[] | undefined }): { performanceId: string | null; unitIds: number[] } {
  const hold = ctx.st.hold.get(input.holdId) as HoldRecord | undefined;
  if (!hold) return { performanceId: null, unitIds: [] };
  if (hold.stationId !== actor.stationId) throw new MarqueeError('FORBIDDEN', 'These seats are held at another window; only that window can release them.');
  const released = ctx.st.releaseHeld.all({ holdId: hold.id, ids: input.unitIds ? JSON.stringify(input.unitIds) : null }) as { id: number }[];
  const remaining = ctx.st.heldUnits.all(hold.id).length;
  if (remaining === 0) ctx.st.deleteHold.run(hold.id);
  return { performanceId: hold.performanceId, unitIds: released.map((r) => r.id) };
}

export function extendHold(ctx: SalesContext, actor: Actor, input: { holdId: string; minutes?: number | undefined }): { holdId: string; performanceId: string; expiresAt: number; unitIds: number[] } {
  const now = ctx.clock.now();
  const hold = requireLiveHold(ctx, actor, input.holdId, now);
  const expiresAt = Math.max(hold.expiresAt, now + (input.minutes ?? holdMinutes(ctx)) * MINUTE);
  ctx.st.extendHold.run(expiresAt, hold.id);
  ctx.st.extendHoldUnits.run(expiresAt, hold.id);
  const unitIds = (ctx.st.heldUnits.all(hold.id) as { id: number }[]).map((u) => u.id);
  return { holdId: hold.id, performanceId: hold.performanceId, expiresAt, unitIds };
}

/** Labels for a result, looked up once at the end (outside the claim's hot loop). */
export function withLabels<T extends { unitIds: number[]; labels: string[] }>(ctx: SalesContext, result: T): T {
  const labels = labelsOf(ctx, result.unitIds);
  return { ...result, labels: result.unitIds.map((id) => labels.get(id) ?? String(id)) };
}
