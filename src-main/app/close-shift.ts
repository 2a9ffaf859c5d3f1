import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import type { Shift, ZReport } from '../../src-shared/contract/shifts.ts';
import { staff } from '../db/records/schema.ts';
import { eq } from 'drizzle-orm';
import type { Actor } from '../staff/actor.ts';
import type { CloseInput, Till } from '../shifts/till.ts';
import type { ShiftCorrections } from '../shifts/corrections.ts';
import { headingOfZ } from '../shifts/cash-up-print-data.ts';
import type { Counter } from './counter.ts';
import { printCashUp } from './print-cash-up.ts';

type Printing = Pick<Counter, 'office' | 'printing'>;

/** Who approved a kept Z report's difference, and why, for its paper. */
function approvalOf(counter: Printing, z: ZReport, shift: Shift | null): { name: string; reason: string } | null {
  if (!shift?.approvedBy || shift.approvedBy === shift.closedBy) return shift?.varianceReason ? { name: '', reason: shift.varianceReason } : null;
  const row = counter.office.records.select({ name: staff.name }).from(staff).where(eq(staff.id, shift.approvedBy)).get();
  return { name: row?.name ?? '', reason: shift.varianceReason ?? '' };
}

/**
 * Closing a window's shift at the counter: the till closes it with the drawer counted and writes its
 * Z report (one transaction), then the Z prints on the report printer. With `handOver` the next
 * cashier's shift is open before the answer comes back.
 */
export async function closeShift(counter: Printing, till: Till, who: Actor, input: CloseInput): Promise<{ shift: Shift; report: ZReport; next: Shift | null; print: PrintOutcome }> {
  const closed = till.close(who, input);
  const print = await printCashUp(counter, closed.report.figures, headingOfZ(closed.report, approvalOf(counter, closed.report, closed.shift)));
  return { ...closed, print };
}

/** Closing the venue's day: its Z report over every window, then the paper. */
export async function closeDay(counter: Printing, till: Till, who: Actor, businessDate?: string): Promise<{ report: ZReport; print: PrintOutcome }> {
  const report = till.closeDay(who, businessDate);
  const print = await printCashUp(counter, report.figures, { ...headingOfZ(report, null), stationId: who.stationId });
  return { report, print };
}

/**
 * A kept Z report, printed again exactly as it was closed, followed by the corrections written
 * since: a shift's own, or for a venue's day those written within it (already in its counted cash).
 */
export async function reprintZReport(counter: Printing, till: Till, corrections: ShiftCorrections, number: number): Promise<{ print: PrintOutcome }> {
  const report = till.zReport(number);
  const shift = report.shiftId ? till.shift(report.shiftId) : null;
  const lines = report.shiftId ? corrections.ofShift(report.shiftId) : corrections.within(report.figures.fromSeq, report.figures.toSeq);
  const heading = { ...headingOfZ(report, approvalOf(counter, report, shift)), corrections: lines.map((c) => ({ at: c.at, amount: c.amountMinor, reason: c.reason, name: c.name })) };
  const print = await printCashUp(counter, report.figures, heading);
  return { print };
}

/** The X report (the shift so far) on paper. */
export function printXReport(counter: Printing, till: Till, who: Actor): Promise<PrintOutcome> {
  const figures = till.xReport(who.stationId);
  return printCashUp(counter, figures, { number: null, staffId: who.staffId, stationId: who.stationId, businessDate: null, approval: null });
}
