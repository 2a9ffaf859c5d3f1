import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceAssetsDir } from '../../paths.ts';

/** The 12 x 24 glyph atlas built by scripts/make-font-atlas.ts: Font A of a thermal printer. */
export interface BitmapFont {
  cellWidth: number;
  cellHeight: number;
  /** Each glyph's 1-bit rows, packed row-major, MSB first. */
  glyph(ch: string): Uint8Array | undefined;
}

/** The font folder of the source tree; a packaged build passes its own (PrintAssets.fontDir). */
export const builtinFontDir = join(sourceAssetsDir, 'fonts');

const loaded = new Map<string, BitmapFont>();

/**
 * The glyph atlas in `dir`, read once per folder. The folder is handed in by whoever renders
 * (the running box office's print assets), never set globally, so a packaged build and a test
 * can draw with different folders in one process.
 */
export function bitmapFont(dir: string = builtinFontDir): BitmapFont {
  const known = loaded.get(dir);
  if (known) return known;
  const atlas = JSON.parse(readFileSync(join(dir, 'marquee-12x24.json'), 'utf8')) as {
    width: number;
    height: number;
    chars: string;
    bitmaps: string;
  };
  const bytes = Buffer.from(atlas.bitmaps, 'base64');
  const size = (atlas.width * atlas.height) / 8;
  const index = new Map<string, Uint8Array>();
  [...atlas.chars].forEach((ch, i) => index.set(ch, bytes.subarray(i * size, (i + 1) * size)));
  const font: BitmapFont = {
    cellWidth: atlas.width,
    cellHeight: atlas.height,
    glyph: (ch) => index.get(ch),
  };
  loaded.set(dir, font);
  return font;
}
