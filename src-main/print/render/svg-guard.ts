import { createHash } from 'node:crypto';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { headerSize, rasterFormatOf } from './image-headers.ts';
import { IMAGE_LIMITS } from './render-limits.ts';

/**
 * What an SVG logo may refer to, checked on its text before resvg ever sees it.
 *
 * resvg-js 2.6.2 offers no option that stops it reading files: any `<image href>` that is not a
 * data: or http(s) URL goes to usvg's default resolver, which reads that path from disk while the
 * SVG is being parsed (`new Resvg()`, before any rendering), so `/dev/zero` is read until memory
 * runs out and a local PNG is drawn back to whoever asked for the preview. Its options
 * (`resources_dir` is already none) cannot switch that off; the only file reads we can stop
 * through options are system fonts (images.ts passes `loadSystemFonts: false`). So this check is
 * the guard, and it is deliberately broader than what usvg reads: every `href`/`src` anywhere in the
 * text (any namespace prefix, comments and processing instructions included) must be an in-document
 * `#fragment` or a data: URL, every `<image>` must embed a data: URL, every CSS `url()` must point
 * inside the document, and entity declarations (which could spell a path the scan cannot see) and
 * `@import` are refused. A second check after parsing (`checkParsedImages`) makes sure every
 * picture in the parsed tree is one this guard approved, so a missed pattern still cannot draw a
 * local file back to the caller.
 */

export interface GuardedSvg {
  /** Fingerprints of the data: pictures the SVG embeds, for checkParsedImages. */
  embedded: Set<string>;
}

const EMBEDDABLE_MIME = new Set(['image/png', 'image/jpeg', 'image/jpg', 'image/gif']);

const refused = (fileName: string, problem: string): MarqueeError =>
  new MarqueeError('IMAGE_INVALID', `The SVG logo '${fileName}' ${problem}`, { fileName });

const outsideFile = (fileName: string, reference: string): MarqueeError =>
  refused(fileName, `refers to an outside file (${shown(reference)}); logos may only embed images as data: URLs.`);

/** A reference as the message shows it: short, one line. */
function shown(reference: string): string {
  const one = reference.replace(/\s+/g, ' ').trim();
  if (!one) return 'an empty link';
  return `"${one.length > 60 ? `${one.slice(0, 57)}...` : one}"`;
}

export const fingerprint = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The character references XML allows in attribute values; a named entity other than the five is refused. */
function decodeReferences(value: string, fileName: string): string {
  return value.replace(/&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][\w.-]*);?/g, (all, ref: string) => {
    if (!all.endsWith(';')) throw refused(fileName, 'has a broken character reference; save it again as plain SVG.');
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) throw refused(fileName, 'has a broken character reference; save it again as plain SVG.');
      return String.fromCodePoint(code);
    }
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const known = named[ref];
    if (known === undefined) throw refused(fileName, 'uses XML entities; logos may not (save it again as plain SVG).');
    return known;
  });
}

/** XML turns tabs and line breaks in attribute values into spaces; data: URLs ignore the ends' white space. */
const normalised = (value: string): string => value.replace(/[\t\n\r]/g, ' ').trim();

const isFragment = (value: string): boolean => value.startsWith('#');
const isData = (value: string): boolean => /^data:/i.test(value);

interface PictureBudget {
  pixels: number;
}

/**
 * A data: URL an `<image>` may embed: base64 PNG, JPEG or GIF whose header size is inside the logo
 * limits. resvg decodes embedded pictures in full, so their sizes count against the same budget
 * as the logo itself. Nested SVG (image/svg+xml, or text/plain, which usvg parses as SVG) is
 * refused: its own references would be resolved out of this guard's sight.
 */
function checkDataPicture(url: string, fileName: string, budget: PictureBudget, embedded: Set<string>): void {
  const comma = url.indexOf(',');
  if (comma < 0) throw refused(fileName, 'has a damaged data: URL (it has no comma).');
  const header = url.slice(5, comma).split(';').map((p) => p.trim().toLowerCase());
  const mime = header[0] || 'text/plain';
  if (!EMBEDDABLE_MIME.has(mime)) {
    throw refused(fileName, `embeds a data: URL of type ${mime}; logos may embed only PNG, JPEG or GIF pictures.`);
  }
  if (!header.slice(1).includes('base64')) throw refused(fileName, 'embeds a picture that is not base64-encoded; save it again as plain SVG.');
  // Exactly the base64 alphabet: no percent escapes, so what is checked here is what usvg decodes.
  const payload = url.slice(comma + 1).replace(/[\t\n\f\r ]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload) || payload.length % 4 === 1) {
    throw refused(fileName, 'embeds a picture whose base64 data is damaged.');
  }
  const bytes = Buffer.from(payload, 'base64');
  if (!rasterFormatOf(bytes)) throw refused(fileName, 'embeds something that is not a PNG, JPEG or GIF picture.');
  const size = headerSize(bytes);
  if (!size || !('width' in size)) throw refused(fileName, `embeds a picture that cannot be read (${size?.problem ?? 'unknown format'}).`);
  const { width, height } = size;
  if (!(width > 0 && height > 0) || width > IMAGE_LIMITS.maxSide || height > IMAGE_LIMITS.maxSide) {
    throw refused(fileName, `embeds a picture of ${width} x ${height} pixels; embedded pictures may be at most ${IMAGE_LIMITS.maxSide} x ${IMAGE_LIMITS.maxSide}.`);
  }
  budget.pixels += width * height;
  if (budget.pixels > IMAGE_LIMITS.maxPixels) {
    throw refused(fileName, `embeds pictures of more than ${IMAGE_LIMITS.maxPixels / 1e6} megapixels in all, the most a logo may hold.`);
  }
  embedded.add(fingerprint(bytes));
}

