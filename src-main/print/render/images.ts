import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { headerSize } from './image-headers.ts';
import { IMAGE_LIMITS } from './render-limits.ts';
import { checkParsedImages, guardSvg } from './svg-guard.ts';
import { blankRaster, type DitherMethod, type Raster1Bit } from './types.ts';

export { IMAGE_LIMITS };

export type ImageType = 'png' | 'jpeg' | 'svg';

/** Grey levels 0 (black) to 255 (white), one byte a pixel, alpha already laid on white paper. */
export interface GreyImage {
  width: number;
  height: number;
  grey: Uint8Array;
}

/** jpeg-js's own cap on what it allocates, below the render worker's heap. */
const JPEG_MEMORY_MB = 200;

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

function checkSize(fileName: string, width: number, height: number, drawn = ''): void {
  if (!(width > 0 && height > 0)) throw invalid(fileName, `has no pixels${drawn}.`);
  if (width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide || width * height > IMAGE_LIMITS.maxPixels) {
    throw invalid(
      fileName,
      `is ${width} x ${height} pixels${drawn}; logos may be at most ${IMAGE_LIMITS.maxSide} x ${IMAGE_LIMITS.maxSide} and ${IMAGE_LIMITS.maxPixels / 1e6} megapixels.`,
    );
  }
}

/** Refuses a PNG or JPEG by the size its header states, before a decoder allocates it. */
function checkHeader(bytes: Buffer, fileName: string): void {
  const size = headerSize(bytes);
  if (!size) throw invalid(fileName, 'is not a PNG or JPEG image.');
  if (!('width' in size)) throw invalid(fileName, `is cut short or damaged: ${size.problem}.`);
  checkSize(fileName, size.width, size.height);
}

/**
 * resvg-js reads its options as JSON with unknown fields denied, and on any mismatch silently uses
 * all of its defaults (system fonts loaded among them): keep to the fields of its 2.6.2 API.
 * No system fonts and no font files, so drawing text reads no file either.
 */
function svgOptions(widthDots: number): ResvgRenderOptions {
  return { fitTo: { mode: 'width', value: widthDots }, font: { loadSystemFonts: false }, logLevel: 'off' };
}

/** The size resvg will draw at: its own rounding of the SVG's declared size (or viewBox) scaled to the width. */
function svgOutputSize(svgWidth: number, svgHeight: number, widthDots: number): { width: number; height: number } {
  if (!(svgWidth > 0 && svgHeight > 0 && Number.isFinite(svgWidth) && Number.isFinite(svgHeight))) return { width: 0, height: 0 };
  return { width: widthDots, height: Math.round((svgHeight * widthDots) / svgWidth) };
}

/**
 * An SVG is checked for outside references (svg-guard.ts) before resvg parses it, then its output
 * size is worked out from its declared size and refused over the limits before resvg draws it:
 * a 1 x 1000 SVG drawn 576 dots wide would otherwise ask for a 576 x 576,000 canvas.
 */
function decodeSvg(bytes: Buffer, fileName: string, widthDots: number): GreyImage {
  if (!(Number.isInteger(widthDots) && widthDots > 0 && widthDots <= IMAGE_LIMITS.maxSide)) {
    throw invalid(fileName, `cannot be drawn ${widthDots} dots wide; logos are drawn 1 to ${IMAGE_LIMITS.maxSide} dots wide.`);
  }
  const { embedded } = guardSvg(bytes, fileName);
  const resvg = new Resvg(bytes, svgOptions(widthDots));
  const out = svgOutputSize(resvg.width, resvg.height, widthDots);
  checkSize(fileName, out.width, out.height, ` when drawn ${widthDots} dots wide`);
  checkParsedImages(resvg.toString(), embedded, fileName);
  const rendered = resvg.render();
  checkSize(fileName, rendered.width, rendered.height, ` when drawn ${widthDots} dots wide`);
  return rgbaToGrey(rendered.width, rendered.height, rendered.pixels);
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
 * lines stay sharp. Every size is known and checked before a decoder allocates anything. Any
 * failure is IMAGE_INVALID naming the file.
 */
export function decodeImage(bytes: Buffer, fileName: string, svgWidth: number): GreyImage {
  const type = sniffImage(bytes, fileName);
  try {
    if (type === 'png') {
      checkHeader(bytes, fileName);
      const png = PNG.sync.read(bytes);
      checkSize(fileName, png.width, png.height);
      return rgbaToGrey(png.width, png.height, png.data);
    }
    if (type === 'jpeg') {
      checkHeader(bytes, fileName);
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        // Backstops: the header was already checked, but a JPEG may carry more than one frame.
        maxResolutionInMP: IMAGE_LIMITS.maxPixels / 1e6,
        maxMemoryUsageInMB: JPEG_MEMORY_MB,
      });
      checkSize(fileName, img.width, img.height);
      return rgbaToGrey(img.width, img.height, img.data);
    }
    return decodeSvg(bytes, fileName, svgWidth);
  } catch (e) {
    if (e instanceof MarqueeError) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    if (/maxResolutionInMP/.test(reason)) {
      throw invalid(fileName, `is larger than ${IMAGE_LIMITS.maxPixels / 1e6} megapixels; logos must be smaller.`);
    }
    if (/maxMemoryUsage/.test(reason)) {
      throw invalid(fileName, `needs more than ${JPEG_MEMORY_MB} MB of memory to decode; save it smaller, or as a PNG.`);
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
