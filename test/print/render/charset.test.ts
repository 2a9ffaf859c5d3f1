import { createRequire } from 'node:module';
import { ThermalPrinter, PrinterTypes, CharacterSet } from 'node-thermal-printer';
import { afterAll, describe, expect, it } from 'vitest';
import { drawText, plainStyle } from '../../../src-main/print/render/draw-text.ts';
import {
  decodeEscPos,
  decodedTextLines,
  parseLayout,
  renderDocument,
  renderPreviewRaster,
  sampleData,
} from '../../../src-main/print/render/index.ts';
import { blankRaster } from '../../../src-main/print/render/types.ts';
import { epson, NEVER_CONNECTED, openRenderKit } from './helpers.ts';

const iconv = createRequire(import.meta.url)('iconv-lite') as { encode(text: string, encoding: string): Buffer };
const kit = openRenderKit();
afterAll(() => kit.dispose());

const FULL_LINE = '€ 12,50 — Ærø, Łódź, Ёлка, Ñandú';

/** A one-line ticket layout whose only text is `text` (placeholders none). */
function lineLayout(text: string) {
  return parseLayout(
    JSON.stringify({ name: 'Line', kind: 'ticket', widthDots: 576, elements: [{ type: 'text', text: text.replace(/[{}]/g, (b) => b + b) }] }),
    { id: 'line', source: 'user', file: 'line.json' },
  );
}
async function printLine(text: string, characterSet: string): Promise<Buffer> {
  return renderDocument(lineLayout(text), sampleData('ticket'), epson(576, characterSet), kit.logos);
}
/** The text bytes after ESC @ ESC t n. */
const body = (bytes: Buffer) => bytes.subarray(5, bytes.length - 1);

describe('text that is not ASCII', () => {
  const cases: Array<[text: string, characterSet: string, escT: number, iconvName: string]> = [
    ['€ 12,50 Ærø Ñandú', 'PC858_EURO', 19, 'CP858'],
    ['€ 12,50 — Ærø, Ñandú', 'WPC1252', 16, 'CP1252'],
    ['Łódź', 'PC852_LATIN2', 18, 'CP852'],
    ['€ 12,50 — Łódź', 'WPC1250', 45, 'WIN1250'],
    ['Ёлка', 'PC866_CYRILLIC2', 17, 'CP866'],
    ['€ 12,50 — Ёлка', 'WPC1251', 46, 'WIN1251'],
  ];
  for (const [text, characterSet, escT, iconvName] of cases) {
    it(`prints '${text}' as text on ${characterSet}, decoding back to the same characters`, async () => {
      const bytes = await printLine(text, characterSet);
      expect([...bytes.subarray(0, 5)]).toEqual([0x1b, 0x40, 0x1b, 0x74, escT]);
      // The same bytes as iconv-lite (node-thermal-printer's encoder) gives for that code page.
      expect(body(bytes).equals(iconv.encode(text, iconvName))).toBe(true);
      const doc = decodeEscPos(bytes);
      expect(decodedTextLines(doc)).toEqual([text]);
      expect(doc.ops.some((o) => o.op === 'raster')).toBe(false);
    });
  }

  it('draws the whole line as a picture when the code page lacks some of its characters', async () => {
    for (const characterSet of ['PC858_EURO', 'WPC1250', 'PC866_CYRILLIC2']) {
      const doc = decodeEscPos(await printLine(FULL_LINE, characterSet));
      expect(decodedTextLines(doc)).toEqual([]);
      const raster = doc.ops.find((o) => o.op === 'raster');
      expect(raster).toMatchObject({ op: 'raster', raster: { width: 576, height: 24 } });
    }
  });

  it('shows the raster fallback in the preview exactly as the font draws the text', async () => {
    const preview = renderPreviewRaster(await printLine(FULL_LINE, 'PC858_EURO'), 576);
    const expected = blankRaster(576, 24);
    drawText(expected, 0, 0, FULL_LINE, plainStyle);
    expect(Buffer.from(preview.data.subarray(0, 24 * preview.bytesPerRow)).equals(Buffer.from(expected.data))).toBe(true);
  });

  it("prints what node-thermal-printer cannot: it writes '?' for a character in none of its code pages", async () => {
    const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: NEVER_CONNECTED, width: 48, characterSet: CharacterSet.PC858_EURO });
    printer.print('Ticket ✓');
    expect(printer.getBuffer().subarray(-2).toString('latin1')).toBe(' ?');
    const ours = decodeEscPos(await printLine('Ticket ✓', 'PC858_EURO'));
    expect(ours.ops.map((o) => o.op)).toContain('raster');
  });

  it('refuses a character set it has no table for, naming the ones it has', async () => {
    await expect(printLine('x', 'KLINGON')).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('PC858_EURO') });
  });
});
