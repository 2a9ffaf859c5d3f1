import { and, asc, eq, gt, lt } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { Clock } from '../core/clock.ts';
import { readSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import { cashMovements, shifts, staff, type CashMovementRow } from '../db/records/schema.ts';
import { newId } from '../sales/ids.ts';
import { money } from '../sales/payments.ts';
import type { Actor } from '../staff/actor.ts';
import { roleAtLeast } from '../staff/actor.ts';
import { ShiftLedger } from './shift-ledger.ts';

/** One correction as a report lists it: when, how much (+ found, − missing), why, and the manager who wrote it. */
export interface CorrectionLine {
  id: string;
  shiftId: string;
  at: number;
  amountMinor: number;
  reason: string;
  staffId: string;
  name: string;
}

/**
 * Corrections of closed shifts. A closed shift is never edited: when its count turns out wrong
 * (a note found under the tray, a miscount), a manager writes a correction, a new cash-movement row
 * of kind 'correction' against that shift, carried by its own ledger row. The shift's kept Z report
 * stays as it was; its reprint lists the corrections after it, and the difference they make.
 * A correction is not cash that went through a drawer: it never counts in any window's later
 * shift; the venue's day report counts it with the cash counted.
 */
export class ShiftCorrections {
  private readonly ledger: ShiftLedger;

  constructor(private readonly deps: { records: RecordsDb; clock: Clock }) {
    this.ledger = new ShiftLedger(deps.records);
  }

  /** Writes one correction against a closed shift: a manager's, with a reason; refused with nothing written otherwise. */
  correct(actor: Actor, input: { shiftId: string; amountMinor: number; reason: string }): CorrectionLine {
    if (!roleAtLeast(actor.role, 'manager')) throw new MarqueeError('FORBIDDEN', 'Only a manager can correct a closed shift.');
    if (!Number.isInteger(input.amountMinor) || input.amountMinor === 0) {
      throw new MarqueeError('BAD_INPUT', 'A correction is a whole amount other than nought: positive for cash found, negative for cash missing.');
    }
    const reason = input.reason.trim();
    if (!reason) throw new MarqueeError('BAD_INPUT', 'A correction needs a reason.', { problem: 'reason-needed' });
    const { records, clock } = this.deps;
    return this.ledger.immediate(() => {
      const shift = records.select().from(shifts).where(eq(shifts.id, input.shiftId)).get();
      if (!shift) throw new MarqueeError('NOT_FOUND', `There is no shift with id ${input.shiftId}.`);
      if (shift.state !== 'closed') {
        throw new MarqueeError('CONFLICT', 'That shift is still open: count the drawer when closing it instead of correcting it.', { problem: 'shift-open' });
      }
      const now = clock.now();
      const seq = this.ledger.nextSeq();
      const row: CashMovementRow = { id: newId(now), shiftId: shift.id, seq, stationId: shift.stationId, staffId: actor.staffId, kind: 'correction', amountMinor: input.amountMinor, reason, approvedBy: actor.staffId, at: now };
      records.insert(cashMovements).values(row).run();
      this.ledger.append(seq, { kind: 'cash.moved', at: now, actor, performanceId: null, rows: { cash_movements: [row] }, extra: { shiftId: shift.id, corrects: shift.zNumber } });
      return this.lineOf(row);
    });
  }

  /** A shift's corrections, oldest first. */
  ofShift(shiftId: string): CorrectionLine[] {
    const rows = this.deps.records.select().from(cashMovements).where(and(eq(cashMovements.shiftId, shiftId), eq(cashMovements.kind, 'correction'))).orderBy(asc(cashMovements.seq)).all();
    return rows.map((r) => this.lineOf(r));
  }

  /** The corrections written within a ledger range (a venue's day), oldest first. */
  within(fromSeq: number, toSeq: number): CorrectionLine[] {
    const rows = this.deps.records
      .select()
      .from(cashMovements)
      .where(and(eq(cashMovements.kind, 'correction'), gt(cashMovements.seq, fromSeq), lt(cashMovements.seq, toSeq)))
      .orderBy(asc(cashMovements.seq))
      .all();
    return rows.map((r) => this.lineOf(r));
  }

  /** The printed words of a correction line. */
  describe(line: CorrectionLine): string {
    const amount = money(Math.abs(line.amountMinor), readSetting(this.deps.records, 'currency'));
    return `${line.amountMinor > 0 ? '+' : '-'}${amount} ${line.name ? `by ${line.name}` : ''}: ${line.reason}`;
  }

  private lineOf(row: CashMovementRow): CorrectionLine {
    const who = this.deps.records.select({ name: staff.name }).from(staff).where(eq(staff.id, row.staffId)).get();
    return { id: row.id, shiftId: row.shiftId, at: row.at, amountMinor: row.amountMinor, reason: row.reason, staffId: row.staffId, name: who?.name ?? '' };
  }
}
