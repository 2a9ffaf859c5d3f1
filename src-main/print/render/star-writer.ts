import { ByteBuffer } from './byte-buffer.ts';
import type { CodePage } from './code-pages.ts';
import { initialTextMode, type Align, type PrinterCommands, type TextMode } from './command-set.ts';
import { starTableNumber } from './star-code-pages.ts';
import type { Raster1Bit } from './types.ts';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;
const RS = 0x1e;
/** Rows in one ESC k band; the printer feeds 24 dots (ESC 0, 3 mm) per band line. */
export const STAR_BAND_ROWS = 24;
/** Star Line Mode's ESC GS y S 2 takes cell sizes 1-8. */
const MAX_QR_CELL = 8;

/**
 * Builds one Star Line Mode stream, the native command set of Star's TSP, mC-Print and SP printers,
 * with the commands node-thermal-printer's Star type sends (and the spec's where that library is wrong:
 * see docs/layouts.md, "Star printers"). Like the Epson writer it only sends text-mode changes.
 */
export class StarLineWriter implements PrinterCommands {
  private readonly out = new ByteBuffer();
  private state: TextMode = { ...initialTextMode };

  /** ESC @, then the code page by Star's own table number (ESC GS t n). */
  initialise(page: CodePage, _printAreaDots?: number): this {
    // Star Line Mode has no dot-exact print area like Epson's GS W: a narrower layout prints from the
    // left edge and aligns against the whole paper, and the preview (decoded from these bytes) shows that.
    this.out.bytes(ESC, 0x40, ESC, GS, 0x74, starTableNumber(page));
    this.state = { ...initialTextMode };
    return this;
  }

  style(want: Partial<TextMode>): this {
    const next = { ...initialTextMode, ...want };
    const s = this.state;
    if (next.align !== s.align) this.out.bytes(ESC, GS, 0x61, alignNumber(next.align)); // ESC GS a n
    if (next.width !== s.width || next.height !== s.height) this.out.bytes(ESC, 0x69, next.height - 1, next.width - 1); // ESC i n1 n2
    if (next.bold !== s.bold) this.out.bytes(ESC, next.bold ? 0x45 : 0x46); // ESC E / ESC F
    if (next.underline !== s.underline) this.out.bytes(ESC, 0x2d, next.underline ? 1 : 0); // ESC - n
    if (next.inverted !== s.inverted) this.out.bytes(ESC, next.inverted ? 0x34 : 0x35); // ESC 4 / ESC 5
    this.state = next;
    return this;
  }

  line(encoded: Uint8Array): this {
    this.out.append(encoded);
    this.out.bytes(LF);
    return this;
  }

  /** ESC a n: feed n lines (in Star Line Mode ESC a feeds; alignment is ESC GS a). */
  feed(lines: number): this {
    if (lines > 0) this.out.bytes(ESC, 0x61, lines);
    return this;
  }

  /**
   * ESC k bands of 24 rows, as node-thermal-printer prints images on Star: ESC 0 first so each
   * band's line feed moves exactly 24 dots, ESC z 1 after to return to the 4 mm text line feed.
   * A blank picture (a spacer) is a dot feed (ESC J n, n/4 mm) instead, so it is not rounded up to a band.
   */
  raster(r: Raster1Bit): this {
    this.style({ ...this.state, align: 'left' });
    if (r.data.every((b) => b === 0)) {
      for (let dots = r.height; dots > 0; dots -= 510) this.out.bytes(ESC, 0x4a, Math.ceil(Math.min(dots, 510) / 2));
      return this;
    }
    this.out.bytes(ESC, 0x30);
    const band = new Uint8Array(r.bytesPerRow * STAR_BAND_ROWS);
    for (let y = 0; y < r.height; y += STAR_BAND_ROWS) {
      const rows = Math.min(STAR_BAND_ROWS, r.height - y);
      band.fill(0);
      band.set(r.data.subarray(y * r.bytesPerRow, (y + rows) * r.bytesPerRow));
      this.out.bytes(ESC, 0x6b, r.bytesPerRow & 0xff, r.bytesPerRow >> 8);
      this.out.append(band);
      this.out.bytes(LF);
    }
    this.out.bytes(ESC, 0x7a, 1);
    return this;
  }

  /**
   * ESC GS y S 0/1/2 (model 2, correction, cell size), ESC GS y D 1 0 nL nH data, ESC GS y P, LF.
   * node-thermal-printer leaves out the `ESC GS y D 1 0` before the length, which the spec requires.
   */
  qr(data: Uint8Array, moduleSize: number, errorCorrection: 'L' | 'M' | 'Q' | 'H', align: Align): this {
    this.style({ align });
    const qrSet = (fn: number, n: number) => this.out.bytes(ESC, GS, 0x79, 0x53, fn, n);
    qrSet(0x30, 2);
    qrSet(0x31, { L: 0, M: 1, Q: 2, H: 3 }[errorCorrection]);
    qrSet(0x32, Math.max(1, Math.min(MAX_QR_CELL, moduleSize)));
    this.out.bytes(ESC, GS, 0x79, 0x44, 0x31, 0x00, data.length & 0xff, data.length >> 8);
    this.out.append(data);
    this.out.bytes(ESC, GS, 0x79, 0x50);
    // A line feed after, as the Epson writer sends, so what follows starts a line below the code.
    this.out.bytes(LF);
    return this;
  }

  /**
   * ESC b n1 n2 n3 n4 data RS: CODE128 (n1 = 6), HRI under the bars or none (Star has no HRI above),
   * narrowest bar 2, 3 or 4 dots, height in dots; the printer chooses the code sets and adds the check character.
   */
  code128(text: string, height: number, moduleWidth: number, hri: 'none' | 'above' | 'below', align: Align): this {
    this.style({ align });
    const mode = Math.max(1, Math.min(3, moduleWidth - 1));
    this.out.bytes(ESC, 0x62, 6, hri === 'none' ? 1 : 2, mode, Math.max(1, Math.min(255, height)));
    this.out.append(Buffer.from(text, 'latin1'));
    this.out.bytes(RS);
    return this;
  }

  /** ESC d 3 / ESC d 2: feed to the cutter, then a partial or full cut (as node-thermal-printer sends). */
  cut(partial: boolean): this {
    this.out.bytes(ESC, 0x64, partial ? 3 : 2);
    return this;
  }

  toBuffer(): Buffer {
    return this.out.toBuffer();
  }
}

function alignNumber(align: Align): number {
  return align === 'left' ? 0 : align === 'center' ? 1 : 2;
}
