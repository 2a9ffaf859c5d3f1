import { PNG } from 'pngjs';
import { ThermalPrinter, PrinterTypes, CharacterSet } from 'node-thermal-printer';
import { afterAll, describe, expect, it } from 'vitest';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { codePage } from '../../../src-main/print/render/code-pages.ts';
import { StarLineWriter } from '../../../src-main/print/render/star-writer.ts';
import {
  decodeEscPos,
  decodePrinterBytes,
  decodeStarLine,
  decodedTextLines,
  renderDocument,
  renderPreviewRaster,
  sampleData,
  type PrinterProfile,
} from '../../../src-main/print/render/index.ts';
import { epson, expectSampleTicketText, NEVER_CONNECTED, openRenderKit, textOps } from './helpers.ts';

const kit = openRenderKit();
afterAll(() => kit.dispose());

const star = (widthDots: number, characterSet = 'PC858_EURO'): PrinterProfile => ({ type: 'star', widthDots, characterSet });
const has = (bytes: Buffer, seq: number[]) => bytes.indexOf(Buffer.from(seq)) >= 0;

describe('Star Line Mode output, decoded back', () => {
  it('reads the 80 mm ticket back: text lines, sizes, bold, inverted, QR payload, logo bands and the cut', async () => {
    const layout = kit.layouts.get('ticket-80mm');
    const data = sampleData('ticket');
    const bytes = await renderDocument(layout, data, star(576), kit.logos);
    // Star commands, not Epson ones: ESC GS a for alignment, ESC i for size, no GS ! / GS V / GS ( k.
    expect(has(bytes, [0x1b, 0x1d, 0x61, 1])).toBe(true);
    expect(has(bytes, [0x1b, 0x69, 1, 1])).toBe(true);
    expect(has(bytes, [0x1d, 0x21])).toBe(false);
    expect(has(bytes, [0x1d, 0x56])).toBe(false);
    expect(has(bytes, [0x1d, 0x28, 0x6b])).toBe(false);

    const doc = decodeStarLine(bytes);
    expect(doc.ops.filter((o) => o.op === 'unknown')).toEqual([]);
    expectSampleTicketText(doc);

    expect(doc.ops.find((o) => o.op === 'qr')).toMatchObject({ data: data.ticket.code, moduleSize: 8, errorCorrection: 'M', align: 'center' });
    const bands = doc.ops.filter((o) => o.op === 'raster');
    expect(bands.length).toBeGreaterThan(0);
    expect(bands[0]).toMatchObject({ raster: { width: 576, height: 24 } });
    expect(doc.ops.at(-1)).toEqual({ op: 'cut', partial: true });
  });

  it('prints the same text lines as the Epson bytes of the same document', async () => {
    for (const id of ['ticket-80mm', 'receipt-80mm', 'cash-up-80mm', 'reservation-slip-80mm']) {
      const layout = kit.layouts.get(id);
      const data = sampleData(layout.kind);
      const starLines = textOps(decodeStarLine(await renderDocument(layout, data, star(576), kit.logos)).ops);
      const epsonLines = textOps(decodeEscPos(await renderDocument(layout, data, epson(576), kit.logos)).ops);
      expect(starLines, id).toEqual(epsonLines);
    }
  });

  it('reads the CODE128 barcode of the 58 mm ticket back, with its height, bar width and HRI', async () => {
    const layout = kit.layouts.get('ticket-58mm');
    const bytes = await renderDocument(layout, sampleData('ticket'), star(384), kit.logos);
    const doc = decodePrinterBytes(bytes, 'star');
    expect(doc.ops.find((o) => o.op === 'barcode')).toMatchObject({ symbology: 'code128', data: 'MQ7K2P9X4R', height: 64, moduleWidth: 2, hri: 'below' });
    // ESC b, CODE128 (6), HRI under (2), 2-dot bars (mode 1), 64 dots high, the data, RS.
    expect(has(bytes, [0x1b, 0x62, 6, 2, 1, 64, ...Buffer.from('MQ7K2P9X4R'), 0x1e])).toBe(true);
  });

  it('draws the Star preview from the Star bytes: decoding them as Epson gives something else', async () => {
    const layout = kit.layouts.get('ticket-80mm');
    const bytes = await renderDocument(layout, sampleData('ticket'), star(576), kit.logos);
    const asStar = renderPreviewRaster(bytes, 576, 'star');
    expect(decodeEscPos(bytes).ops.some((o) => o.op === 'unknown')).toBe(true);
    expect(asStar.width).toBe(576);
    expect(asStar.data.some((b) => b !== 0)).toBe(true);
  });

  it('refuses a character set Star printers do not have, naming the ones they do', async () => {
    const layout = kit.layouts.get('ticket-80mm');
    const attempt = renderDocument(layout, sampleData('ticket'), star(576, 'PC850_MULTILINGUAL'), kit.logos);
    await expect(attempt).rejects.toBeInstanceOf(MarqueeError);
    await expect(attempt).rejects.toThrow(/Star printers have no PC850_MULTILINGUAL character set; set the printer to one of .*PC858_EURO/);
  });
});

