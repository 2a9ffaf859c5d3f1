import { Resvg } from '@resvg/resvg-js';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { blankRaster, type DitherMethod, type Raster1Bit } from './types.ts';

/** Stated limits for images a manager adds: beyond them a file is refused, not shrunk. */
export const IMAGE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxSide: 4096, maxPixels: 16_000_000 } as const;

export type ImageType = 'png' | 'jpeg' | 'svg';

/** Grey levels 0 (black) to 255 (white), one byte a pixel, alpha already laid on white paper. */
export interface GreyImage {
  width: number;
  height: number;
  grey: Uint8Array;
}

const invalid = (fileName: string, problem: string): MarqueeError =>
  new MarqueeError('IMAGE_INVALID', `The image '${fileName}' ${problem}`, { fileName });

/** Identifies the file by its content, and checks that its name says the same. */
export function sniffImage(bytes: Buffer, fileName: string): ImageType {
  if (bytes.length === 0) throw invalid(fileName, 'is empty.');
  if (bytes.length > IMAGE_LIMITS.maxBytes) {
    throw invalid(fileName, `is ${(bytes.length / 1048576).toFixed(1)} MB; logos may be at most ${IMAGE_LIMITS.maxBytes / 1048576} MB.`);
  }
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const byExt: Record<string, ImageType> = { png: 'png', jpg: 'jpeg', jpeg: 'jpeg', svg: 'svg' };
  const named = ext ? byExt[ext] : undefined;
  if (!named) throw invalid(fileName, 'is not a PNG, JPEG or SVG file (the name must end in .png, .jpg, .jpeg or .svg).');
  let actual: ImageType | undefined;
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) actual = 'png';
  else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) actual = 'jpeg';
  else if (/<svg[\s>]/i.test(bytes.subarray(0, 4096).toString('utf8'))) actual = 'svg';
  if (!actual) throw invalid(fileName, `is called .${ext} but its content is not a ${named.toUpperCase()} image.`);
  if (actual !== named) throw invalid(fileName, `is called .${ext} but its content is a ${actual.toUpperCase()} image.`);
  return actual;
}

function checkSize(fileName: string, width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw invalid(fileName, 'has no pixels.');
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) {
    throw invalid(fileName, `is ${width} x ${height} pixels; logos may be at most ${IMAGE_LIMITS.maxSide} x ${IMAGE_LIMITS.maxSide} and ${IMAGE_LIMITS.maxPixels / 1e6} megapixels.`);
  }
}

function rgbaToGrey(width: number, height: number, rgba: Uint8Array): GreyImage {
  const grey = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
    const a = rgba[p + 3]! / 255;
    const lum = 0.299 * rgba[p]! + 0.587 * rgba[p + 1]! + 0.114 * rgba[p + 2]!;
    grey[i] = Math.round(lum * a + 255 * (1 - a));
  }
  return { width, height, grey };
}

/**
 * Decodes a PNG, JPEG or SVG into grey levels; SVGs are drawn straight at `svgWidth` dots so
 * lines stay sharp. Any failure is IMAGE_INVALID naming the file.
 */
export function decodeImage(bytes: Buffer, fileName: string, svgWidth: number): GreyImage {
  const type = sniffImage(bytes, fileName);
  try {
    if (type === 'png') {
      // The header holds the size: refuse a decompression bomb before inflating it.
      if (bytes.length < 24) throw invalid(fileName, 'is cut short: its PNG header is incomplete.');
      checkSize(fileName, bytes.readUInt32BE(16), bytes.readUInt32BE(20));
      const png = PNG.sync.read(bytes);
      return rgbaToGrey(png.width, png.height, png.data);
    }
    if (type === 'jpeg') {
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: IMAGE_LIMITS.maxPixels / 1e6,
        maxMemoryUsageInMB: 256,
      });
      checkSize(fileName, img.width, img.height);
      return rgbaToGrey(img.width, img.height, img.data);
    }
    const resvg = new Resvg(bytes, { fitTo: { mode: 'width', value: svgWidth }, font: { loadSystemFonts: false } });
    checkSize(fileName, Math.round(resvg.width), Math.round(resvg.height));
    const rendered = resvg.render();
    checkSize(fileName, rendered.width, rendered.height);
    return rgbaToGrey(rendered.width, rendered.height, rendered.pixels);
  } catch (e) {
    if (e instanceof MarqueeError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    if (/maxResolutionInMP|maxMemoryUsage/.test(reason)) {
      throw invalid(fileName, `is larger than ${IMAGE_LIMITS.maxPixels / 1e6} megapixels; logos must be smaller.`);
    }
    throw invalid(fileName, `cannot be read as ${type.toUpperCase()}: ${reason}.`);
  }
}

/** Box-filter downscale (area average) or bilinear upscale to `width`, keeping the aspect ratio. */
export function scaleGrey(img: GreyImage, width: number): GreyImage {
  const height = Math.max(1, Math.round((img.height * width) / img.width));
  if (width === img.width && height === img.height) return img;
  const out = new Uint8Array(width * height);
  const sx = img.width / width;
  const sy = img.height / height;
  if (sx >= 1 && sy >= 1) {
    for (let y = 0; y < height; y++) {
      const y0 = Math.floor(y * sy);
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
      for (let x = 0; x < width; x++) {
        const x0 = Math.floor(x * sx);
        const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
        let sum = 0;
        for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += img.grey[yy * img.width + xx]!;
        out[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
      }
    }
  } else {
    for (let y = 0; y < height; y++) {
      const fy = Math.min(img.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
      const y0 = Math.floor(fy);
      const y1 = Math.min(img.height - 1, y0 + 1);
      const wy = fy - y0;
      for (let x = 0; x < width; x++) {
        const fx = Math.min(img.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
        const x0 = Math.floor(fx);
        const x1 = Math.min(img.width - 1, x0 + 1);
        const wx = fx - x0;
        const g = (xx: number, yy: number) => img.grey[yy * img.width + xx]!;
        const top = g(x0, y0) * (1 - wx) + g(x1, y0) * wx;
        const bottom = g(x0, y1) * (1 - wx) + g(x1, y1) * wx;
        out[y * width + x] = Math.round(top * (1 - wy) + bottom * wy);
      }
    }
  }
  return { width, height, grey: out };
}

/** Error diffusion to 1 bit: Floyd-Steinberg spreads all the error, Atkinson 3/4 (crisper logos). */
export function dither(img: GreyImage, method: DitherMethod): Raster1Bit {
  const { width, height } = img;
  const err = new Float32Array(width * height);
  for (let i = 0; i < err.length; i++) err[i] = img.grey[i]!;
  const r = blankRaster(width, height);
  const spread = (x: number, y: number, amount: number) => {
    if (x >= 0 && x < width && y < height) err[y * width + x]! += amount;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const old = err[y * width + x]!;
      const black = old < 128;
      if (black) r.data[y * r.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
      const e = old - (black ? 0 : 255);
      if (method === 'floyd-steinberg') {
        spread(x + 1, y, (e * 7) / 16);
        spread(x - 1, y + 1, (e * 3) / 16);
        spread(x, y + 1, (e * 5) / 16);
        spread(x + 1, y + 1, e / 16);
      } else {
        const e8 = e / 8;
        spread(x + 1, y, e8);
        spread(x + 2, y, e8);
        spread(x - 1, y + 1, e8);
        spread(x, y + 1, e8);
        spread(x + 1, y + 1, e8);
        spread(x, y + 2, e8);
      }
    }
  }
  return r;
}
