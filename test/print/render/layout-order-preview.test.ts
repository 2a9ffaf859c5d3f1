import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPrintData } from '../../../src-main/print/order-print-data.ts';
import { decodeEscPos, decodedTextLines, renderDocument } from '../../../src-main/print/render/index.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { orderReference } from '../../../src-shared/contract/orders.ts';
import { openCounter, type Counter } from '../../helpers/counter.ts';
import type { TestWindow } from '../../helpers/window.ts';
import type { ShowFixture } from '../../sales/fixtures.ts';
import { epson } from './helpers.ts';

let counter: Counter;
afterAll(() => counter.dispose());
/** The office's own window: calls go through the dispatcher, as a screen's do, input parsed and output checked by the contract. */
let till: TestWindow;
let show: ShowFixture;
let orderId: string;

// A real sale through the booking engine: two seats in row D paid by card, no printer at this window.
beforeAll(async () => {
  counter = await openCounter({ show: true, signedIn: 'manager' });
  ({ till, show } = counter);
  const hold = await till.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls D-5'), show.unit('Stalls D-6')] });
  const sale = await till.call('bookSeats', {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.concession })),
    payments: [{ method: 'card', amountMinor: 3600 }],
  });
  orderId = sale.order.id;
});

const pngOf = (out: OutputOf<'previewLayout'>) => PNG.sync.read(Buffer.from(out.preview!.png, 'base64'));

describe('previewing a layout with a real order', () => {
  it("prints the order's first ticket with the bytes a sale would send", async () => {
    const data = orderPrintData(counter.office, orderId);
    expect(data.tickets.map((t) => t.data.seat.label)).toEqual(['Stalls, row D, seat 5', 'Stalls, row D, seat 6']);
    const layout = counter.running.assets.layouts.get('ticket-80mm');
    const bytes = await renderDocument(layout, data.tickets[0]!.data, epson(576), counter.running.assets.logos);
    const text = decodedTextLines(decodeEscPos(bytes)).join('\n');
    expect(text).toContain('Stalls, row D, seat 5');
    expect(text).toContain('The Test Play');
    expect(text).not.toContain('Stalls, row F, seat 14'); // the sample's seat
  });

  it('answers previewLayout with a different picture for the order than for the sample, by id or reference', async () => {
    const sample = await till.call('previewLayout', { layoutId: 'ticket-80mm' });
    const byId = await till.call('previewLayout', { layoutId: 'ticket-80mm', orderId });
    const reference = orderReference(orderId);
    const byReference = await till.call('previewLayout', { layoutId: 'ticket-80mm', orderId: reference.toLowerCase() });
    expect(byId.filledFrom).toEqual({ reference, what: 'ticket Stalls, row D, seat 5' });
    expect(sample.filledFrom).toBeUndefined();
    expect(pngOf(byId).width).toBe(576);
    expect(byId.preview!.png).not.toBe(sample.preview!.png);
    expect(byReference.preview!.png).toBe(byId.preview!.png);
  });

  it("fills a receipt layout with the order's receipt", async () => {
    const receipt = await till.call('previewLayout', { layoutId: 'receipt-80mm', orderId: orderReference(orderId) });
    expect(receipt.filledFrom).toEqual({ reference: orderReference(orderId), what: 'receipt' });
    expect(pngOf(receipt).height).toBe(receipt.preview!.heightDots);
    const data = orderPrintData(counter.office, orderId).receipt;
    expect(data.order).toMatchObject({ total: 3600, paid: 3600, change: 0 });
    const bytes = await renderDocument(counter.running.assets.layouts.get('receipt-80mm'), data, epson(576), counter.running.assets.logos);
    expect(decodedTextLines(decodeEscPos(bytes)).join('\n')).toContain('36.00');
  });

  it('refuses an unknown reference and a layout that cannot show an order, with a sentence', async () => {
    await expect(till.call('previewLayout', { layoutId: 'ticket-80mm', orderId: 'ZZZZZZZZ' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no order with reference ZZZZZZZZ/),
    });
    await expect(till.call('previewLayout', { layoutId: 'reservation-slip-80mm', orderId })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/only ticket and receipt layouts/),
    });
  });
});