/** Checks an SVG logo's text; answers the pictures it embeds, or throws IMAGE_INVALID with a sentence. */
export function guardSvg(bytes: Buffer, fileName: string): GuardedSvg {
  // usvg inflates gzip (SVGZ) itself, which would hide the text from this check.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw refused(fileName, 'is compressed (SVGZ); save it as a plain SVG.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refused(fileName, 'is not UTF-8 text; save it again as a UTF-8 SVG.');
  }

  if (/<!ENTITY/i.test(text)) throw refused(fileName, 'declares XML entities; logos may not (save it again as plain SVG).');
  // A DOCTYPE naming the SVG DTD is harmless (nothing fetches it); one with an internal subset is refused.
  if (/<!DOCTYPE(?:[^>"'[]|"[^"]*"|'[^']*')*\[/i.test(text)) {
    throw refused(fileName, 'has a DOCTYPE with its own declarations; save it again as plain SVG.');
  }
  // CSS escapes could spell @import in a way the scan below would miss.
  if (/@(?:\s*import\b|\\)/i.test(text)) throw refused(fileName, 'imports a style sheet (@import); logos may not refer to outside files.');

  const embedded = new Set<string>();
  const budget: PictureBudget = { pixels: 0 };

  // Every href or src, whatever its prefix or element, in comments and processing instructions too:
  // broader than what usvg reads, so nothing usvg reads escapes it.
  const reference = /(?:href|src)\s*=\s*("([^"]*)"|'([^']*)'|)/gi;
  for (const m of text.matchAll(reference)) {
    if (m[1] === '') throw refused(fileName, 'has an unquoted link; save it again as plain SVG.');
    const value = normalised(decodeReferences(m[2] ?? m[3] ?? '', fileName));
    if (isFragment(value)) continue;
    if (!isData(value)) throw outsideFile(fileName, value);
    checkDataPicture(value, fileName, budget, embedded);
  }

  // An <image> may show only an embedded picture: usvg hands even '#id' to its file reader.
  const imageTag = /<(?:[\w.-]+:)?image\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
  for (const m of text.matchAll(imageTag)) {
    for (const attr of m[1]!.matchAll(/(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      const value = normalised(decodeReferences(attr[1] ?? attr[2] ?? '', fileName));
      if (!isData(value)) {
        throw refused(fileName, `has an <image> that does not embed its picture (${shown(value)}); logos may only embed images as data: URLs.`);
      }
    }
  }

  // usvg resolves url() only to elements of the document; anything else is refused all the same.
  for (const m of text.matchAll(/url\s*\(([^)]*)(\)?)/gi)) {
    const inner = normalised(decodeReferences(m[1]!, fileName)).replace(/^["']|["']$/g, '').trim();
    if (!m[2] || inner.includes('\\')) throw refused(fileName, 'has a url() that cannot be read; save it again as plain SVG.');
    if (isFragment(inner)) continue;
    if (!isData(inner)) throw outsideFile(fileName, inner);
    checkDataPicture(inner, fileName, budget, embedded);
  }
  return { embedded };
}

/**
 * After resvg has parsed the SVG (and before it draws), every picture in its tree must be one of
 * the embedded pictures the guard approved. resvg's own serialisation writes each picture as a
 * data: URL of the bytes it holds, so one read from a file, or a nested SVG, shows up here.
 */
export function checkParsedImages(serialisedTree: string, approved: Set<string>, fileName: string): void {
  for (const m of serialisedTree.matchAll(/href\s*=\s*"data:([^;,"]*);base64,([^"]*)"/gi)) {
    const mime = m[1]!.toLowerCase();
    const bytes = Buffer.from(m[2]!.replace(/\s/g, ''), 'base64');
    if (mime === 'image/svg+xml' || !approved.has(fingerprint(bytes))) {
      throw refused(fileName, 'shows a picture that is not embedded in it; logos may only embed images as data: URLs.');
    }
  }
}
