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

let loaded: BitmapFont | undefined;
let atlasDir = join(sourceAssetsDir, 'fonts');

/** Packaged builds keep assets elsewhere; the shell points here before the first render. */
export function setFontDir(dir: string): void {
  atlasDir = dir;
  loaded = undefined;
}

export function previewFont(): BitmapFont {
  if (loaded) return loaded;
  const atlas = JSON.parse(readFileSync(join(atlasDir, 'marquee-12x24.json'), 'utf8')) as {
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
  loaded = font;
  return font;
}
