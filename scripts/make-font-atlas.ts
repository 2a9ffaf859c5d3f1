/**
 * Builds the preview's bitmap font, assets/fonts/marquee-12x24.json: DejaVu Sans Mono (installed by
 * fonts-dejavu-core) rendered through @resvg/resvg-js at the printer's Font A cell, 12 x 24 dots,
 * and thresholded to 1 bit. It covers ASCII, every character of the supported code pages and the
 * common extras (Latin Extended-A, Cyrillic, Greek, typographic punctuation), so the preview and
 * the raster fallback draw the same glyphs. Run: npx tsx scripts/make-font-atlas.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { sourceRoot } from '../src-main/paths.ts';
import { codePageTables } from '../src-main/print/render/code-page-tables.ts';

const FONT_FILE = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf';
const CELL_W = 12;
const CELL_H = 24;
const FONT_PX = 20; // DejaVu Sans Mono advances 0.602 em: 20 px gives the 12-dot cell.
const BASELINE = 19;
// Glyphs are drawn on a roomier grid so none bleeds into its neighbour, then the cell is cut out.
const PAD_X = 6;
const PAD_Y = 4;
const GRID_W = CELL_W + 2 * PAD_X;
const GRID_H = CELL_H + 2 * PAD_Y;
const PER_ROW = 64;

const wanted = new Set<string>();
const addRange = (from: number, to: number) => {
  for (let c = from; c <= to; c++) wanted.add(String.fromCodePoint(c));
};
addRange(0x20, 0x7e);
addRange(0xa1, 0xff);
addRange(0x100, 0x17f);
addRange(0x386, 0x3ce);
addRange(0x400, 0x45f);
for (const t of Object.values(codePageTables)) for (const ch of t.upper) if (ch !== '\uFFFD') wanted.add(ch);
for (const ch of '€—–‘’‚“”„•…™†‡‰‹›№') wanted.add(ch);
wanted.delete('\u00ad'); // soft hyphen never prints

const chars = [...wanted].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
const rows = Math.ceil(chars.length / PER_ROW);
const esc = (ch: string) => ch.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;');
const texts = chars.map((ch, i) => {
  const x = (i % PER_ROW) * GRID_W + PAD_X;
  const y = Math.floor(i / PER_ROW) * GRID_H + PAD_Y + BASELINE;
  return `<text x="${x}" y="${y}" xml:space="preserve">${esc(ch)}</text>`;
});
const width = PER_ROW * GRID_W;
const height = rows * GRID_H;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#fff"/>
<g font-family="DejaVu Sans Mono" font-size="${FONT_PX}" fill="#000">${texts.join('')}</g></svg>`;
const rendered = new Resvg(svg, {
  font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans Mono' },
}).render();
const rgba = rendered.pixels;

const kept: string[] = [];
const bitmaps: Buffer[] = [];
for (const [i, ch] of chars.entries()) {
  const ox = (i % PER_ROW) * GRID_W + PAD_X;
  const oy = Math.floor(i / PER_ROW) * GRID_H + PAD_Y;
  const glyph = Buffer.alloc((CELL_W * CELL_H) / 8);
  let inked = 0;
  for (let y = 0; y < CELL_H; y++) {
    for (let x = 0; x < CELL_W; x++) {
      const p = ((oy + y) * width + ox + x) * 4;
      if (rgba[p]! < 128) {
        const bit = y * CELL_W + x;
        glyph[bit >> 3]! |= 0x80 >> (bit & 7);
        inked++;
      }
    }
  }
  // A printable character with no ink is one the font lacks: leave it out, the renderer boxes it.
  if (inked === 0 && ch.trim() !== '' && ch !== '\u00a0') continue;
  kept.push(ch);
  bitmaps.push(glyph);
}

const atlas = {
  source: 'DejaVu Sans Mono (fonts-dejavu-core), rendered by scripts/make-font-atlas.ts',
  width: CELL_W,
  height: CELL_H,
  chars: kept.join(''),
  bitmaps: Buffer.concat(bitmaps).toString('base64'),
};
writeFileSync(join(sourceRoot, 'assets/fonts/marquee-12x24.json'), JSON.stringify(atlas) + '\n');
console.log(`Wrote ${kept.length} glyphs (${chars.length - kept.length} missing from the font).`);
