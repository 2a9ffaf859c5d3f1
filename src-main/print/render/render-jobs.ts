import { renderDocument } from './encoder.ts';
import { bitmapFont } from './font.ts';
import type { Layout } from './layout-loader.ts';
import { checkLogoFile, logoRaster, LogoStore } from './logo-store.ts';
import { rasterToPng, renderPreviewRaster } from './preview.ts';
import type { PrintData } from './print-data.ts';
import { checkDocumentBytes, checkDocumentLimits } from './render-limits.ts';
import type { DitherMethod, PrinterProfile, Raster1Bit } from './types.ts';

/**
 * The drawing work a request may ask for with content it brought along: a logo file, a layout's
 * text, an order's data. Plain data in, plain data out, so it runs the same in the render worker
 * (render-thread.ts) as in a test.
 */

/** Where a LogoStore finds the logos: the built-in and the venue's own folders. */
export interface LogoFolders {
  builtinDir: string;
  userDir: string;
}

export type RenderJob =
  /** A logo file not yet added, as it would print. */
  | { kind: 'logo-file'; bytes: Uint8Array; fileName: string; widthDots: number; dither: DitherMethod }
  /** The whole pipeline once, before addLogo saves the file. */
  | { kind: 'logo-check'; bytes: Uint8Array; fileName: string; dither: DitherMethod }
  /** A saved logo, as it would print. */
  | { kind: 'stored-logo'; folders: LogoFolders; name: string; widthDots: number; dither: DitherMethod }
  /** A layout filled with data, drawn from the printer bytes it encodes to. */
  | { kind: 'layout-preview'; folders: LogoFolders; layout: Layout; data: PrintData; profile: PrinterProfile; fontDir?: string }
  /** A layout filled with data, encoded only: proves it renders, and leaves its logos in the disk cache. */
  | { kind: 'layout-check'; folders: LogoFolders; layout: Layout; data: PrintData; profile: PrinterProfile; fontDir?: string };

export interface PictureAnswer {
  /** PNG, base64. */
  png: string;
  widthDots: number;
  heightDots: number;
}

/** Whether a failed job concerns an image or a layout: its refusal carries that code. */
export const jobSubject = (job: RenderJob): 'logo' | 'layout' => (job.kind.startsWith('layout') ? 'layout' : 'logo');

const stores = new Map<string, LogoStore>();
/** One store per pair of folders, so the rasters a worker makes stay in its memory between jobs. */
function logoStore(folders: LogoFolders): LogoStore {
  const key = `${folders.builtinDir}\n${folders.userDir}`;
  let store = stores.get(key);
  if (!store) stores.set(key, (store = new LogoStore(folders)));
  return store;
}

const picture = (raster: Raster1Bit): PictureAnswer => ({
  png: rasterToPng(raster).toString('base64'),
  widthDots: raster.width,
  heightDots: raster.height,
});

async function encode(job: Extract<RenderJob, { kind: 'layout-preview' | 'layout-check' }>): Promise<Buffer> {
  // QR codes and logos are counted with the repeats filled in, before anything is encoded.
  checkDocumentLimits(job.layout, job.data);
  const bytes = await renderDocument(job.layout, job.data, job.profile, logoStore(job.folders), bitmapFont(job.fontDir));
  checkDocumentBytes(bytes.length, `The layout '${job.layout.name}'`);
  return bytes;
}

export async function runRenderJob(job: RenderJob): Promise<PictureAnswer | null> {
  switch (job.kind) {
    case 'logo-file':
      return picture(logoRaster(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.fileName, job.widthDots, job.dither));
    case 'logo-check':
      checkLogoFile(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.fileName, job.dither);
      return null;
    case 'stored-logo':
      return picture(logoStore(job.folders).raster(job.name, job.widthDots, job.dither));
    case 'layout-preview':
      return picture(renderPreviewRaster(await encode(job), job.layout.widthDots, 'epson', bitmapFont(job.fontDir)));
    case 'layout-check':
      await encode(job);
      return null;
  }
}
