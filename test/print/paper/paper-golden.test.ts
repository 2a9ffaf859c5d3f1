import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src-main/core/clock.ts';
import { units } from '../../../src-main/db/records/schema.ts';
import { sourceRoot } from '../../../src-main/paths.ts';
import { orderPrintData } from '../../../src-main/print/order-print-data.ts';
import { refundSlipPrintData } from '../../../src-main/print/refund-slip-data.ts';
import { decodeEscPos, decodedTextLines, renderDocument, type PrintData } from '../../../src-main/print/render/index.ts';
import { eq } from 'drizzle-orm';
import { openCounter, type Counter } from '../../helpers/counter.ts';
import { epson } from '../render/helpers.ts';

/**
 * Receipts, tickets and refund slips of real sales on a real box office (issue 11, items 6-10),
 * printed by the built-in layouts into ESC/POS bytes, kept as golden files, and decoded back with
 * the project's decoder to the figures a customer and an auditor read. The golden bytes are made
 * from the real documents with only the random parts (order reference, ticket code) fixed, so they
 * stay the same run to run; the assertions read the real documents.
 * UPDATE_GOLDEN=1 rewrites the files in test/fixtures/golden/paper/.
 */
const goldenDir = join(sourceRoot, 'test/fixtures/golden/paper');
const update = process.env['UPDATE_GOLDEN'] === '1';
const T0 = Date.UTC(2026, 10, 22, 14, 5, 0);

let counter: Counter;
beforeAll(async () => {
  counter = await openCounter({ boxOffice: { clock: new ManualClock(T0), stationName: 'Box office 2' }, show: { standing: 20 }, signedIn: 'manager' });
  await counter.till.call('updateSettings', {
    changes: {
      venueName: 'The Marquee Playhouse',
      venueAddress: '1 Playhouse Yard, Bristol BS1 5AA',
      taxNumber: 'GB 123 4567 89',
      companyName: 'Marquee Playhouse Trading Ltd',
      companyAddress: '12 Lantern Row, Bristol BS1 4XE',
      companyNumber: '09876543',
      locale: 'en-GB',
      timeZone: 'Europe/London',
    },
  });
});
afterAll(async () => {
  await counter.running.stop();
  counter.dispose();
});

