/** What the renderer needs to know about one printer; the printers module (part 2) stores these. */
export interface PrinterProfile {
  /** Command dialect by node-thermal-printer's names: 'star' is rendered in Star Line Mode, every other type as Epson ESC/POS. */
  type: 'epson' | 'star' | 'tanca' | 'daruma' | 'brother' | 'custom';
  /** Printable dots per line: 576 for 80 mm paper, 384 for 58 mm, at 203 dpi. */
  widthDots: number;
  /** The code page the printer is set to, by node-thermal-printer's name, e.g. PC858_EURO. */
  characterSet: string;
}

export type DitherMethod = 'floyd-steinberg' | 'atkinson';

/**
 * A 1-bit picture in the printer's own raster layout (GS v 0): rows of `bytesPerRow` bytes,
 * most significant bit leftmost, 1 = a black dot.
 */
export interface Raster1Bit {
  width: number;
  height: number;
  bytesPerRow: number;
  data: Uint8Array;
}

export function blankRaster(width: number, height: number): Raster1Bit {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

export function setDot(r: Raster1Bit, x: number, y: number, black = true): void {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return;
  const i = y * r.bytesPerRow + (x >> 3);
  if (black) r.data[i]! |= 0x80 >> (x & 7);
  else r.data[i]! &= ~(0x80 >> (x & 7));
}

export function getDot(r: Raster1Bit, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return false;
  return (r.data[y * r.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
}
