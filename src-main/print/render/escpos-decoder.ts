import { codePage, codePageByEscT, decodeByte, type CodePage } from './code-pages.ts';
import type { Align } from './escpos-writer.ts';
import type { TextStyle } from './draw-text.ts';
import type { Raster1Bit } from './types.ts';

/** What an ESC/POS byte stream asks the printer to do, in order: the preview draws these. */
export type PrintOp =
  | { op: 'text'; align: Align; runs: Array<{ text: string; style: TextStyle }> }
  | { op: 'raster'; raster: Raster1Bit; scaleX: number; scaleY: number }
  | { op: 'qr'; data: string; moduleSize: number; errorCorrection: 'L' | 'M' | 'Q' | 'H'; align: Align }
  | { op: 'barcode'; symbology: 'code128' | 'other'; data: string; height: number; moduleWidth: number; hri: 'none' | 'above' | 'below'; align: Align }
  | { op: 'feed'; dots: number }
  | { op: 'cut'; partial: boolean }
  | { op: 'drawer'; pin: number }
  | { op: 'unknown'; offset: number; byte: number };

export interface DecodedDocument {
  ops: PrintOp[];
  /** Print area width set by GS W, if any. */
  printAreaDots: number | undefined;
  lineSpacing: number;
}

const DEFAULT_LINE_SPACING = 30;

/**
 * Reads an Epson ESC/POS stream back into operations. It knows every command the encoder sends
 * and the common ones node-thermal-printer sends; anything else is reported as `unknown` and skipped.
 */