async function printed(layoutId: string, data: PrintData, golden: { file: string; fixed: PrintData }): Promise<string[]> {
  const { layouts, logos } = counter.running.assets;
  const layout = layouts.get(layoutId);
  const real = await renderDocument(layout, data, epson(layout.widthDots), logos);
  const bytes = await renderDocument(layout, golden.fixed, epson(layout.widthDots), logos);
  const path = join(goldenDir, golden.file);
  if (update || !existsSync(path)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, bytes);
  } else {
    expect(bytes.equals(readFileSync(path)), `${golden.file} differs from its golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(true);
  }
  // The golden file decodes to the real document's text, the fixed parts put back: what the tests read is the golden file.
  const back = (line: string) => line.replace('GOLDEN01', realOf(data).reference).replace('GOLDENCODE', realOf(data).code);
  const goldenText = decodedTextLines(decodeEscPos(readFileSync(path))).map((l) => back(l.trimEnd()));
  expect(goldenText).toEqual(decodedTextLines(decodeEscPos(real)).map((l) => l.trimEnd()));
  return goldenText;
}

function realOf(data: PrintData): { reference: string; code: string } {
  const reference = 'order' in data ? data.order.reference : '';
  return { reference, code: data.kind === 'ticket' ? data.ticket.code : '' };
}

const fixedOrder = <T extends { order: { reference: string } }>(data: T): T => ({ ...data, order: { ...data.order, reference: 'GOLDEN01' } });

async function sell(labels: string[], bands: string[], payment: { method: 'cash'; tenderedMinor: number } | { method: 'card'; reference: string }, unitIds?: number[]) {
  const { show, till } = counter;
  const hold = await till.call('holdSeats', { performanceId: show.performanceId, unitIds: unitIds ?? labels.map((l) => show.unit(l)) });
  const lines = hold.unitIds.map((unitId, i) => ({ unitId, priceBandId: bands[i]! }));
  const quote = await till.call('quoteSale', { holdId: hold.holdId, lines });
  const paid = payment.method === 'cash' ? { method: 'cash' as const, amountMinor: quote.totalMinor, tenderedMinor: payment.tenderedMinor } : { ...payment, amountMinor: quote.totalMinor };
  return till.call('bookSeats', { holdId: hold.holdId, lines, payments: [paid] });
}

describe('receipts that add up (item 6) and carry the show (item 7)', () => {
  it('prints VAT per rate over the order, the VAT number and company, the performance, its date and the seats', async () => {
    const { bands } = counter.show;
    // Three Adults at £25.00, 20 % included: per ticket £4.17 × 3 = £12.51; over the order 20 % of £62.50 net is £12.50.
    // One "Adult (net)" at £10.00 + 10 %: £1.00.
    const sale = await sell(['Stalls C-1', 'Stalls C-2', 'Stalls C-3', 'Stalls C-4'], [bands.adult, bands.adult, bands.adult, bands.taxAdded], { method: 'cash', tenderedMinor: 10_000 });
    expect(sale.order.totalMinor).toBe(8600);
    const receipt = orderPrintData(counter.office, sale.order.id).receipt;
    const lines = await printed('receipt-80mm', receipt, { file: 'receipt-cash-two-rates.bin', fixed: fixedOrder(receipt) });
    const text = lines.join('\n');
    expect(lines.find((l) => l.includes('20%'))).toMatch(/^VAT 20% on £62\.50 +£12\.50$/);
    expect(lines.find((l) => l.includes('10%'))).toMatch(/^VAT 10% on £10\.00 +£1\.00$/);
    expect(lines.find((l) => l.startsWith('Total tax'))).toMatch(/£13\.50$/);
    expect(text).toContain('VAT no. GB 123 4567 89');
    expect(text).toContain('Marquee Playhouse Trading Ltd');
    expect(text).toContain('Company no. 09876543');
    expect(text).toContain('The Test Play');
    // The performance is a week after the sale, 14:05 UTC = 14:05 in London in November.
    expect(text).toContain('Sun 29 Nov 2026 14:05');
    for (const seat of ['Stalls, row C, seat 1', 'Stalls, row C, seat 2', 'Stalls, row C, seat 3', 'Stalls, row C, seat 4']) expect(text).toContain(seat);
    expect(lines.find((l) => l.startsWith('Change'))).toMatch(/£14\.00$/);
    expect(text).toContain(`Receipt ${sale.order.id.slice(-8)}`);
    // The per-ticket tax the tickets keep adds up to the receipt's figure (a Z report sums it by rate).
    const order = await counter.till.call('getOrder', { orderId: sale.order.id });
    expect(order.tickets.reduce((a, t) => a + t.taxMinor, 0)).toBe(1350);
  });

  it('a card receipt shows the card reference and no change; a standing receipt heads with the venue, not the area', async () => {
    const { show } = counter;
    const standing = counter.office.records.select({ id: units.id }).from(units).where(eq(units.areaId, show.areaId!)).limit(2).all();
    const sale = await sell([], [show.bands.adult, show.bands.adult], { method: 'card', reference: 'AUTH 4321' }, standing.map((u) => u.id));
    const receipt = orderPrintData(counter.office, sale.order.id).receipt;
    const lines = await printed('receipt-80mm', receipt, { file: 'receipt-card-standing.bin', fixed: fixedOrder(receipt) });
    const text = lines.join('\n');
    expect(text).toContain('Card reference AUTH 4321');
    expect(lines.find((l) => l.startsWith('Paid by card'))).toMatch(/£50\.00$/);
    expect(lines.some((l) => l.startsWith('Change'))).toBe(false);
    expect(lines.find((l) => l.trim() !== '')?.trim()).toBe('The Marquee Playhouse');
    expect(text).not.toContain('Test Hall');
    expect(lines.map((l) => l.trim())).toContain('1 Playhouse Yard, Bristol BS1 5AA');
    expect(text).toContain('Standing, place');
  });
});

describe('the window name (item 8) and order references (item 10)', () => {
  it('prints the window by the name a manager gives it, and the 8-character reference everywhere', async () => {
    const sale = await sell(['Stalls D-1'], [counter.show.bands.adult], { method: 'card', reference: 'A1' });
    const data = orderPrintData(counter.office, sale.order.id);
    expect(data.receipt.station.name).toBe('Box office 2');
    expect(data.tickets[0]!.data.station.name).toBe('Box office 2');
    expect(data.reference).toHaveLength(8);
    const log = await counter.till.call('queryAuditLog', { limit: 5 });
    const booked = log.entries.find((e) => e.kind === 'order.booked' && e.orderId === sale.order.id)!;
    expect(booked.stationName).toBe('Box office 2');
    expect(booked.summary).toBe(`Mona Manager sold 1 ticket for £25.00 (order ${data.reference}) at Box office 2.`);
  });
});

describe('reprints (item 9)', () => {
  it('a reprinted ticket says REPRINT and which copy; the first print does not', async () => {
    const sale = await sell(['Stalls D-2'], [counter.show.bands.adult], { method: 'card', reference: 'A2' });
    const ticketId = sale.tickets[0]!.ticketId;
    const first = orderPrintData(counter.office, sale.order.id).tickets[0]!.data;
    expect(first.reprints).toEqual([]);
    await counter.till.call('reprintTickets', { orderId: sale.order.id, ticketIds: [ticketId] });
    await counter.till.call('reprintTickets', { orderId: sale.order.id, ticketIds: [ticketId] });
    const again = orderPrintData(counter.office, sale.order.id, { ticketIds: [ticketId] }).tickets[0]!.data;
    const fixed = { ...fixedOrder(again), ticket: { ...again.ticket, code: 'GOLDENCODE', id: 'GOLDENID' } };
    const lines = await printed('ticket-80mm', again, { file: 'ticket-reprint-2.bin', fixed });
    expect(lines.map((l) => l.trim())).toContain('REPRINT 2');
    const firstLines = decodedTextLines(decodeEscPos(await renderDocument(counter.running.assets.layouts.get('ticket-80mm'), first, epson(576), counter.running.assets.logos)));
    expect(firstLines.some((l) => l.includes('REPRINT'))).toBe(false);
  });

  it('keeps the code valid by default, and voids the old code at check-in when the venue chose new codes', async () => {
    const { till, show } = counter;
    const kept = await sell(['Stalls D-3'], [show.bands.adult], { method: 'card', reference: 'A3' });
    const keptCode = kept.tickets[0]!.code;
    const r1 = await till.call('reprintTickets', { orderId: kept.order.id, ticketIds: [kept.tickets[0]!.ticketId] });
    expect(r1.tickets[0]!.code).toBe(keptCode);

    await till.call('updateSettings', { changes: { reprintCode: 'replace' } });
    const sale = await sell(['Stalls D-4'], [show.bands.adult], { method: 'card', reference: 'A4' });
    const oldCode = sale.tickets[0]!.code;
    const reprinted = await till.call('reprintTickets', { orderId: sale.order.id, ticketIds: [sale.tickets[0]!.ticketId] });
    const newCode = reprinted.tickets[0]!.code;
    expect(newCode).not.toBe(oldCode);
    expect(newCode.slice(0, 26)).toBe(sale.tickets[0]!.ticketId);
    // The reprint prints the new code.
    expect(orderPrintData(counter.office, sale.order.id, { ticketIds: [sale.tickets[0]!.ticketId] }).tickets[0]!.data.ticket.code).toBe(newCode);
    const refused = await till.call('checkInTicket', { code: oldCode, performanceId: show.performanceId });
    expect(refused.status).toBe('unknown');
    expect(refused.message).toMatch(/replaced by a reprint/);
    const admitted = await till.call('checkInTicket', { code: newCode, performanceId: show.performanceId });
    expect(admitted.status).toBe('admitted');
    // A made-up code is still "not a ticket sold here".
    const forged = await till.call('checkInTicket', { code: sale.tickets[0]!.ticketId + 'ABCDEFGHJKMNPQRS', performanceId: show.performanceId });
    expect(forged.message).toMatch(/not a ticket sold here/);
    // The code kept before the setting changed still admits.
    expect((await till.call('checkInTicket', { code: keptCode, performanceId: show.performanceId })).status).toBe('admitted');
    await till.call('updateSettings', { changes: { reprintCode: 'keep' } });
  });
});

describe('refund slips (item 3)', () => {
  it('say what was refunded, how, by whom at which window, with the approval and the VAT given back', async () => {
    const adult = counter.show.bands.adult;
    const sale = await sell(['Stalls B-1', 'Stalls B-2', 'Stalls B-3', 'Stalls B-4'], [adult, adult, adult, adult], { method: 'cash', tenderedMinor: 10_000 });
    const refunded = sale.tickets.slice(0, 3).map((t) => t.ticketId);
    // £75.00 is over the cashier limit (£50.00): the manager refunding it is its approval.
    await counter.till.call('refundTickets', { orderId: sale.order.id, ticketIds: refunded, method: 'cash' });
    const slip = refundSlipPrintData(counter.office, 'order.refunded', sale.order.id);
    const lines = await printed('refund-slip-80mm', slip, { file: 'refund-slip-cash.bin', fixed: fixedOrder(slip) });
    const text = lines.join('\n');
    expect(text).toContain('REFUND');
    expect(text).toContain(`Order ${sale.order.id.slice(-8)}`);
    expect(text).toContain('Stalls, row B, seat 1, Adult');
    expect(text).toContain('Stalls, row B, seat 3, Adult');
    expect(text).not.toContain('Stalls, row B, seat 4');
    expect(lines.find((l) => l.startsWith('RETURNED'))).toMatch(/£75\.00$/);
    expect(text).toContain('Handed back by cash, 3 ticket(s)');
    expect(text).toContain('Refunded by Mona Manager, Box office 2');
    expect(text).toContain('Approved by Mona Manager');
    // The order's VAT is 20 % of £83.33 net = £16.67, allocated £4.17, £4.17, £4.17, £4.16: the
    // slip gives back exactly what the three tickets hold, so the ticket left holds the rest.
    expect(lines.find((l) => l.includes('returned on'))).toMatch(/^VAT 20% returned on £62\.49 +£12\.51$/);
    const kept = (await counter.till.call('getOrder', { orderId: sale.order.id })).tickets.filter((t) => t.state === 'valid');
    expect(kept.map((t) => t.taxMinor)).toEqual([416]);
    expect(text).toContain('VAT no. GB 123 4567 89');
    expect(text).toContain('Sun 29 Nov 2026 14:05');
    // The 58 mm slip prints the same figures.
    const narrow = decodedTextLines(
      decodeEscPos(await renderDocument(counter.running.assets.layouts.get('refund-slip-58mm'), slip, epson(384), counter.running.assets.logos)),
    ).join('\n');
    expect(narrow).toContain('£75.00');
    expect(narrow).toContain('Stalls, row B, seat 1');
  });
});
