import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../src-main/api/create-api.ts';
import { printAssets } from '../../../src-main/print/print-assets.ts';
import { orderPrintData } from '../../../src-main/print/order-print-data.ts';
import { decodeEscPos, decodedTextLines, renderDocument } from '../../../src-main/print/render/index.ts';
import type { InputOf, OutputOf, ProcedureName } from '../../../src-shared/contract/index.ts';
import { orderReference } from '../../../src-shared/contract/orders.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { openTempBoxOffice } from '../../helpers/temp-box-office.ts';
import { seedShow, seedStaff, type ShowFixture } from '../../sales/fixtures.ts';
import { epson } from './helpers.ts';

const temp = openTempBoxOffice();
afterAll(() => temp.dispose());
const api = createApi(temp.office, { checkOutput: true });
const ctx = { transport: 'test' as const, stationId: temp.office.identity.id, sessionSecret: null };

/** Calls through the dispatcher, as a screen does: input parsed and output checked by the contract. */
async function call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const result = await api.call(name, input, ctx);
  if (!result.ok) throw new MarqueeError(result.error.code, result.error.message, result.error.details);
  return result.value as OutputOf<K>;
}

let show: ShowFixture;
let orderId: string;

// A real sale through the booking engine: two seats in row D paid by card, no printer at this window.
beforeAll(async () => {
  show = seedShow(temp.office);
  const people = seedStaff(temp.office);
  await call('signIn', { staffId: people.manager.staffId, pin: people.pins.manager });
  const hold = await call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls D-5'), show.unit('Stalls D-6')] });
  const sale = await call('bookSeats', {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.concession })),
    payments: [{ method: 'card', amountMinor: 3600 }],
  });
  orderId = sale.order.id;
});

const pngOf = (out: OutputOf<'previewLayout'>) => PNG.sync.read(Buffer.from(out.preview!.png, 'base64'));

describe('previewing a layout with a real order', () => {
  it("prints the order's first ticket with the bytes a sale would send", async () => {
    const data = orderPrintData(temp.office, orderId);
    expect(data.tickets.map((t) => t.data.seat.label)).toEqual(['Stalls D-5', 'Stalls D-6']);
    const layout = printAssets(temp.office).layouts.get('ticket-80mm');
    const bytes = await renderDocument(layout, data.tickets[0]!.data, epson(576), printAssets(temp.office).logos);
    const text = decodedTextLines(decodeEscPos(bytes)).join('\n');
    expect(text).toContain('Stalls D-5');
    expect(text).toContain('The Test Play');
    expect(text).not.toContain('Stalls F-14'); // the sample's seat
  });

  it('answers previewLayout with a different picture for the order than for the sample, by id or reference', async () => {
    const sample = await call('previewLayout', { layoutId: 'ticket-80mm' });
    const byId = await call('previewLayout', { layoutId: 'ticket-80mm', orderId });
    const reference = orderReference(orderId);
    const byReference = await call('previewLayout', { layoutId: 'ticket-80mm', orderId: reference.toLowerCase() });
    expect(byId.filledFrom).toEqual({ reference, what: 'ticket Stalls D-5' });
    expect(sample.filledFrom).toBeUndefined();
    expect(pngOf(byId).width).toBe(576);
    expect(byId.preview!.png).not.toBe(sample.preview!.png);
    expect(byReference.preview!.png).toBe(byId.preview!.png);
  });

  it("fills a receipt layout with the order's receipt", async () => {
    const receipt = await call('previewLayout', { layoutId: 'receipt-80mm', orderId: orderReference(orderId) });
    expect(receipt.filledFrom).toEqual({ reference: orderReference(orderId), what: 'receipt' });
    expect(pngOf(receipt).height).toBe(receipt.preview!.heightDots);
    const data = orderPrintData(temp.office, orderId).receipt;
    expect(data.order).toMatchObject({ total: 3600, paid: 3600, change: 0 });
    const bytes = await renderDocument(printAssets(temp.office).layouts.get('receipt-80mm'), data, epson(576), printAssets(temp.office).logos);
    expect(decodedTextLines(decodeEscPos(bytes)).join('\n')).toContain('36.00');
  });

  it('refuses an unknown reference and a layout that cannot show an order, with a sentence', async () => {
    await expect(call('previewLayout', { layoutId: 'ticket-80mm', orderId: 'ZZZZZZZZ' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no order with reference ZZZZZZZZ/),
    });
    await expect(call('previewLayout', { layoutId: 'reservation-slip-80mm', orderId })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/only ticket and receipt layouts/),
    });
  });
});
