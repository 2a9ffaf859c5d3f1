import { bitmapFont, type BitmapFont } from './font.ts';
import { setDot, type Raster1Bit } from './types.ts';

export interface TextStyle {
  /** Character magnification, 1-8, as GS ! sets it. */
  width: number;
  height: number;
  bold: boolean;
  inverted: boolean;
  underline: boolean;
}

export const plainStyle: TextStyle = { width: 1, height: 1, bold: false, inverted: false, underline: false };

/** Draws one character cell at (x, y), magnified; returns the advance in dots. */
function drawChar(r: Raster1Bit, x: number, y: number, ch: string, style: TextStyle, font: BitmapFont): number {
  const cw = font.cellWidth;
  const chh = font.cellHeight;
  const w = cw * style.width;
  const h = chh * style.height;
  const glyph = font.glyph(ch) ?? (ch === '\u00a0' ? font.glyph(' ') : undefined);
  const ink = !style.inverted;
  if (style.inverted) for (let yy = 0; yy < h; yy++) for (let xx = 0; xx < w; xx++) setDot(r, x + xx, y + yy, true);
  const plot = (gx: number, gy: number) => {
    for (let sy = 0; sy < style.height; sy++) {
      for (let sx = 0; sx < style.width; sx++) {
        const px = x + gx * style.width + sx;
        const py = y + gy * style.height + sy;
        setDot(r, px, py, ink);
        // Emphasis on a real printer prints each dot a little wider; one dot to the right is close.
        if (style.bold) setDot(r, px + 1, py, ink);
      }
    }
  };
  if (glyph) {
    for (let gy = 0; gy < chh; gy++) {
      for (let gx = 0; gx < cw; gx++) {
        const bit = gy * cw + gx;
        if (glyph[bit >> 3]! & (0x80 >> (bit & 7))) plot(gx, gy);
      }
    }
  } else {
    // A character the font lacks: an empty box, so it is visibly missing rather than silently dropped.
    for (let gy = 4; gy < 20; gy++) {
      plot(2, gy);
      plot(9, gy);
    }
    for (let gx = 2; gx < 10; gx++) {
      plot(gx, 4);
      plot(gx, 19);
    }
  }
  if (style.underline) {
    for (let sy = 0; sy < style.height; sy++) for (let xx = 0; xx < w; xx++) setDot(r, x + xx, y + h - 1 - sy, ink);
  }
  return w;
}

/** Draws text in `font` (the printer font of the source tree unless the caller's assets name another folder). */
export function drawText(r: Raster1Bit, x: number, y: number, text: string, style: TextStyle, font: BitmapFont = bitmapFont()): number {
  let cx = x;
  for (const ch of text) cx += drawChar(r, cx, y, ch, style, font);
  return cx - x;
}
