import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src-main/core/clock.ts';
import { sourceRoot } from '../../../src-main/paths.ts';
import { orderPrintData } from '../../../src-main/print/order-print-data.ts';
import { decodeEscPos, decodedTextLines, renderDocument, type TicketPrintData } from '../../../src-main/print/render/index.ts';
import { SalesEngine } from '../../../src-main/sales/engine.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../../helpers/temp-box-office.ts';
import { seedShow, seedStaff, type ShowFixture, type StaffFixture } from '../../sales/fixtures.ts';
import { epson, openRenderKit, type RenderKit } from '../render/helpers.ts';

/**
 * Issue 11, item 16: tickets of a reservation collected at the window carry the customer's name,
 * and item 13: every seat is named in words on paper. The built-in layouts print both; the bytes are
 * kept as golden files (random parts fixed) and decoded back. UPDATE_GOLDEN=1 rewrites them.
 */
const goldenDir = join(sourceRoot, 'test/fixtures/golden/paper');
const update = process.env['UPDATE_GOLDEN'] === '1';
const T0 = Date.UTC(2026, 10, 22, 14, 5, 0);

let temp: TempBoxOffice;
let kit: RenderKit;
let engine: SalesEngine;
let show: ShowFixture;
let people: StaffFixture;
beforeEach(() => {
  temp = openTempBoxOffice({ clock: new ManualClock(T0) });
  show = seedShow(temp.office);
  people = seedStaff(temp.office);
  engine = new SalesEngine(temp.office);
  kit = openRenderKit();
});
afterEach(() => {
  kit.dispose();
  temp.dispose();
});

/** Reserves the seats for a named customer and collects them, paid by card. */
function collect(labels: string[], name: string) {
  const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: labels.map(show.unit) });
  const reservation = engine.reserveSeats(people.cashier, { holdId: hold.holdId, customer: { name, phone: '0100' } });
  return engine.book(people.cashier, {
    reservationId: reservation.id,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })),
    payments: [{ method: 'card', amountMinor: 2500 * labels.length, reference: 'A1' }],
  });
}

async function printedLines(layoutId: string, data: TicketPrintData, golden?: string): Promise<string[]> {
  const layout = kit.layouts.get(layoutId);
  const fixed: TicketPrintData = { ...data, order: { ...data.order, reference: 'GOLDEN01' }, ticket: { ...data.ticket, code: 'GOLDENCODE', id: 'GOLDENID' } };
  const bytes = await renderDocument(layout, fixed, epson(layout.widthDots), kit.logos);
  if (golden) {
    const path = join(goldenDir, golden);
    if (update || !existsSync(path)) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(path, bytes);
    } else {
      expect(bytes.equals(readFileSync(path)), `${golden} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(true);
    }
    return decodedTextLines(decodeEscPos(readFileSync(path))).map((l) => l.trim());
  }
  return decodedTextLines(decodeEscPos(bytes)).map((l) => l.trim());
}

describe('a collected reservation’s tickets', () => {
  it('carry the customer’s name and the seat in words, on both built-in ticket layouts', async () => {
    const sale = collect(['Stalls B-1'], 'Ana Lind');
    const ticket = orderPrintData(temp.office, sale.order.id).tickets[0]!.data;
    expect(ticket.customers).toEqual([{ name: 'Ana Lind' }]);
    expect(ticket.seat).toEqual({ section: 'Stalls', row: 'B', number: '1', label: 'Stalls, row B, seat 1' });

    const wide = await printedLines('ticket-80mm', ticket, 'ticket-collected-80mm.bin');
    expect(wide).toContain('For Ana Lind');
    expect(wide).toContain('Stalls, row B, seat 1');
    const narrow = await printedLines('ticket-58mm', ticket, 'ticket-collected-58mm.bin');
    expect(narrow).toContain('For Ana Lind');
    expect(narrow).toContain('Stalls, row B, seat 1');
  });

  it('a walk-in sale with no name prints no "For" line', async () => {
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: [show.unit('Stalls C-2')] });
    const sale = engine.book(people.cashier, { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: show.bands.adult }], payments: [{ method: 'card', amountMinor: 2500, reference: 'A2' }] });
    const ticket = orderPrintData(temp.office, sale.order.id).tickets[0]!.data;
    expect(ticket.customers).toEqual([]);
    const lines = await printedLines('ticket-80mm', ticket);
    expect(lines.some((l) => l.startsWith('For '))).toBe(false);
    expect(lines).toContain('Stalls, row C, seat 2');
  });

  it('a standing place reads as its area and place number', async () => {
    const hold = engine.holdSeats(people.cashier, { performanceId: show.performanceId, places: [{ areaId: show.areaId!, quantity: 1 }] });
    expect(hold.labels).toEqual(['Standing, place 1']);
    const sale = engine.book(people.cashier, { holdId: hold.holdId, lines: [{ unitId: hold.unitIds[0]!, priceBandId: show.bands.adult }], payments: [{ method: 'card', amountMinor: 2500, reference: 'A3' }] });
    expect(sale.tickets[0]!.label).toBe('Standing, place 1');
    expect(orderPrintData(temp.office, sale.order.id).receipt.seats[0]!.label).toBe('Standing, place 1');
  });
});
