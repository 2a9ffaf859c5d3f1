import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPrintData } from '../../../src-main/print/order-print-data.ts';
import { decodeEscPos, decodedTextLines, renderDocument } from '../../../src-main/print/render/index.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { openCounter, type Counter } from '../../helpers/counter.ts';
import type { TestWindow } from '../../helpers/window.ts';
import type { ShowFixture } from '../../sales/fixtures.ts';
import { epson } from '../render/helpers.ts';

let counter: Counter;
afterAll(() => counter.dispose());
let till: TestWindow;
let show: ShowFixture;
beforeAll(async () => {
  counter = await openCounter({ show: true, signedIn: 'manager' });
  ({ till, show } = counter);
});

/** Two adult seats (£25.00 each) sold through the engine, optionally with a discount code. */
async function sellTwo(seats: [string, string], discountCode?: string): Promise<OutputOf<'bookSeats'>> {
  const hold = await till.call('holdSeats', { performanceId: show.performanceId, unitIds: seats.map((s) => show.unit(s)) });
  const lines = hold.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult }));
  const amountMinor = discountCode ? 4500 : 5000;
  return till.call('bookSeats', { holdId: hold.holdId, lines, payments: [{ method: 'card', amountMinor }], ...(discountCode ? { discountCode } : {}) });
}

/** The receipt exactly as the built-in 80 mm layout prints it, decoded back to text lines. */
async function receiptLines(orderId: string): Promise<string[]> {
  const { layouts, logos } = counter.running.assets;
  const bytes = await renderDocument(layouts.get('receipt-80mm'), orderPrintData(counter.office, orderId).receipt, epson(576), logos);
  return decodedTextLines(decodeEscPos(bytes)).map((l) => l.trim());
}

describe('receipt extras', () => {
  it("prints the invoice footer saved in Settings, line by line, at the receipt's end", async () => {
    await till.call('updateSettings', { changes: { invoiceFooter: 'Refunds up to 48 hours before curtain.\nCharity no. 1098765' } });
    const sale = await sellTwo(['Stalls A-1', 'Stalls A-2']);
    expect(orderPrintData(counter.office, sale.order.id).receipt.footerLines).toEqual([
      { text: 'Refunds up to 48 hours before curtain.' },
      { text: 'Charity no. 1098765' },
    ]);
    const lines = await receiptLines(sale.order.id);
    const thanks = lines.indexOf('Thank you - enjoy the show!');
    expect(thanks).toBeGreaterThan(0);
    expect(lines.slice(thanks + 1).filter((l) => l !== '')).toEqual(['Refunds up to 48 hours before curtain.', 'Charity no. 1098765']);
  });

  it('prints nothing extra when the footer is empty', async () => {
    await till.call('updateSettings', { changes: { invoiceFooter: '  ' } });
    const sale = await sellTwo(['Stalls A-3', 'Stalls A-4']);
    expect(orderPrintData(counter.office, sale.order.id).receipt.footerLines).toEqual([]);
    const lines = await receiptLines(sale.order.id);
    expect(lines.slice(lines.indexOf('Thank you - enjoy the show!') + 1).filter((l) => l !== '')).toEqual([]);
  });

  it('prints the discount code and what it took off when the order used one', async () => {
    await till.call('createDiscountCode', { code: 'fiver', kind: 'fixed', value: 500 });
    const sale = await sellTwo(['Stalls B-1', 'Stalls B-2'], 'FIVER');
    expect(sale.order.totalMinor).toBe(4500);
    const receipt = orderPrintData(counter.office, sale.order.id).receipt;
    expect(receipt.discounts).toEqual([{ code: 'FIVER', amount: 500 }]);
    expect(receipt.order.discount).toBe(500);
    const discountLine = (await receiptLines(sale.order.id)).find((l) => l.startsWith('Discount'));
    expect(discountLine).toMatch(/^Discount FIVER \(included\)\s+-£5\.00$/);
  });

  it('prints no discount line for an order without a code', async () => {
    const sale = await sellTwo(['Stalls B-3', 'Stalls B-4']);
    expect(orderPrintData(counter.office, sale.order.id).receipt.discounts).toEqual([]);
    expect((await receiptLines(sale.order.id)).some((l) => l.startsWith('Discount'))).toBe(false);
  });
});
