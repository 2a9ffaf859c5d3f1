import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MarqueeError } from '../../src-shared/errors.ts';
import { decodeEscPos, decodedTextLines, renderDocument } from '../../src-main/print/render/index.ts';
import { cashUpPrintData, headingOfZ } from '../../src-main/shifts/cash-up-print-data.ts';
import { ShiftCorrections } from '../../src-main/shifts/corrections.ts';
import { epson, openRenderKit } from '../print/render/helpers.ts';
import { Day } from './day.ts';

const kit = openRenderKit();
afterAll(() => kit.dispose());
let day: Day | undefined;
afterEach(() => {
  day?.dispose();
  day = undefined;
});

const count = (d: Day, table: string) => d.office.records.$client.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** A shift at W1: float 100.00, two cash sales of 25.00, counted 0.30 short; then the manager at hand. */
function closedShift() {
  const d = (day = new Day());
  const cass = d.at('W1');
  d.till.open(cass, { amountMinor: 10_000 });
  d.sell(cass, 2, 'cash');
  d.tick();
  const closed = d.till.close(cass, { amountMinor: 14_970 });
  d.tick();
  return { d, closed, corrections: new ShiftCorrections({ records: d.office.records, clock: d.clock }), manager: d.at('W1', 'manager') };
}

function refusedWithNothingWritten(d: Day, act: () => unknown, code: string, words: RegExp): void {
  const before = [count(d, 'ledger'), count(d, 'cash_movements')];
  let error: unknown;
  try {
    act();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(MarqueeError);
  expect((error as MarqueeError).code).toBe(code);
  expect((error as MarqueeError).message).toMatch(words);
  expect([count(d, 'ledger'), count(d, 'cash_movements')]).toEqual(before);
}

describe('correcting a closed shift: a new ledger row, never an edit', () => {
  it('writes one correction row and its ledger row; the shift and its Z stay exactly as they were', () => {
    const { d, closed, corrections, manager } = closedShift();
    const shiftBefore = d.till.shift(closed.shift.id);
    const zBefore = d.till.zReport(closed.report.number);
    const ledgerBefore = count(d, 'ledger');
    const line = corrections.correct(manager, { shiftId: closed.shift.id, amountMinor: 30, reason: 'Coins found under the tray' });
    expect(line).toMatchObject({ shiftId: closed.shift.id, amountMinor: 30, reason: 'Coins found under the tray', staffId: d.people.manager.staffId });
    expect(line.name).not.toBe('');
    expect(count(d, 'ledger')).toBe(ledgerBefore + 1);
    const last = d.office.records.$client.prepare('SELECT kind, payload FROM ledger ORDER BY seq DESC LIMIT 1').get() as { kind: string; payload: string };
    expect(last.kind).toBe('cash.moved');
    expect(JSON.parse(last.payload)).toMatchObject({ shiftId: closed.shift.id, rows: { cash_movements: [{ id: line.id, kind: 'correction', amountMinor: 30 }] } });
    expect(d.till.shift(closed.shift.id)).toEqual(shiftBefore);
    expect(d.till.zReport(closed.report.number)).toEqual(zBefore);
    expect(corrections.ofShift(closed.shift.id)).toEqual([line]);
  });

  it("never lands in the window's next shift; the venue's day counts it with the cash counted", () => {
    const { d, closed, corrections, manager } = closedShift();
    corrections.correct(manager, { shiftId: closed.shift.id, amountMinor: 30, reason: 'Coins found under the tray' });
    d.tick();
    d.till.open(d.at('W1'), { amountMinor: 5000 });
    const x = d.till.xReport('W1');
    expect(x.cash).toMatchObject({ floatMinor: 5000, inMinor: 0, outMinor: 0, expectedMinor: 5000 });
    d.tick();
    d.till.close(d.at('W1'), { amountMinor: 5000 });
    d.tick();
    const dayZ = d.till.closeDay(manager, '2026-12-03');
    // Floats 150.00 + cash sales 50.00 = 200.00 expected; counted 149.70 + 50.00 + the 0.30 found.
    expect(dayZ.figures.cash).toMatchObject({ expectedMinor: 20_000, countedMinor: 20_000, varianceMinor: 0 });
    expect(corrections.within(dayZ.figures.fromSeq, dayZ.figures.toSeq)).toHaveLength(1);
  });

  it('refuses a cashier, a correction without a reason or of nought, an open shift and an unknown one, writing nothing', () => {
    const { d, closed, corrections, manager } = closedShift();
    const input = { shiftId: closed.shift.id, amountMinor: -200, reason: 'Miscounted a note' };
    refusedWithNothingWritten(d, () => corrections.correct(d.at('W1'), input), 'FORBIDDEN', /Only a manager can correct a closed shift\./);
    refusedWithNothingWritten(d, () => corrections.correct(manager, { ...input, reason: '  ' }), 'BAD_INPUT', /needs a reason\./);
    refusedWithNothingWritten(d, () => corrections.correct(manager, { ...input, amountMinor: 0 }), 'BAD_INPUT', /other than nought/);
    refusedWithNothingWritten(d, () => corrections.correct(manager, { ...input, shiftId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }), 'NOT_FOUND', /no shift with id/);
    d.till.open(d.at('W2'), { amountMinor: 1000 });
    const open = d.till.openShiftAt('W2')!;
    refusedWithNothingWritten(d, () => corrections.correct(manager, { ...input, shiftId: open.id }), 'CONFLICT', /still open/);
  });

  it("prints on the Z's reprint as a correction line after the kept figures", async () => {
    const { d, closed, corrections, manager } = closedShift();
    const line = corrections.correct(manager, { shiftId: closed.shift.id, amountMinor: -200, reason: 'Miscounted a note' });
    const z = d.till.zReport(closed.report.number);
    const heading = { ...headingOfZ(z, null), corrections: [{ at: line.at, amount: line.amountMinor, reason: line.reason, name: line.name }] };
    const bytes = await renderDocument(kit.layouts.get('cash-up-80mm'), cashUpPrintData(d.office, z.figures, heading), epson(576), kit.logos);
    const lines = decodedTextLines(decodeEscPos(bytes)).map((l) => l.replace(/\s+/g, ' '));
    expect(lines.find((l) => l.startsWith('Difference'))).toBe('Difference -£0.30');
    const at = lines.findIndex((l) => l.startsWith('Correction'));
    expect(lines[at]).toMatch(/^Correction \d\d\/12 \d\d:\d\d -£2\.00$/);
    expect(lines[at + 1]).toBe(`${line.name}: Miscounted a note`);
  });
});
