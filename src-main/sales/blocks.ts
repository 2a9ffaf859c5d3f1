import { newId } from './ids.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { blocks as blocksTable, type BlockRow, type UnitRow } from '../db/records/schema.ts';
import type { Actor } from '../staff/actor.ts';
import type { SalesContext } from './context.ts';
import { findPerformance } from './gate.ts';
import { unitRows } from './reservations.ts';
import { fromDriver } from './rows.ts';
import { explainUnclaimed } from './unit-checks.ts';

/** Takes free units off sale under a name (house seats, broken seat, press); manager-approved by the caller. */
export function createBlock(
  ctx: SalesContext,
  actor: Actor,
  input: { performanceId: string; unitIds: number[]; name: string; releaseAt?: number | undefined },
): { block: BlockRow; units: UnitRow[] } {
  const now = ctx.clock.now();
  findPerformance(ctx, input.performanceId);
  const ids = [...new Set(input.unitIds)];
  if (ids.length === 0) throw new MarqueeError('BAD_INPUT', 'Choose at least one seat to block.');
  if (!input.name.trim()) throw new MarqueeError('BAD_INPUT', 'A block needs a name, such as "House seats".');
  if (input.releaseAt !== undefined && input.releaseAt <= now) throw new MarqueeError('BAD_INPUT', 'The release time is already past.');
  const block: BlockRow = {
    id: newId(now),
    performanceId: input.performanceId,
    name: input.name.trim(),
    releaseAt: input.releaseAt ?? null,
    state: 'active',
    stationId: actor.stationId,
    staffId: actor.staffId,
    createdAt: now,
    updatedAt: now,
  };
  ctx.st.insertBlock.run(block);
  const changed = unitRows(ctx.st.blockUnits.all({ blockId: block.id, performanceId: input.performanceId, ids: JSON.stringify(ids), now }));
  if (changed.length !== ids.length) explainUnclaimed(ctx, input.performanceId, ids, now);
  ctx.ledger.append({ kind: 'block.created', at: now, actor, performanceId: input.performanceId, rows: { blocks: [block], units: changed } });
  return { block, units: changed };
}

export function releaseBlock(
  ctx: SalesContext,
  actor: Pick<Actor, 'stationId'> & { staffId: string | null },
  input: { blockId: string },
): { block: BlockRow; units: UnitRow[] } {
  const now = ctx.clock.now();
  const raw = ctx.st.setBlockReleased.get(now, input.blockId);
  if (!raw) {
    if (!ctx.st.block.get(input.blockId)) throw new MarqueeError('NOT_FOUND', `There is no block with id ${input.blockId}.`);
    throw new MarqueeError('CONFLICT', 'This block has already been released.');
  }
  const block = fromDriver<BlockRow>(blocksTable, raw as Record<string, unknown>);
  const changed = unitRows(ctx.st.releaseBlocked.all(block.id));
  ctx.ledger.append({ kind: 'block.released', at: now, actor, performanceId: block.performanceId, rows: { blocks: [block], units: changed } });
  return { block, units: changed };
}