describe("node-thermal-printer's own Star output", () => {
  const libraryStar = () => new ThermalPrinter({ type: PrinterTypes.STAR, interface: NEVER_CONNECTED, width: 48, characterSet: CharacterSet.PC858_EURO });

  it('decodes to the same lines as the Star writer for the same simple content', async () => {
    const printer = libraryStar();
    printer.alignCenter();
    printer.setTextQuadArea();
    printer.bold(true);
    printer.println('Ticket 42');
    printer.bold(false);
    printer.setTextDoubleHeight();
    printer.println('Fri 4 Dec 19:30');
    printer.setTextNormal();
    printer.alignLeft();
    printer.invert(true);
    printer.println(' Stalls F-14 ');
    printer.invert(false);
    printer.underline(true);
    printer.println('Price € 12,50');
    printer.underline(false);
    const logo = new PNG({ width: 64, height: 30 });
    for (let p = 0; p < logo.data.length; p += 4) logo.data.writeUInt32BE(p % 8 === 0 ? 0x000000ff : 0xffffffff, p);
    await printer.printImageBuffer(PNG.sync.write(logo));
    printer.code128('MQ42', { height: 60, width: 'SMALL', text: 2 });
    printer.partialCut();
    const theirs = decodeStarLine(printer.getBuffer());

    const page = codePage('PC858_EURO');
    const w = new StarLineWriter().initialise(page);
    w.style({ align: 'center', width: 2, height: 2, bold: true }).line(Buffer.from('Ticket 42'));
    w.style({ align: 'center', height: 2 }).line(Buffer.from('Fri 4 Dec 19:30'));
    w.style({ inverted: true }).line(Buffer.from(' Stalls F-14 '));
    w.style({ underline: true }).line(Buffer.from([...Buffer.from('Price '), 0xd5, ...Buffer.from(' 12,50')]));
    w.code128('MQ42', 60, 2, 'below', 'left');
    w.cut(true);
    const ours = decodeStarLine(w.toBuffer());

    expect(theirs.ops.filter((o) => o.op === 'unknown')).toEqual([]);
    expect(textOps(theirs.ops)).toEqual(textOps(ours.ops));
    expect(decodedTextLines(theirs)).toEqual(['Ticket 42', 'Fri 4 Dec 19:30', ' Stalls F-14 ', 'Price € 12,50']);
    // Its picture arrives as ESC k bands of 24 rows: two for 30 rows, the second padded.
    const bands = theirs.ops.filter((o) => o.op === 'raster');
    expect(bands).toHaveLength(2);
    expect(bands[0]).toMatchObject({ raster: { width: 64, height: 24 } });
    expect(theirs.ops.find((o) => o.op === 'barcode')).toMatchObject({ symbology: 'code128', data: 'MQ42', height: 60, moduleWidth: 2, hri: 'below' });
    expect(theirs.ops.find((o) => o.op === 'cut')).toEqual({ op: 'cut', partial: true });
  });

  it('sends QR data without the ESC GS y D 1 0 header the spec requires; the Star writer sends it', () => {
    const printer = libraryStar();
    printer.printQR('MQ-42', { cellSize: 5, correction: 'Q', model: 2 });
    const header = Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00]);
    expect(printer.getBuffer().indexOf(header)).toBe(-1);

    const ours = new StarLineWriter().initialise(codePage('PC858_EURO')).qr(Buffer.from('MQ-42'), 5, 'Q', 'center').toBuffer();
    expect(ours.indexOf(Buffer.concat([header, Buffer.from([5, 0]), Buffer.from('MQ-42')]))).toBeGreaterThan(0);
    expect(decodeStarLine(ours).ops.find((o) => o.op === 'qr')).toEqual({ op: 'qr', data: 'MQ-42', moduleSize: 5, errorCorrection: 'Q', align: 'center' });
  });
});