export function decodeEscPos(bytes: Uint8Array): DecodedDocument {
  const ops: PrintOp[] = [];
  let page: CodePage = codePage('PC437_USA');
  let align: Align = 'left';
  let style: TextStyle = { width: 1, height: 1, bold: false, underline: false, inverted: false };
  let runs: Array<{ text: string; style: TextStyle }> = [];
  let lineAlign: Align = 'left';
  let lineSpacing = DEFAULT_LINE_SPACING;
  let printAreaDots: number | undefined;
  const qr = { moduleSize: 3, errorCorrection: 'L' as 'L' | 'M' | 'Q' | 'H', data: '' };
  const bar = { height: 162, moduleWidth: 3, hri: 'none' as 'none' | 'above' | 'below' };
  const alignOf = (n: number): Align => (n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left');

  const addChar = (ch: string) => {
    if (runs.length === 0) lineAlign = align;
    const last = runs[runs.length - 1];
    if (last && last.style === style) last.text += ch;
    else runs.push({ text: ch, style });
  };
  const flushLine = () => {
    if (runs.length) ops.push({ op: 'text', align: lineAlign, runs });
    else ops.push({ op: 'feed', dots: lineSpacing });
    runs = [];
  };
  const setStyle = (change: Partial<TextStyle>) => {
    style = { ...style, ...change };
  };

  let i = 0;
  const at = (k: number) => bytes[i + k] ?? 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      flushLine();
      i++;
    } else if (b === 0x0d || b === 0x09 || b === 0x0b) {
      if (b === 0x0b) ops.push({ op: 'feed', dots: lineSpacing });
      i++;
    } else if (b === 0x1b) {
      const c = at(1);
      switch (c) {
        case 0x40: // ESC @
          align = 'left';
          style = { width: 1, height: 1, bold: false, underline: false, inverted: false };
          lineSpacing = DEFAULT_LINE_SPACING;
          page = codePage('PC437_USA');
          i += 2;
          break;
        case 0x74: // ESC t n
          page = codePageByEscT(at(2)) ?? page;
          i += 3;
          break;
        case 0x61: // ESC a n
          align = alignOf(at(2));
          i += 3;
          break;
        case 0x45: // ESC E n
          setStyle({ bold: (at(2) & 1) === 1 });
          i += 3;
          break;
        case 0x2d: // ESC - n
          setStyle({ underline: at(2) % 48 !== 0 });
          i += 3;
          break;
        case 0x21: {
          // ESC ! n: print mode (bold 0x08, double height 0x10, double width 0x20, underline 0x80)
          const n = at(2);
          setStyle({ bold: !!(n & 0x08), height: n & 0x10 ? 2 : 1, width: n & 0x20 ? 2 : 1, underline: !!(n & 0x80) });
          i += 3;
          break;
        }
        case 0x64: // ESC d n
          ops.push({ op: 'feed', dots: at(2) * lineSpacing });
          i += 3;
          break;
        case 0x32: // ESC 2
          lineSpacing = DEFAULT_LINE_SPACING;
          i += 2;
          break;
        case 0x33: // ESC 3 n
          lineSpacing = at(2);
          i += 3;
          break;
        case 0x70: // ESC p m t1 t2
          ops.push({ op: 'drawer', pin: at(2) % 48 });
          i += 5;
          break;
        case 0x4d: // ESC M n (font select): the preview has one font
        case 0x7b: // ESC { n (upside down): ignored in the preview
          i += 3;
          break;
        default:
          ops.push({ op: 'unknown', offset: i, byte: b });
          i += 2;
      }
    } else if (b === 0x1d) {
      const c = at(1);
      switch (c) {
        case 0x21: {
          const n = at(2);
          setStyle({ width: ((n >> 4) & 7) + 1, height: (n & 7) + 1 });
          i += 3;
          break;
        }
        case 0x42:
          setStyle({ inverted: (at(2) & 1) === 1 });
          i += 3;
          break;
        case 0x56: {
          // GS V m [n]: function B (m 65/66) carries a feed amount
          const m = at(2);
          if (m === 65 || m === 66) {
            ops.push({ op: 'feed', dots: at(3) });
            i += 4;
          } else i += 3;
          ops.push({ op: 'cut', partial: m % 2 === 1 });
          break;
        }
        case 0x57:
          printAreaDots = at(2) + at(3) * 256;
          i += 4;
          break;
        case 0x4c:
          i += 4;
          break;
        case 0x68:
          bar.height = at(2);
          i += 3;
          break;
        case 0x77:
          bar.moduleWidth = at(2);
          i += 3;
          break;
        case 0x48:
          bar.hri = (['none', 'above', 'below', 'below'] as const)[at(2) % 48 & 3]!;
          i += 3;
          break;
        case 0x76: {
          // GS v 0 m xL xH yL yH d1...dk
          const m = at(3) % 48;
          const bytesPerRow = at(4) + at(5) * 256;
          const height = at(6) + at(7) * 256;
          const data = bytes.slice(i + 8, i + 8 + bytesPerRow * height);
          ops.push({
            op: 'raster',
            raster: { width: bytesPerRow * 8, height, bytesPerRow, data },
            scaleX: m & 1 ? 2 : 1,
            scaleY: m & 2 ? 2 : 1,
          });
          i += 8 + bytesPerRow * height;
          break;
        }
        case 0x28: {
          // GS ( k pL pH cn fn ...: only QR (cn 49) is drawn
          const len = at(3) + at(4) * 256;
          if (at(2) === 0x6b && at(5) === 0x31) {
            const fn = at(6);
            if (fn === 0x43) qr.moduleSize = at(7);
            else if (fn === 0x45) qr.errorCorrection = (['L', 'M', 'Q', 'H'] as const)[(at(7) - 48) & 3]!;
            else if (fn === 0x50) qr.data = Buffer.from(bytes.slice(i + 8, i + 5 + len)).toString('utf8');
            else if (fn === 0x51) ops.push({ op: 'qr', data: qr.data, moduleSize: qr.moduleSize, errorCorrection: qr.errorCorrection, align });
          }
          i += 5 + len;
          break;
        }
        case 0x6b: {
          const m = at(2);
          if (m >= 65) {
            // Function B: GS k m n d1...dn
            const n = at(3);
            let data = Buffer.from(bytes.slice(i + 4, i + 4 + n)).toString('latin1');
            const symbology = m === 73 ? 'code128' : 'other';
            if (symbology === 'code128') data = data.replace(/^\{[ABC]/, '').replace(/\{\{/g, '{');
            ops.push({ op: 'barcode', symbology, data, height: bar.height, moduleWidth: bar.moduleWidth, hri: bar.hri, align });
            i += 4 + n;
          } else {
            // Function A: NUL-terminated
            let end = i + 3;
            while (end < bytes.length && bytes[end] !== 0) end++;
            const data = Buffer.from(bytes.slice(i + 3, end)).toString('latin1');
            ops.push({ op: 'barcode', symbology: 'other', data, height: bar.height, moduleWidth: bar.moduleWidth, hri: bar.hri, align });
            i = end + 1;
          }
          break;
        }
        default:
          ops.push({ op: 'unknown', offset: i, byte: b });
          i += 2;
      }
    } else if (b < 0x20) {
      ops.push({ op: 'unknown', offset: i, byte: b });
      i++;
    } else {
      addChar(decodeByte(b, page));
      i++;
    }
  }
  if (runs.length) flushLine();
  return { ops, printAreaDots, lineSpacing };
}

/** The printed text lines, for tests and logs: each line's runs joined. */
export function decodedTextLines(doc: DecodedDocument): string[] {
  return doc.ops.flatMap((op) => (op.op === 'text' ? [op.runs.map((r) => r.text).join('')] : []));
}
