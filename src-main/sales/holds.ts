import { newId } from './ids.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { Actor } from '../staff/actor.ts';
import { suggestPlaces, type CandidateArea, type CandidateSeat, type Suggestion } from './best-available.ts';
import type { SalesContext } from './context.ts';
import { requireOnSaleWith } from './gate.ts';
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
/** Up to this many units are claimed one statement each; more go as one json_each list. */
const FEW = 8;

export function holdMinutes(ctx: SalesContext): number {
  return ctx.setting('holds.minutes');
}

/** The performance must be on sale; answers how long a new hold lasts (read in the same statement). */
function onSaleForHold(ctx: SalesContext, performanceId: string, now: number): number {
  return requireOnSaleWith(ctx, performanceId, now, 'holds.minutes')[1];
}

/** The hold as its units carry it (every unit of a hold has the same station and expiry). */
function findHold(ctx: SalesContext, holdId: string): HoldRecord | undefined {
  const found = ctx.st.hold.get(holdId) as Omit<HoldRecord, 'id'> | undefined;
  return found && { id: holdId, ...found };
}

/** A live hold of this window, or the typed reason it cannot be used. */
export function requireLiveHold(ctx: SalesContext, actor: Pick<Actor, 'stationId'>, holdId: string, now: number): HoldRecord {
  return checkLiveHold(findHold(ctx, holdId), actor, holdId, now);
}

/** The checks of requireLiveHold on a hold already read (book reads it with its units). */
export function checkLiveHold(hold: HoldRecord | undefined, actor: Pick<Actor, 'stationId'>, holdId: string, now: number): HoldRecord {
  if (!hold || hold.expiresAt <= now) {
    throw new MarqueeError('HOLD_EXPIRED', 'The hold on these seats has expired or was released; choose the seats again.', { holdId });
  }
  if (hold.stationId !== actor.stationId) {
    throw new MarqueeError('FORBIDDEN', 'These seats are held at another window; only that window can use the hold.', { holdId });
  }
  return hold;
}

function startOrJoinHold(ctx: SalesContext, actor: Actor, performanceId: string, holdId: string | undefined, now: number, minutes: number): HoldRecord {
  if (holdId) {
    const hold = requireLiveHold(ctx, actor, holdId, now);
    if (hold.performanceId !== performanceId) throw new MarqueeError('BAD_INPUT', 'A hold covers one performance; start a new hold for this one.');
    return hold;
  }
  // Nothing is written for a new hold until its units are claimed: they are the hold.
  return { id: newId(now), performanceId, stationId: actor.stationId, expiresAt: now + minutes * MINUTE };
}

/** Claims the units for the hold, all or none; answers their labels in the order of `ids`. */
function claim(ctx: SalesContext, hold: HoldRecord, ids: number[], now: number): string[] {
  if (ids.length <= FEW) {
    for (const id of ids) {
      if (ctx.st.claimUnit.run(hold.id, hold.stationId, hold.expiresAt, id, hold.performanceId, now, hold.id).changes !== 1) {
        explainUnclaimed(ctx, hold.performanceId, ids, now, hold.id);
      }
    }
  } else {
    const params = { holdId: hold.id, stationId: hold.stationId, expiresAt: hold.expiresAt, performanceId: hold.performanceId, now, ids: JSON.stringify(ids) };
    if (ctx.st.claimUnits.run(params).changes !== ids.length) explainUnclaimed(ctx, hold.performanceId, ids, now, hold.id);
  }
  if (ids.length === 1) return [(ctx.st.label.get(ids[0]) as string | null | undefined) ?? String(ids[0])];
  const labels = labelsOf(ctx, ids);
  return ids.map((id) => labels.get(id) ?? String(id));
}

/** Holds chosen seats and/or general-admission places in one transaction: all of them or none. */
export function holdSeats(ctx: SalesContext, actor: Actor, input: HoldInput): HoldResult {
  const now = ctx.clock.now();
  const ids = [...new Set(input.unitIds ?? [])];
  const minutes = onSaleForHold(ctx, input.performanceId, now);
  const hold = startOrJoinHold(ctx, actor, input.performanceId, input.holdId, now, minutes);
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
  const labels = claim(ctx, hold, ids, now);
  return { holdId: hold.id, performanceId: hold.performanceId, expiresAt: hold.expiresAt, unitIds: ids, labels };
}

