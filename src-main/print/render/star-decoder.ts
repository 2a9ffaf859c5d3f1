import { codePage, decodeByte, type CodePage } from './code-pages.ts';
import type { Align } from './command-set.ts';
import type { TextStyle } from './draw-text.ts';
import type { DecodedDocument, PrintOp } from './escpos-decoder.ts';
import { starCodePageByNumber } from './star-code-pages.ts';
import { STAR_BAND_ROWS } from './star-writer.ts';

/** Star's text line feed after ESC @ (ESC z 1): 4 mm at 8 dots/mm. */
const STAR_LINE_SPACING = 32;
const STAR_NARROW_SPACING = 24;

/**
 * Reads a Star Line Mode stream back into the same operations the Epson decoder gives, so the
 * preview of a Star ticket is drawn from its Star bytes. It knows every command the Star writer
 * sends and the ones node-thermal-printer's Star type sends; anything else is `unknown` and skipped.
 */
export function decodeStarLine(bytes: Uint8Array): DecodedDocument {
  const ops: PrintOp[] = [];
  let page: CodePage = codePage('PC437_USA');
  let align: Align = 'left';
  const plain: TextStyle = { width: 1, height: 1, bold: false, underline: false, inverted: false };
  let style: TextStyle = plain;
  let runs: Array<{ text: string; style: TextStyle }> = [];
  let lineAlign: Align = 'left';
  let lineSpacing = STAR_LINE_SPACING;
  // Dots of the current line already drawn by ESC k bands; its line feed only adds what spacing is left.
  let bandDots = 0;
  const qr = { moduleSize: 3, errorCorrection: 'L' as 'L' | 'M' | 'Q' | 'H', data: '' };

  const setStyle = (change: Partial<TextStyle>) => {
    style = { ...style, ...change };
  };
  const lineFeed = () => {
    if (runs.length) ops.push({ op: 'text', align: lineAlign, runs });
    else if (lineSpacing > bandDots) ops.push({ op: 'feed', dots: lineSpacing - bandDots });
    runs = [];
    bandDots = 0;
  };
  const n48 = (n: number) => (n >= 48 ? n - 48 : n);

  let i = 0;
  const at = (k: number) => bytes[i + k] ?? 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      lineFeed();
      i++;
    } else if (b === 0x0b) {
      // VT with no tab stops set feeds one line, as node-thermal-printer's cut() relies on.
      if (runs.length) lineFeed();
      ops.push({ op: 'feed', dots: lineSpacing });
      i++;
    } else if (b === 0x0d || b === 0x0f || b === 0x12) {
      // CR (a line feed only if the printer's memory switch says so), upside-down on/off: not drawn.
      i++;
    } else if (b === 0x07 || b === 0x1c) {
      ops.push({ op: 'drawer', pin: 2 }); // BEL / FS: external device 1
      i++;
    } else if (b === 0x1a || b === 0x19) {
      ops.push({ op: 'drawer', pin: 5 }); // SUB / EM: external device 2
      i++;
    } else if (b === 0x0e || b === 0x14) {
      setStyle({ width: b === 0x0e ? 2 : 1 }); // SO / DC4: double width on / off
      i++;
    } else if (b === 0x1b) {
      const c = at(1);
      switch (c) {
        case 0x40: // ESC @
          align = 'left';
          style = plain;
          lineSpacing = STAR_LINE_SPACING;
          page = codePage('PC437_USA');
          i += 2;
          break;
        case 0x1d: // ESC GS ...
          i = escGs(i);
          break;
        case 0x45: // ESC E
        case 0x46: // ESC F
          setStyle({ bold: c === 0x45 });
          i += 2;
          break;
        case 0x34: // ESC 4
        case 0x35: // ESC 5
          setStyle({ inverted: c === 0x34 });
          i += 2;
          break;
        case 0x2d: // ESC - n
          setStyle({ underline: n48(at(2)) !== 0 });
          i += 3;
          break;
        case 0x69: // ESC i n1 n2: height, width expansion
          setStyle({ height: n48(at(2)) + 1, width: n48(at(3)) + 1 });
          i += 4;
          break;
        case 0x57: // ESC W n
          setStyle({ width: n48(at(2)) + 1 });
          i += 3;
          break;
        case 0x68: // ESC h n
          setStyle({ height: n48(at(2)) + 1 });
          i += 3;
          break;
        case 0x0e: // ESC SO / ESC DC4: double height on / off
        case 0x14:
          setStyle({ height: c === 0x0e ? 2 : 1 });
          i += 2;
          break;
        case 0x61: // ESC a n: feed n lines
          if (runs.length) lineFeed();
          ops.push({ op: 'feed', dots: at(2) * lineSpacing });
          i += 3;
          break;
        case 0x4a: // ESC J n: n/4 mm
          if (runs.length) lineFeed();
          ops.push({ op: 'feed', dots: at(2) * 2 });
          i += 3;
          break;
        case 0x49: // ESC I n: n/8 mm
          if (runs.length) lineFeed();
          ops.push({ op: 'feed', dots: at(2) });
          i += 3;
          break;
        case 0x30: // ESC 0: 3 mm line feed
          lineSpacing = STAR_NARROW_SPACING;
          i += 2;
          break;
        case 0x7a: // ESC z n: 0 = 3 mm, 1 = 4 mm
          lineSpacing = n48(at(2)) === 0 ? STAR_NARROW_SPACING : STAR_LINE_SPACING;
          i += 3;
          break;
        case 0x64: {
          // ESC d n: 0/1 cut here, 2/3 feed to the cutter first; odd = partial
          if (runs.length) lineFeed();
          ops.push({ op: 'cut', partial: n48(at(2)) % 2 === 1 });
          i += 3;
          break;
        }
        case 0x6b: {
          // ESC k n1 n2 d1...dk: one 24-row band, n1 + n2*256 bytes a row
          const bytesPerRow = at(2) + at(3) * 256;
          const data = bytes.slice(i + 4, i + 4 + bytesPerRow * STAR_BAND_ROWS);
          ops.push({ op: 'raster', raster: { width: bytesPerRow * 8, height: STAR_BAND_ROWS, bytesPerRow, data }, scaleX: 1, scaleY: 1 });
          bandDots = Math.max(bandDots, STAR_BAND_ROWS);
          i += 4 + bytesPerRow * STAR_BAND_ROWS;
          break;
        }
        case 0x62: {
          // ESC b n1 n2 n3 n4 d1...dk RS
          const type = n48(at(2));
          const hriMode = n48(at(3));
          const mode = n48(at(4));
          const height = at(5);
          let end = i + 6;
          while (end < bytes.length && bytes[end] !== 0x1e) end++;
          const data = Buffer.from(bytes.slice(i + 6, end)).toString('latin1');
          ops.push({
            op: 'barcode',
            symbology: type === 6 ? 'code128' : 'other',
            data,
            height,
            moduleWidth: mode + 1,
            hri: hriMode === 2 || hriMode === 4 ? 'below' : 'none',
            align,
          });
          i = end + 1;
          break;
        }
        case 0x07: // ESC BEL n1 n2: drawer pulse width, fired later by BEL
          i += 4;
          break;
        case 0x1e: // ESC RS F n (font) and the other ESC RS x n settings
          i += 4;
          break;
        case 0x52: // ESC R n, ESC / n, ESC SP n, ESC _ n: character set, zero style, spacing, upperline
        case 0x2f:
        case 0x20:
        case 0x5f:
          i += 3;
          break;
        case 0x4d: // ESC M / P / : / g: character pitch
        case 0x50:
        case 0x3a:
        case 0x67:
          i += 2;
          break;
        default:
          ops.push({ op: 'unknown', offset: i, byte: b });
          i += 2;
      }
    } else if (b < 0x20) {
      ops.push({ op: 'unknown', offset: i, byte: b });
      i++;
    } else {
      if (runs.length === 0) lineAlign = align;
      const ch = decodeByte(b, page);
      const last = runs[runs.length - 1];
      if (last && last.style === style) last.text += ch;
      else runs.push({ text: ch, style });
      i++;
    }
  }
  if (runs.length) lineFeed();
  return { ops, printAreaDots: undefined, lineSpacing: STAR_LINE_SPACING };

  /** ESC GS a / t / y / S / BEL; returns the offset after the command. */
  function escGs(start: number): number {
    const c = bytes[start + 2] ?? 0;
    const arg = (k: number) => bytes[start + k] ?? 0;
    switch (c) {
      case 0x61: // ESC GS a n
        align = (['left', 'center', 'right'] as const)[n48(arg(3)) % 3]!;
        return start + 4;
      case 0x74: // ESC GS t n
        page = starCodePageByNumber(arg(3)) ?? page;
        return start + 4;
      case 0x79: {
        // ESC GS y: QR code
        const sub = arg(3);
        if (sub === 0x53) {
          const fn = arg(4);
          if (fn === 0x31) qr.errorCorrection = (['L', 'M', 'Q', 'H'] as const)[n48(arg(5)) & 3]!;
          else if (fn === 0x32) qr.moduleSize = arg(5);
          return start + 6;
        }
        if (sub === 0x44) {
          // ESC GS y D 1 m nL nH d1...dk
          const len = arg(6) + arg(7) * 256;
          qr.data = Buffer.from(bytes.slice(start + 8, start + 8 + len)).toString('utf8');
          return start + 8 + len;
        }
        if (sub === 0x50) {
          if (runs.length) lineFeed();
          ops.push({ op: 'qr', data: qr.data, moduleSize: qr.moduleSize, errorCorrection: qr.errorCorrection, align });
          return start + 4;
        }
        ops.push({ op: 'unknown', offset: start, byte: 0x1b });
        return start + 4;
      }
      case 0x53: {
        // ESC GS S m xL xH yL yH n d1...dk: raster image
        const bytesPerRow = arg(4) + arg(5) * 256;
        const height = arg(6) + arg(7) * 256;
        const data = bytes.slice(start + 9, start + 9 + bytesPerRow * height);
        ops.push({ op: 'raster', raster: { width: bytesPerRow * 8, height, bytesPerRow, data }, scaleX: 1, scaleY: 1 });
        return start + 9 + bytesPerRow * height;
      }
      case 0x07: // ESC GS BEL m t1 t2: buzzer
        return start + 6;
      default:
        ops.push({ op: 'unknown', offset: start, byte: 0x1b });
        return start + 3;
    }
  }
}
