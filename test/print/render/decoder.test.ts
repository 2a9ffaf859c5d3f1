import { ThermalPrinter, PrinterTypes, CharacterSet } from 'node-thermal-printer';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeEscPos, decodedTextLines, renderDocument, sampleData } from '../../../src-main/print/render/index.ts';
import { epson, expectSampleTicketText, NEVER_CONNECTED, openRenderKit, textOps } from './helpers.ts';

const kit = openRenderKit();
afterAll(() => kit.dispose());


describe('decoding the printer bytes back', () => {
  it('reads the 80 mm ticket back: text lines, sizes, bold, inverted, QR payload, logo raster and the cut', async () => {
    const layout = kit.layouts.get('ticket-80mm');
    const data = sampleData('ticket');
    const doc = decodeEscPos(await renderDocument(layout, data, epson(576), kit.logos));
    expect(doc.ops.filter((o) => o.op === 'unknown')).toEqual([]);

    expectSampleTicketText(doc);

    const qr = doc.ops.find((o) => o.op === 'qr');
    expect(qr).toMatchObject({ op: 'qr', data: data.ticket.code, moduleSize: 8, errorCorrection: 'M', align: 'center' });
    const logo = doc.ops.find((o) => o.op === 'raster');
    expect(logo).toMatchObject({ op: 'raster', raster: { width: 576 } });
    expect(doc.ops.at(-1)).toEqual({ op: 'cut', partial: true });
  });

  it('reads the CODE128 barcode of the 58 mm ticket back, with its height, width and HRI', async () => {
    const layout = kit.layouts.get('ticket-58mm');
    const doc = decodeEscPos(await renderDocument(layout, sampleData('ticket'), epson(384), kit.logos));
    expect(doc.ops.find((o) => o.op === 'barcode')).toMatchObject({
      symbology: 'code128',
      data: 'MQ7K2P9X4R',
      height: 64,
      moduleWidth: 2,
      hri: 'below',
    });
    expect(decodedTextLines(doc).every((l) => [...l].length <= 32)).toBe(true);
  });

  it('repeats a receipt block per line and per tax line', async () => {
    const doc = decodeEscPos(await renderDocument(kit.layouts.get('receipt-80mm'), sampleData('receipt'), epson(576), kit.logos));
    const lines = decodedTextLines(doc);
    expect(lines.filter((l) => l.startsWith('2 x ') || l.startsWith('1 x '))).toHaveLength(2);
    expect(lines).toContain('VAT 20% on £50.83                         £10.17');
    const total = textOps(doc.ops).find((l) => l.runs[0]!.text.startsWith('TOTAL'))!;
    expect(total.runs[0]!.style).toMatchObject({ height: 2, bold: true });
  });

  it("decodes bytes built by node-thermal-printer itself (another encoder's real ESC/POS)", () => {
    const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: NEVER_CONNECTED, width: 48, characterSet: CharacterSet.PC858_EURO });
    printer.alignCenter();
    printer.setTextDoubleHeight();
    printer.bold(true);
    printer.println('Ticket 42');
    printer.bold(false);
    printer.setTextNormal();
    printer.alignLeft();
    printer.println('Price € 12,50');
    printer.printQR('MQ-42', { cellSize: 5, correction: 'Q', model: 2 });
    // Its types say width is 'SMALL' | 'MEDIUM' | 'LARGE' but the Epson code sends the number as is.
    printer.code128('MQ42', { height: 60, width: 3 as never, text: 2 });
    printer.cut();
    const doc = decodeEscPos(printer.getBuffer());
    const lines = textOps(doc.ops);
    expect(lines[0]).toMatchObject({ align: 'center', runs: [{ text: 'Ticket 42', style: { height: 2, bold: true } }] });
    expect(decodedTextLines(doc)).toContain('Price € 12,50');
    expect(doc.ops.find((o) => o.op === 'qr')).toMatchObject({ data: 'MQ-42', moduleSize: 5, errorCorrection: 'Q' });
    expect(doc.ops.find((o) => o.op === 'barcode')).toMatchObject({ data: 'MQ42', height: 60, moduleWidth: 3 });
    expect(doc.ops.some((o) => o.op === 'cut')).toBe(true);
  });
});
