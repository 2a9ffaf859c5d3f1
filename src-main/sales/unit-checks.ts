import { MarqueeError } from '../../src-shared/errors.ts';
import { labelList } from '../../src-shared/seat-label.ts';
import type { SalesContext } from './context.ts';

interface LabelledUnit {
  id: number;
  state: string;
  holdExpiresAt: number | null;
  holdId: string | null;
  category: string;
  label: string;
}

function labelledUnits(ctx: SalesContext, performanceId: string, ids: number[]): LabelledUnit[] {
  return ctx.st.unitsWithLabels.all({ performanceId, ids: JSON.stringify(ids) }) as LabelledUnit[];
}

export function labelsOf(ctx: SalesContext, ids: number[]): Map<number, string> {
  const rows = ctx.st.labels.all(JSON.stringify(ids)) as { id: number; label: string }[];
  return new Map(rows.map((r) => [r.id, r.label]));
}

/**
 * Called after a conditional claim changed fewer units than asked: works out which ones were not
 * free and throws the error a cashier can act on, so the transaction rolls back with nothing written.
 */
export function explainUnclaimed(ctx: SalesContext, performanceId: string, ids: number[], now: number, ownHoldId: string | null = null): never {
  const found = labelledUnits(ctx, performanceId, ids);
  const known = new Set(found.map((u) => u.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    throw new MarqueeError('BAD_INPUT', `Unit(s) ${missing.join(', ')} are not part of this performance's seating plan.`, {
      unitIds: missing,
    });
  }
  // Units this very hold claimed a moment ago in the same transaction are not the problem.
  const taken = found.filter(
    (u) => !(u.state === 'available' || (u.state === 'held' && ((u.holdExpiresAt ?? 0) <= now || u.holdId === ownHoldId))),
  );
  const labels = taken.map((u) => u.label);
  throw new MarqueeError(
    'SEATS_UNAVAILABLE',
    `${labels.length === 1 ? 'Seat' : 'Seats'} ${labelList(labels)} ${labels.length === 1 ? 'is' : 'are'} no longer available.`,
    { unitIds: taken.map((u) => u.id), labels },
  );
}
