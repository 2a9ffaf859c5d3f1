import { MarqueeError } from '../../../src-shared/errors.ts';
import type { LayoutElement, LayoutFile } from './layout-schema.ts';

/**
 * How big a picture or a printed document may get, worked out before any pixel is drawn. These are
 * the real guard against render bombs: resvg draws in native memory that a worker's V8 limits do
 * not cap, and every decoder here allocates the whole picture at once.
 */

/** Stated limits for images a manager adds: beyond them a file is refused, not shrunk. */
export const IMAGE_LIMITS = { maxBytes: 5 * 1024 * 1024, maxSide: 4096, maxPixels: 16_000_000 } as const;

export const LAYOUT_LIMITS = {
  /** QR elements in one layout file, those inside a repeat counted once. */
  maxQrElements: 8,
  /** Logo elements in one layout file. */
  maxLogoElements: 8,
  /** QR codes in one printed document, after repeats are filled in. */
  maxQrCodes: 20,
  /** Logos in one printed document, after repeats are filled in. */
  maxLogos: 20,
  /** Paper one document may use: 20,000 dots is 2.5 metres at 203 dpi. */
  maxHeightDots: 20_000,
  /** Printer bytes of one document (a full-width picture of the maximum height is about 2 MB). */
  maxDocumentBytes: 4 * 1024 * 1024,
  /** Dots in one preview picture (one byte each while it is written as a PNG). */
  maxPreviewDots: 16_000_000,
} as const;

const DOTS_PER_MM = 8;
const metres = (dots: number) => `${(dots / DOTS_PER_MM / 1000).toFixed(1)} m`;

/** Dots an element takes at least, as the preview draws it; logos and repeats may take none. */
function leastHeight(el: LayoutElement, widthDots: number): number {
  const line = (size?: string) => (size === 'double' || size === 'double-height' ? 54 : 30);
  switch (el.type) {
    case 'text':
    case 'columns':
      return line(el.size);
    case 'rule':
      return el.style === 'solid' ? 12 : 30;
    case 'qr':
      // The smallest QR code has 21 modules a side; the encoder narrows modules to fit the paper.
      return 21 * Math.max(1, Math.min(el.moduleSize ?? 6, Math.floor(widthDots / 21)));
    case 'barcode':
      return (el.height ?? 80) + ((el.hri ?? 'below') === 'none' ? 0 : 28);
    case 'feed':
      return el.lines * 30;
    case 'cut':
      return (el.feedLines ?? 4) * 30 + 24;
    default:
      return 0;
  }
}

export interface LimitProblem {
  message: string;
  /** Where in the file, as layout problems name it: 'elements[12]'. */
  path?: string;
}

/**
 * The limits a layout file can be held to on its own, before any data fills it: how many QR codes
 * and logos it draws, and the paper it uses at the least. parseLayout reports the first one broken.
 */
export function layoutFileProblem(layout: LayoutFile): LimitProblem | undefined {
  let qr = 0;
  let logos = 0;
  let height = 0;
  const walk = (elements: readonly LayoutElement[], path: string, inRepeat: boolean): LimitProblem | undefined => {
    for (const [k, el] of elements.entries()) {
      const at = `${path}[${k}]`;
      if (el.type === 'repeat') {
        const inner = walk(el.elements as LayoutElement[], `${at}.elements`, true);
        if (inner) return inner;
        continue;
      }
      if (el.type === 'qr' && ++qr > LAYOUT_LIMITS.maxQrElements) {
        return { message: `this is QR code number ${qr}; a layout may have at most ${LAYOUT_LIMITS.maxQrElements} QR codes`, path: at };
      }
      if (el.type === 'logo' && ++logos > LAYOUT_LIMITS.maxLogoElements) {
        return { message: `this is logo number ${logos}; a layout may have at most ${LAYOUT_LIMITS.maxLogoElements} logos`, path: at };
      }
      if (!inRepeat) height += leastHeight(el, layout.widthDots);
      if (height > LAYOUT_LIMITS.maxHeightDots) {
        return {
          message: `by this element the layout prints at least ${height} dots (${metres(height)}) of paper; a document may be at most ${LAYOUT_LIMITS.maxHeightDots} dots (${metres(LAYOUT_LIMITS.maxHeightDots)}) long`,
          path: at,
        };
      }
    }
    return undefined;
  };
  return walk(layout.elements, 'elements', false);
}

/**
 * The limits that depend on the data as well: QR codes and logos once every repeat is filled in.
 * Checked before the document is encoded, so a long list cannot make a preview draw hundreds of codes.
 */
export function checkDocumentLimits(layout: Pick<LayoutFile, 'name' | 'elements'>, data: unknown): void {
  let qr = 0;
  let logos = 0;
  const count = (elements: readonly LayoutElement[], times: number) => {
    for (const el of elements) {
      if (el.type === 'qr') qr += times;
      else if (el.type === 'logo') logos += times;
      else if (el.type === 'repeat') {
        const items = data && typeof data === 'object' ? (data as Record<string, unknown>)[el.over] : undefined;
        count(el.elements as LayoutElement[], times * (Array.isArray(items) ? items.length : 0));
      }
    }
  };
  count(layout.elements, 1);
  if (qr > LAYOUT_LIMITS.maxQrCodes) {
    throw new MarqueeError(
      'LAYOUT_INVALID',
      `The layout '${layout.name}' would print ${qr} QR codes with this data; one document may have at most ${LAYOUT_LIMITS.maxQrCodes}.`,
    );
  }
  if (logos > LAYOUT_LIMITS.maxLogos) {
    throw new MarqueeError(
      'LAYOUT_INVALID',
      `The layout '${layout.name}' would print ${logos} logos with this data; one document may have at most ${LAYOUT_LIMITS.maxLogos}.`,
    );
  }
}

export function checkDocumentBytes(byteCount: number, what = 'The document'): void {
  if (byteCount > LAYOUT_LIMITS.maxDocumentBytes) {
    throw new MarqueeError(
      'LAYOUT_INVALID',
      `${what} is ${(byteCount / 1048576).toFixed(1)} MB of printer commands; one document may be at most ${LAYOUT_LIMITS.maxDocumentBytes / 1048576} MB.`,
    );
  }
}

/** A preview draws a bounded number of QR codes: counted from the decoded commands before any is built. */
export function checkPreviewQrCodes(qrCodes: number): void {
  if (qrCodes > LAYOUT_LIMITS.maxQrCodes) {
    throw new MarqueeError('LAYOUT_INVALID', `The document has ${qrCodes} QR codes; one document may have at most ${LAYOUT_LIMITS.maxQrCodes}.`);
  }
}

/** The preview's size, from the decoded commands' heights, before its canvas is allocated. */
export function checkPreviewSize(widthDots: number, heightDots: number): void {
  if (heightDots > LAYOUT_LIMITS.maxHeightDots) {
    throw new MarqueeError(
      'LAYOUT_INVALID',
      `The document is ${heightDots} dots (${metres(heightDots)}) long; a document may be at most ${LAYOUT_LIMITS.maxHeightDots} dots (${metres(LAYOUT_LIMITS.maxHeightDots)}).`,
    );
  }
  if (widthDots * heightDots > LAYOUT_LIMITS.maxPreviewDots) {
    throw new MarqueeError(
      'LAYOUT_INVALID',
      `The preview would be ${widthDots} x ${heightDots} dots; a preview may have at most ${LAYOUT_LIMITS.maxPreviewDots / 1e6} million dots.`,
    );
  }
}
