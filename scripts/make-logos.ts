/**
 * Draws the built-in logos (assets/logos/marquee.png and marquee-mark.png) from SVG through
 * @resvg/resvg-js with DejaVu Sans Bold, so they are reproducible. Run: npx tsx scripts/make-logos.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { sourceRoot } from '../src-main/paths.ts';

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

function bulbs(x0: number, y0: number, x1: number, y1: number, step: number, r: number): string {
  const out: string[] = [];
  for (let x = x0; x <= x1; x += step) out.push(`<circle cx="${x}" cy="${y0}" r="${r}"/><circle cx="${x}" cy="${y1}" r="${r}"/>`);
  for (let y = y0 + step; y < y1; y += step) out.push(`<circle cx="${x0}" cy="${y}" r="${r}"/><circle cx="${x1}" cy="${y}" r="${r}"/>`);
  return out.join('');
}

// A cinema marquee sign: a frame of light bulbs around the name, with a star on either side.
const wordmark = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="260" viewBox="0 0 800 260">
<rect width="800" height="260" fill="#fff"/>
<rect x="20" y="20" width="760" height="220" rx="28" fill="#111"/>
<rect x="44" y="44" width="712" height="172" rx="14" fill="#fff"/>
<g fill="#fff">${bulbs(40, 32, 760, 228, 40, 7)}</g>
<g fill="#111"><path d="M110 100 l12 26 28 4 -20 20 5 28 -25 -13 -25 13 5 -28 -20 -20 28 -4z"/>
<path d="M690 100 l12 26 28 4 -20 20 5 28 -25 -13 -25 13 5 -28 -20 -20 28 -4z"/></g>
<text x="400" y="158" font-family="DejaVu Sans" font-weight="bold" font-size="84" text-anchor="middle" fill="#111">MARQUEE</text>
<text x="400" y="196" font-family="DejaVu Sans" font-weight="bold" font-size="22" text-anchor="middle" fill="#555" letter-spacing="6">BOX OFFICE</text>
</svg>`;

const mark = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
<rect width="400" height="400" fill="#fff"/>
<circle cx="200" cy="200" r="180" fill="#111"/>
<circle cx="200" cy="200" r="150" fill="#fff"/>
<g fill="#111">${Array.from({ length: 24 }, (_, k) => {
  const a = (k / 24) * 2 * Math.PI;
  return `<circle cx="${(200 + 165 * Math.cos(a)).toFixed(1)}" cy="${(200 + 165 * Math.sin(a)).toFixed(1)}" r="6" fill="#fff"/>`;
}).join('')}</g>
<text x="200" y="250" font-family="DejaVu Sans" font-weight="bold" font-size="150" text-anchor="middle" fill="#111">M</text>
</svg>`;

for (const [name, svg] of [['marquee', wordmark], ['marquee-mark', mark]] as const) {
  const png = new Resvg(svg, { font: { fontFiles: [FONT], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  writeFileSync(join(sourceRoot, 'assets/logos', `${name}.png`), png);
  console.log(`assets/logos/${name}.png: ${png.length} bytes`);
}
