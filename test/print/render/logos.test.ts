import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceAssetsDir } from '../../../src-main/paths.ts';
import { IMAGE_LIMITS, LogoStore } from '../../../src-main/print/render/index.ts';
import { openRenderKit } from './helpers.ts';

const kit = openRenderKit();
afterAll(() => kit.dispose());
const userLogos = join(kit.dir, 'logos');
const savedFiles = () => (existsSync(userLogos) ? readdirSync(userLogos).filter((f) => !f.startsWith('.')) : []);

function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const v = Math.round((x / width) * 255); // a left-to-right grey ramp, so dithering shows
      png.data[i] = v;
      png.data[i + 1] = v;
      png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}
function jpegOf(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 0);
  for (let i = 0; i < width * height; i++) data[i * 4 + 3] = 255;
  return jpeg.encode({ data, width, height }, 80).data;
}
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect x="10" y="10" width="80" height="30" fill="#000"/></svg>');

describe('logos', () => {
  it('lists the built-in logos, which are real PNGs', () => {
    expect(kit.logos.list().map((l) => `${l.name}:${l.source}:${l.type}`)).toEqual(['marquee:builtin:png', 'marquee-mark:builtin:png']);
    const png = PNG.sync.read(readFileSync(join(sourceAssetsDir, 'logos/marquee.png')));
    expect(png.width).toBeGreaterThan(500);
  });

  it('adds a PNG, a JPEG and an SVG and rasters each to the asked width', () => {
    kit.logos.add('ramp', pngOf(300, 100), 'ramp.png');
    kit.logos.add('photo', jpegOf(200, 200), 'Photo.JPG');
    kit.logos.add('badge', svg, 'badge.svg');
    expect(savedFiles().sort()).toEqual(['badge.svg', 'photo.jpg', 'ramp.png']);
    expect(kit.logos.raster('ramp', 576, 'atkinson')).toMatchObject({ width: 576, height: 192, bytesPerRow: 72 });
    const photo = kit.logos.raster('photo', 200, 'floyd-steinberg');
    expect(photo.data.every((b) => b === 0xff)).toBe(true); // black JPEG: every dot black
    const badge = kit.logos.raster('badge', 400, 'atkinson');
    expect(badge).toMatchObject({ width: 400, height: 200 });
  });

  it('dithers a grey ramp differently with Floyd-Steinberg and Atkinson, about half black', () => {
    const fs = kit.logos.raster('ramp', 300, 'floyd-steinberg');
    const at = kit.logos.raster('ramp', 300, 'atkinson');
    expect(Buffer.from(fs.data).equals(Buffer.from(at.data))).toBe(false);
    const black = (d: Uint8Array) => [...d].reduce((n, b) => n + b.toString(2).split('1').length - 1, 0) / (300 * 100);
    expect(black(fs.data)).toBeGreaterThan(0.4);
    expect(black(fs.data)).toBeLessThan(0.6);
  });

  it('keeps rasters on disk, so a new store (a restart) reads them back identically', () => {
    const first = kit.logos.raster('marquee', 384, 'atkinson');
    expect(readdirSync(join(userLogos, '.cache')).some((f) => f.endsWith('-384-atkinson.r1'))).toBe(true);
    const restarted = new LogoStore({ builtinDir: join(sourceAssetsDir, 'logos'), userDir: userLogos });
    const second = restarted.raster('marquee', 384, 'atkinson');
    expect(Buffer.from(second.data).equals(Buffer.from(first.data))).toBe(true);
  });

  it('refuses a corrupt PNG and saves nothing', () => {
    const before = savedFiles();
    const corrupt = Buffer.concat([pngOf(10, 10).subarray(0, 40), Buffer.alloc(60, 0x42)]);
    expect(() => kit.logos.add('broken', corrupt, 'broken.png')).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID', message: expect.stringContaining("'broken.png'") }));
    expect(savedFiles()).toEqual(before);
  });

  it('refuses images over the stated limits, in dimensions and in bytes', () => {
    const before = savedFiles();
    const wide = pngOf(IMAGE_LIMITS.maxSide + 1, 2);
    expect(() => kit.logos.add('wide', wide, 'wide.png')).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID', message: expect.stringContaining('4097 x 2 pixels') }));
    const heavy = Buffer.concat([pngOf(4, 4), Buffer.alloc(IMAGE_LIMITS.maxBytes)]);
    expect(() => kit.logos.add('heavy', heavy, 'heavy.png')).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID', message: expect.stringContaining('MB') }));
    expect(savedFiles()).toEqual(before);
  });

  it('refuses the wrong type of file: a GIF, and a JPEG posing as a PNG', () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect(() => kit.logos.add('anim', gif, 'anim.gif')).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID', message: expect.stringContaining('not a PNG, JPEG or SVG') }));
    expect(() => kit.logos.add('fake', jpegOf(8, 8), 'fake.png')).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID', message: expect.stringContaining('its content is a JPEG') }));
    expect(() => kit.logos.add('text', Buffer.from('hello'), 'text.svg')).toThrow(expect.objectContaining({ code: 'IMAGE_INVALID' }));
    expect(savedFiles().some((f) => /anim|fake|text/.test(f))).toBe(false);
  });

  it('will not let a venue logo shadow a built-in one', () => {
    expect(() => kit.logos.add('marquee', pngOf(4, 4), 'marquee.png')).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });
});
