/**
 * Picture sizes read from file headers, without decoding a single pixel: pngjs, jpeg-js and resvg
 * all decode a whole image at once, so the size has to be known (and refused) before they start.
 */

export type RasterFormat = 'png' | 'jpeg' | 'gif';

export interface HeaderSize {
  format: RasterFormat;
  width: number;
  height: number;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function rasterFormatOf(bytes: Uint8Array): RasterFormat | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_MAGIC)) return 'png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 6 && /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1'))) return 'gif';
  return undefined;
}

/**
 * The width and height a PNG, JPEG or GIF says it has, or a short reason it cannot tell (cut
 * short, no size in the header). Unknown formats answer undefined.
 */
export function headerSize(bytes: Uint8Array): HeaderSize | { format: RasterFormat; problem: string } | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = rasterFormatOf(b);
  if (!format) return undefined;
  if (format === 'png') {
    // The first chunk must be IHDR: width and height are its first eight bytes.
    if (b.length < 24 || b.subarray(12, 16).toString('latin1') !== 'IHDR') return { format, problem: 'its PNG header is incomplete' };
    return { format, width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (format === 'gif') {
    if (b.length < 10) return { format, problem: 'its GIF header is incomplete' };
    return { format, width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  }
  return jpegSize(b);
}

/** Walks the JPEG markers up to the first start-of-frame, which holds the size. */
function jpegSize(b: Buffer): HeaderSize | { format: 'jpeg'; problem: string } {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { format: 'jpeg', problem: 'its JPEG markers are damaged' };
    const marker = b[i + 1]!;
    // Fill bytes, and markers that stand alone without a length.
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image, or pixels start: no frame header came first
    const length = b.readUInt16BE(i + 2);
    if (length < 2) return { format: 'jpeg', problem: 'its JPEG markers are damaged' };
    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > b.length) break;
      return { format: 'jpeg', height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return { format: 'jpeg', problem: 'its JPEG header has no picture size' };
}