/** Standing areas' free places for best available (see suggestPlaces). */
function candidateAreas(ctx: SalesContext, input: { performanceId: string; quantity: number; category?: string | undefined }, now: number): CandidateArea[] {
  const rows = ctx.st.candidatePlaces.all({ performanceId: input.performanceId, category: input.category ?? null, quantity: input.quantity, now }) as {
    areaId: string;
    unitId: number;
    free: number;
  }[];
  const byArea = new Map<string, CandidateArea>();
  for (const r of rows) {
    const area = byArea.get(r.areaId) ?? { areaId: r.areaId, free: r.free, unitIds: [] };
    area.unitIds.push(r.unitId);
    byArea.set(r.areaId, area);
  }
  return [...byArea.values()];
}

export function suggestBestAvailable(
  ctx: SalesContext,
  input: { performanceId: string; quantity: number; category?: string | undefined },
  now: number,
): Suggestion {
  const rows = ctx.st.candidateSeats.all({ performanceId: input.performanceId, category: input.category ?? null, now }) as (Omit<
    CandidateSeat,
    'selectable'
  > & { selectable: number })[];
  const seats: CandidateSeat[] = rows.map((r) => ({ ...r, selectable: r.selectable === 1 }));
  const areas = () => candidateAreas(ctx, input, now);
  const suggestion = suggestPlaces(seats, areas, input.quantity);
  if (!suggestion) {
    const free = seats.filter((s) => s.selectable).length + areas().reduce((n, a) => n + a.free, 0);
    const where = input.category ? ` in ${input.category}` : '';
    throw new MarqueeError('SEATS_UNAVAILABLE', `Only ${free} seat(s) or place(s) are left${where}; ${input.quantity} were asked for.`, {
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
): HoldResult & { adjacent: boolean; areaIds?: (string | null)[] } {
  const now = ctx.clock.now();
  const minutes = onSaleForHold(ctx, input.performanceId, now);
  const suggestion = suggestBestAvailable(ctx, input, now);
  const hold = startOrJoinHold(ctx, actor, input.performanceId, input.holdId, now, minutes);
  const labels = claim(ctx, hold, suggestion.unitIds, now);
  const result = { holdId: hold.id, performanceId: hold.performanceId, expiresAt: hold.expiresAt, unitIds: suggestion.unitIds, labels, adjacent: suggestion.adjacent };
  return suggestion.areaIds ? { ...result, areaIds: suggestion.areaIds } : result;
}

/** Gives back all of a hold, or some of its units; releasing a hold that already ran out is harmless. */
export function releaseHold(ctx: SalesContext, actor: Actor, input: { holdId: string; unitIds?: number[] | undefined }): { performanceId: string | null; unitIds: number[] } {
  const hold = findHold(ctx, input.holdId);
  if (!hold) return { performanceId: null, unitIds: [] };
  if (hold.stationId !== actor.stationId) throw new MarqueeError('FORBIDDEN', 'These seats are held at another window; only that window can release them.');
  // Releasing the last unit ends the hold: nothing else records it.
  const released = ctx.st.releaseHeld.all({ holdId: hold.id, ids: input.unitIds ? JSON.stringify(input.unitIds) : null }) as { id: number }[];
  return { performanceId: hold.performanceId, unitIds: released.map((r) => r.id) };
}

export function extendHold(ctx: SalesContext, actor: Actor, input: { holdId: string; minutes?: number | undefined }): { holdId: string; performanceId: string; expiresAt: number; unitIds: number[] } {
  const now = ctx.clock.now();
  const hold = requireLiveHold(ctx, actor, input.holdId, now);
  const expiresAt = Math.max(hold.expiresAt, now + (input.minutes ?? holdMinutes(ctx)) * MINUTE);
  ctx.st.extendHoldUnits.run(expiresAt, hold.id);
  const unitIds = (ctx.st.heldUnits.all(hold.id) as { id: number }[]).map((u) => u.id);
  return { holdId: hold.id, performanceId: hold.performanceId, expiresAt, unitIds };
}
