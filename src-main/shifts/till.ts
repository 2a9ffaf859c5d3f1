import { and, desc, eq } from 'drizzle-orm';
import type { CashUpFigures, Shift, ZReport } from '../../src-shared/contract/shifts.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { wallClock } from '../../src-shared/zoned-time.ts';
import type { Clock } from '../core/clock.ts';
import { readSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import { cashMovements, shifts, zReports, type CashMovementRow, type ShiftRow, type ZReportRow } from '../db/records/schema.ts';
import { newId } from '../sales/ids.ts';
import { money } from '../sales/payments.ts';
import type { Actor } from '../staff/actor.ts';
import { authorize, type VerifiedApprover } from '../staff/auth.ts';
import { drawerAmount, type DenominationCount } from './denominations.ts';
import { prepareFigureQueries, type FigureQueries, type Range } from './figure-queries.ts';
import { cashUpFigures } from './figures.ts';
import { ShiftLedger } from './shift-ledger.ts';
import { saleInFlight } from './sale-in-flight.ts';

export interface DrawerInput {
  amountMinor?: number | undefined;
  count?: DenominationCount | undefined;
}

export interface CloseInput extends DrawerInput {
  reason?: string | undefined;
  approver?: VerifiedApprover | undefined;
  handOver?: boolean | undefined;
}

const OPEN_TO = Number.MAX_SAFE_INTEGER;

/**
 * The till of every window: shifts, cash in and out, no-sales, the close with its count and Z
 * report, and the venue's day. Each change is one BEGIN IMMEDIATE transaction with one ledger row
 * carrying every row it wrote; a refusal writes nothing. One per open box office.
 */
export class Till {
  private readonly ledger: ShiftLedger;
  private readonly q: FigureQueries;
  /** Closing the day asks these inside its write transaction: prepared once, so the Z write pays only for its figures. */
  private readonly dayQ;

  constructor(private readonly deps: { records: RecordsDb; clock: Clock }) {
    this.ledger = new ShiftLedger(deps.records);
    this.q = prepareFigureQueries(deps.records.$client);
    const db = deps.records.$client;
    this.dayQ = {
      lastNumber: db.prepare(`SELECT max(number) FROM z_reports`).pluck(),
      lastDay: db.prepare(`SELECT to_seq AS toSeq, at FROM z_reports WHERE scope = 'day' ORDER BY number DESC LIMIT 1`),
      closedDay: db.prepare(`SELECT number FROM z_reports WHERE scope = 'day' AND business_date = ?`).pluck(),
      openStations: db.prepare(`SELECT station_id AS stationId FROM shifts WHERE state = 'open'`),
    };
  }

  get records(): RecordsDb {
    return this.deps.records;
  }

  currency(): string {
    return readSetting(this.records, 'currency');
  }

  /** The window's open shift, whoever's it is. */
  openShiftAt(stationId: string): Shift | null {
    return this.records.select().from(shifts).where(and(eq(shifts.stationId, stationId), eq(shifts.state, 'open'))).get() ?? null;
  }

  private requireOwnShift(actor: Actor, what: string): ShiftRow {
    const shift = this.openShiftAt(actor.stationId);
    if (!shift) throw new MarqueeError('CONFLICT', `No shift is open at this window; open one with a float before ${what}.`, { problem: 'no-shift' });
    if (shift.staffId !== actor.staffId && actor.role === 'cashier') {
      throw new MarqueeError('FORBIDDEN', `The shift open at this window is another cashier's; close it (hand over) before ${what}.`, { problem: 'not-your-shift' });
    }
    return shift;
  }

  open(actor: Actor, input: DrawerInput): Shift {
    const { amountMinor, count } = drawerAmount(input, this.currency(), 'the float');
    return this.ledger.immediate(() => this.openInTransaction(actor, amountMinor, count));
  }

  private openInTransaction(actor: Actor, floatMinor: number, floatCount: DenominationCount | null): ShiftRow {
    const open = this.openShiftAt(actor.stationId);
    if (open) {
      const whose = open.staffId === actor.staffId ? 'your shift' : "another cashier's shift";
      throw new MarqueeError('CONFLICT', `This window already has ${whose} open (since ${new Date(open.openedAt).toISOString().slice(11, 16)} UTC); close it before opening another.`, { problem: 'second-shift' });
    }
    const now = this.deps.clock.now();
    const seq = this.ledger.nextSeq();
    const row: ShiftRow = {
      id: newId(now),
      stationId: actor.stationId,
      staffId: actor.staffId,
      state: 'open',
      openedAt: now,
      openSeq: seq,
      floatMinor,
      floatCount,
      closedAt: null,
      closeSeq: null,
      closedBy: null,
      expectedMinor: null,
      countedMinor: null,
      count: null,
      varianceMinor: null,
      varianceReason: null,
      approvedBy: null,
      zNumber: null,
    };
    this.records.insert(shifts).values(row).run();
    this.ledger.append(seq, { kind: 'shift.opened', at: now, actor, performanceId: null, rows: { shifts: [row] } });
    return row;
  }

  /** What the drawer should hold now: the X report's expected cash. */
  drawerNow(shift: ShiftRow): number {
    return this.shiftFigures(shift, null).cash.expectedMinor;
  }

  moveCash(actor: Actor, input: { direction: 'in' | 'out'; amountMinor: number; reason: string }): { id: string; amountMinor: number; drawerMinor: number } {
    if (!Number.isInteger(input.amountMinor) || input.amountMinor <= 0) throw new MarqueeError('BAD_INPUT', 'Cash in or out is a whole amount above nought.');
    const reason = requireReason(input.reason, input.direction === 'in' ? 'Cash in' : 'Cash out');
    return this.ledger.immediate(() => {
      const shift = this.requireOwnShift(actor, 'moving cash');
      const drawer = this.drawerNow(shift);
      if (input.direction === 'out' && input.amountMinor > drawer) {
        const c = this.currency();
        throw new MarqueeError('BAD_INPUT', `The drawer should hold ${money(drawer, c)}; ${money(input.amountMinor, c)} cannot be taken out of it.`, { problem: 'more-than-drawer', drawerMinor: drawer });
      }
      const amount = input.direction === 'in' ? input.amountMinor : -input.amountMinor;
      const row = this.writeMovement(actor, shift, input.direction, amount, reason, null);
      return { id: row.id, amountMinor: amount, drawerMinor: drawer + amount };
    });
  }

  /** A drawer opening without a sale: ledgered and counted; the caller pulses the drawer after the commit. */
  noSale(actor: Actor, reason: string): { noSales: number; shift: ShiftRow } {
    const why = requireReason(reason, 'Opening the drawer without a sale');
    return this.ledger.immediate(() => {
      const shift = this.requireOwnShift(actor, 'opening the drawer');
      this.writeMovement(actor, shift, 'no-sale', 0, why, null);
      return { noSales: this.shiftFigures(shift, null).noSales, shift };
    });
  }

  private writeMovement(actor: Actor, shift: ShiftRow, kind: CashMovementRow['kind'], amountMinor: number, reason: string, approvedBy: string | null): CashMovementRow {
    const now = this.deps.clock.now();
    const seq = this.ledger.nextSeq();
    const row: CashMovementRow = { id: newId(now), shiftId: shift.id, seq, stationId: actor.stationId, staffId: actor.staffId, kind, amountMinor, reason, approvedBy, at: now };
    this.records.insert(cashMovements).values(row).run();
    this.ledger.append(seq, { kind: 'cash.moved', at: now, actor, performanceId: null, rows: { cash_movements: [row] }, extra: { shiftId: shift.id } });
    return row;
  }

  private shiftFigures(shift: ShiftRow, countedMinor: number | null, toSeq = shift.closeSeq ?? OPEN_TO): CashUpFigures {
    const range: Range = { from: shift.openSeq, to: toSeq, station: shift.stationId, fromAt: shift.openedAt };
    return cashUpFigures(this.q, range, { floatMinor: shift.floatMinor, countedMinor }, { currency: this.currency(), until: this.deps.clock.now() });
  }

  /** The X report: the window's open shift so far. */
  xReport(stationId: string): CashUpFigures {
    const shift = this.openShiftAt(stationId);
    if (!shift) throw new MarqueeError('CONFLICT', 'No shift is open at this window, so there is nothing to report yet.', { problem: 'no-shift' });
    return this.shiftFigures(shift, null);
  }

  /**
   * Closes the window's shift with the drawer counted, writing its Z report in the same transaction.
   * A variance over the limit needs a manager (the approver, PIN already checked) and a reason.
   * With `handOver`, the signed-in cashier's own shift opens next with the counted drawer as float.
   */
  close(actor: Actor, input: CloseInput): { shift: ShiftRow; report: ZReport; next: ShiftRow | null } {
    const currency = this.currency();
    const counted = drawerAmount(input, currency, 'the cash counted');
    const limit = readSetting(this.records, 'cashUp.varianceLimitMinor');
    return this.ledger.immediate(() => {
      const shift = this.openShiftAt(actor.stationId);
      if (!shift) throw new MarqueeError('CONFLICT', 'No shift is open at this window to close.', { problem: 'no-shift' });
      const handing = input.handOver === true && shift.staffId !== actor.staffId;
      if (shift.staffId !== actor.staffId && actor.role === 'cashier' && !handing) {
        throw new MarqueeError('FORBIDDEN', "The shift open at this window is another cashier's; close it as a hand-over, or ask a manager.", { problem: 'not-your-shift' });
      }
      const busy = saleInFlight(this.records, actor.stationId, this.deps.clock.now());
      if (busy) throw new MarqueeError('CONFLICT', `${busy} Finish or release it before closing the shift; nothing was closed.`, { problem: 'sale-in-flight' });
      const now = this.deps.clock.now();
      const seq = this.ledger.nextSeq();
      const figures = this.shiftFigures(shift, counted.amountMinor, seq);
      const variance = figures.cash.varianceMinor!;
      const reason = input.reason?.trim() || null;
      let approvedBy: string | null = null;
      if (Math.abs(variance) > limit) {
        approvedBy = authorize(this.deps, actor, 'manager', `Closing with a difference of ${money(variance, currency)}`, input.approver);
        if (!reason) throw new MarqueeError('BAD_INPUT', `The drawer is ${money(Math.abs(variance), currency)} ${variance < 0 ? 'short' : 'over'}; give a reason for the difference.`, { problem: 'reason-needed' });
      }
      const number = this.nextZNumber();
      const closed: ShiftRow = {
        ...shift,
        state: 'closed',
        closedAt: now,
        closeSeq: seq,
        closedBy: actor.staffId,
        expectedMinor: figures.cash.expectedMinor,
        countedMinor: counted.amountMinor,
        count: counted.count,
        varianceMinor: variance,
        varianceReason: reason,
        approvedBy,
        zNumber: number,
      };
      const z: ZReportRow = { number, id: newId(now), scope: 'shift', shiftId: shift.id, stationId: shift.stationId, businessDate: null, fromSeq: shift.openSeq, toSeq: seq, at: now, staffId: actor.staffId, figures };
      // A shift row is written once more, here, and never again: a closed shift is never edited.
      const updated = this.records.update(shifts).set(closed).where(and(eq(shifts.id, shift.id), eq(shifts.state, 'open'))).run();
      if (updated.changes !== 1) throw new MarqueeError('CONFLICT', 'The shift changed while it was being closed; try again.');
      this.records.insert(zReports).values(z).run();
      this.ledger.append(seq, { kind: 'shift.closed', at: now, actor, performanceId: null, rows: { shifts: [closed], z_reports: [z] }, extra: { approvedBy } });
      const next = input.handOver ? this.openInTransaction(actor, counted.amountMinor, counted.count) : null;
      return { shift: closed, report: toReport(z), next };
    });
  }

  private nextZNumber(): number {
    return ((this.dayQ.lastNumber.get() as number | null) ?? 0) + 1;
  }

  private dayRange(toSeq: number): Range {
    const last = this.dayQ.lastDay.get() as { toSeq: number; at: number } | undefined;
    return { from: last?.toSeq ?? 0, to: toSeq, station: null, fromAt: last?.at ?? 0 };
  }

  private dayFigures(range: Range): CashUpFigures {
    const drawer = { floatMinor: this.q.venue.floats.get(range) as number, countedMinor: this.q.venue.counted.get(range) as number };
    return cashUpFigures(this.q, range, drawer, { currency: this.currency(), until: this.deps.clock.now() });
  }

  /** The venue since the last day closed, every window together; counted cash is that of the shifts closed so far. */
  dayReport(): { figures: CashUpFigures; openShifts: Shift[] } {
    return { figures: this.dayFigures(this.dayRange(OPEN_TO)), openShifts: this.records.select().from(shifts).where(eq(shifts.state, 'open')).all() };
  }

  /** Closes the venue's day: its Z report over every window since the last day closed. */
  closeDay(actor: Actor, businessDate?: string): ZReport {
    return this.ledger.immediate(() => {
      const now = this.deps.clock.now();
      const date = businessDate ?? wallClock(now, readSetting(this.records, 'venue.timeZone')).date;
      const already = this.dayQ.closedDay.get(date) as number | undefined;
      if (already !== undefined) throw new MarqueeError('CONFLICT', `The day ${date} is already closed (Z report ${already}); reprint that report instead.`, { problem: 'day-closed', number: already });
      const open = this.dayQ.openStations.all() as { stationId: string }[];
      if (open.length) {
        throw new MarqueeError('CONFLICT', `${open.length === 1 ? 'A shift is' : `${open.length} shifts are`} still open; every window must close its shift before the day can close.`, { problem: 'shifts-open', stationIds: open.map((s) => s.stationId) });
      }
      const seq = this.ledger.nextSeq();
      const range = this.dayRange(seq);
      const figures = this.dayFigures(range);
      const number = this.nextZNumber();
      const z: ZReportRow = { number, id: newId(now), scope: 'day', shiftId: null, stationId: null, businessDate: date, fromSeq: range.from, toSeq: seq, at: now, staffId: actor.staffId, figures };
      this.records.insert(zReports).values(z).run();
      this.ledger.append(seq, { kind: 'z.reported', at: now, actor, performanceId: null, rows: { z_reports: [z] } });
      return toReport(z);
    });
  }

  shift(id: string): Shift | null {
    return this.records.select().from(shifts).where(eq(shifts.id, id)).get() ?? null;
  }

  listZ(limit = 100): ZReport[] {
    return this.records.select().from(zReports).orderBy(desc(zReports.number)).limit(limit).all().map(toReport);
  }

  zReport(number: number): ZReport {
    const row = this.records.select().from(zReports).where(eq(zReports.number, number)).get();
    if (!row) throw new MarqueeError('NOT_FOUND', `There is no Z report number ${number}.`);
    return toReport(row);
  }
}

function requireReason(reason: string, what: string): string {
  const why = reason.trim();
  if (!why) throw new MarqueeError('BAD_INPUT', `${what} needs a reason.`, { problem: 'reason-needed' });
  return why;
}

function toReport(row: ZReportRow): ZReport {
  return { ...row, figures: row.figures as CashUpFigures };
}
