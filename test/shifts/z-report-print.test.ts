import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { decodeEscPos, decodedTextLines, renderDocument } from '../../src-main/print/render/index.ts';
import { cashUpPrintData } from '../../src-main/shifts/cash-up-print-data.ts';
import { epson, openRenderKit } from '../print/render/helpers.ts';
import { Day } from './day.ts';

const kit = openRenderKit();
afterAll(() => kit.dispose());
let day: Day | undefined;
afterEach(() => {
  day?.dispose();
  day = undefined;
});

/** The golden Z report: the bytes of a fixed day's Z (UPDATE_GOLDEN=1 or a missing file writes it). */
const GOLDEN = join(sourceRoot, 'test/shifts/golden/z-report-80mm.bin');

/** A fixed small shift: float 100.00, 2 cash and 1 card sale, a refund, cash out 10.00, counted 0.30 short. */
function closedShift() {
  const d = (day = new Day());
  const cass = d.at('W1');
  d.till.open(cass, { amountMinor: 10_000 });
  const a = d.sell(cass, 2, 'cash');
  d.sell(cass, 1, 'card', { band: 'concession' });
  d.refund(cass, a.order.id, 'cash', [a.tickets[1]!.ticketId]);
  d.tick();
  d.till.moveCash(cass, { direction: 'out', amountMinor: 1000, reason: 'Milk for the bar' });
  d.tick();
  return { d, closed: d.till.close(cass, { amountMinor: 11_470 }) };
}

describe("the Z report on paper: the printer's bytes decode to the same figures", () => {
  it('prints every cash figure, the takings by method, the tax and the Z number', async () => {
    const { d, closed } = closedShift();
    const f = closed.report.figures;
    expect(f.cash).toMatchObject({ floatMinor: 10_000, salesMinor: 5000, refundsMinor: 2500, outMinor: 1000, expectedMinor: 11_500, countedMinor: 11_470, varianceMinor: -30 });
    const data = cashUpPrintData(d.office, f, { number: closed.report.number, staffId: closed.shift.staffId, stationId: 'W1', businessDate: null, approval: null });
    const bytes = await renderDocument(kit.layouts.get('cash-up-80mm'), data, epson(576), kit.logos);
    const lines = decodedTextLines(decodeEscPos(bytes));
    const row = (left: string) => lines.find((l) => l.startsWith(left))?.replace(/\s+/g, ' ');
    expect(lines.some((l) => /Z REPORT 1/.test(l))).toBe(true);
    expect(row('Float')).toBe('Float £100.00');
    expect(row('Cash sales')).toBe('Cash sales £50.00');
    expect(row('Cash refunds')).toBe('Cash refunds £25.00');
    expect(row('Cash out')).toBe('Cash out £10.00');
    expect(row('Cash expected')).toBe(`Cash expected £115.00`);
    expect(row('Cash counted')).toBe('Cash counted £114.70');
    expect(row('Difference')).toBe('Difference -£0.30');
    expect(row('Card (terminal slip)')).toBe('Card (terminal slip) £18.00');
    expect(row('Tickets sold')).toBe(`Tickets sold ${f.ticketsSold}`);
    expect(row('Tickets refunded')).toBe('Tickets refunded 1');
    const tax = f.taxByRate[0]!;
    expect(row('VAT 20%')).toBe(`VAT 20% on £${(tax.netMinor / 100).toFixed(2)} £${(tax.taxMinor / 100).toFixed(2)}`);
    expect(row('Adult')).toBe('Adult (1) £25.00');
    expect(row('Concession')).toBe('Concession (1) £18.00');
  });

  it('matches the golden bytes of a fixed day', async () => {
    const { d, closed } = closedShift();
    const data = cashUpPrintData(d.office, closed.report.figures, { number: 1, staffId: closed.shift.staffId, stationId: 'W1', businessDate: null, approval: null });
    const bytes = await renderDocument(kit.layouts.get('cash-up-80mm'), data, epson(576), kit.logos);
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, bytes);
    expect(bytes.equals(readFileSync(GOLDEN)), 'z-report-80mm.bin differs from the golden file (UPDATE_GOLDEN=1 rewrites it)').toBe(true);
  });
});
