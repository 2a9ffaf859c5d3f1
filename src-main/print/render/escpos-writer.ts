import type { CodePage } from './code-pages.ts';
import type { Align, PrinterCommands } from './command-set.ts';
import type { Raster1Bit } from './types.ts';

export type { Align } from './command-set.ts';
const ESC = 0x1b;
const GS = 0x1d;

interface State {
  align: Align;
  width: number;
  height: number;
  bold: boolean;
  underline: boolean;
  inverted: boolean;
}
const initial: State = { align: 'left', width: 1, height: 1, bold: false, underline: false, inverted: false };

/**
 * Builds one Epson ESC/POS byte stream. It remembers the printer's text mode and only sends the
 * commands that change it, which keeps tickets short on slow serial links.
 */
export class EscPosWriter implements PrinterCommands {
  private buf = Buffer.allocUnsafe(8192);
  private len = 0;
  private state: State = { ...initial };

  bytes(...values: number[]): this {
    this.ensure(values.length);
    for (const v of values) this.buf[this.len++] = v;
    return this;
  }

  append(data: Uint8Array): this {
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }

  /** ESC @, then the code page (ESC t) and, for a layout narrower than the paper, GS W. */
  initialise(page: CodePage, printAreaDots?: number): this {
    this.bytes(ESC, 0x40, ESC, 0x74, page.escT);
    this.state = { ...initial };
    if (printAreaDots !== undefined) this.bytes(GS, 0x57, printAreaDots & 0xff, printAreaDots >> 8);
    return this;
  }

  style(want: Partial<State>): this {
    const next = { ...initial, ...want };
    const s = this.state;
    if (next.align !== s.align) this.bytes(ESC, 0x61, next.align === 'left' ? 0 : next.align === 'center' ? 1 : 2);
    if (next.width !== s.width || next.height !== s.height) this.bytes(GS, 0x21, ((next.width - 1) << 4) | (next.height - 1));
    if (next.bold !== s.bold) this.bytes(ESC, 0x45, next.bold ? 1 : 0);
    if (next.underline !== s.underline) this.bytes(ESC, 0x2d, next.underline ? 1 : 0);
    if (next.inverted !== s.inverted) this.bytes(GS, 0x42, next.inverted ? 1 : 0);
    this.state = next;
    return this;
  }

  line(encoded: Uint8Array): this {
    return this.append(encoded).bytes(0x0a);
  }

  feed(lines: number): this {
    return lines > 0 ? this.bytes(ESC, 0x64, lines) : this;
  }

  /** GS v 0 in bands of at most 255 rows, as older printers' buffers want. */
  raster(r: Raster1Bit): this {
    this.style({ ...this.state, align: 'left' });
    for (let y = 0; y < r.height; y += 255) {
      const rows = Math.min(255, r.height - y);
      this.bytes(GS, 0x76, 0x30, 0, r.bytesPerRow & 0xff, r.bytesPerRow >> 8, rows & 0xff, rows >> 8);
      this.append(r.data.subarray(y * r.bytesPerRow, (y + rows) * r.bytesPerRow));
    }
    return this;
  }

  /** GS ( k: model 2, module size, error correction, store the data, print it. */
  qr(data: Uint8Array, moduleSize: number, errorCorrection: 'L' | 'M' | 'Q' | 'H', align: Align): this {
    this.style({ align });
    const fn = (...args: number[]) => this.bytes(GS, 0x28, 0x6b, args.length & 0xff, args.length >> 8, ...args);
    fn(0x31, 0x41, 0x32, 0x00);
    fn(0x31, 0x43, moduleSize);
    fn(0x31, 0x45, { L: 48, M: 49, Q: 50, H: 51 }[errorCorrection]);
    const n = data.length + 3;
    this.bytes(GS, 0x28, 0x6b, n & 0xff, n >> 8, 0x31, 0x50, 0x30).append(data);
    fn(0x31, 0x51, 0x30);
    return this.bytes(0x0a);
  }

  /** GS k, CODE128 (m = 73) in code set B, after its height, bar width and HRI position. */
  code128(text: string, height: number, moduleWidth: number, hri: 'none' | 'above' | 'below', align: Align): this {
    this.style({ align });
    // '{' starts a code-set switch inside GS k data; a literal brace is sent twice.
    const data = Buffer.from('{B' + text.replace(/\{/g, '{{'), 'latin1');
    this.bytes(GS, 0x68, height, GS, 0x77, moduleWidth, GS, 0x48, { none: 0, above: 1, below: 2 }[hri]);
    this.bytes(GS, 0x6b, 73, data.length).append(data);
    return this.bytes(0x0a);
  }

  cut(partial: boolean): this {
    return this.bytes(GS, 0x56, partial ? 1 : 0);
  }

  toBuffer(): Buffer {
    return Buffer.from(this.buf.subarray(0, this.len));
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + extra));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }
}
