import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import { code128Bars } from './code128.ts';
import { drawText, plainStyle } from './draw-text.ts';
import { bitmapFont, type BitmapFont } from './font.ts';
import { decodeEscPos, type DecodedDocument, type PrintOp } from './escpos-decoder.ts';
import { checkDocumentBytes, checkPreviewQrCodes, checkPreviewSize } from './render-limits.ts';
import { decodeStarLine } from './star-decoder.ts';
import { blankRaster, getDot, setDot, type PrinterProfile, type Raster1Bit } from './types.ts';

const FONT_W = 12;
const FONT_H = 24;
const LINE_GAP = 6;
const CUT_HEIGHT = 24;

/** Decodes bytes in the command set the encoder writes for this printer type: Star Line Mode for 'star', else ESC/POS. */
export function decodePrinterBytes(bytes: Uint8Array, type: PrinterProfile['type'] = 'epson'): DecodedDocument {
  return type === 'star' ? decodeStarLine(bytes) : decodeEscPos(bytes);
}

type QrOp = Extract<PrintOp, { op: 'qr' }>;
type QrMatrix = ReturnType<typeof QRCode.create>['modules'];

/**
 * Renders the document the bytes describe as a picture the width of the printer's dots, by
 * decoding those very bytes: the preview shows what the printer was sent, never a second opinion.
 * `type` is the printer type the bytes were encoded for (Epson ESC/POS unless told).
 * The size is worked out and held to the limits (render-limits.ts) before a dot is drawn:
 * bytes, then the number of QR codes (counted before any is built), then the height.
 */
export function renderPreviewRaster(bytes: Uint8Array, widthDots: number, type: PrinterProfile['type'] = 'epson', font: BitmapFont = bitmapFont()): Raster1Bit {
  checkDocumentBytes(bytes.length);
  const doc = decodePrinterBytes(bytes, type);
  const area = Math.min(widthDots, doc.printAreaDots ?? widthDots);
  const offsetX = (align: 'left' | 'center' | 'right', w: number) =>
    align === 'left' ? 0 : align === 'center' ? Math.max(0, (area - w) >> 1) : Math.max(0, area - w);

  checkPreviewQrCodes(doc.ops.reduce((n, op) => n + (op.op === 'qr' ? 1 : 0), 0));
  // Each QR code is built once, for its height and for drawing it.
  const matrices = new Map<QrOp, QrMatrix>();
  for (const op of doc.ops) {
    if (op.op === 'qr') matrices.set(op, QRCode.create(op.data || ' ', { errorCorrectionLevel: op.errorCorrection }).modules);
  }
  const heights = doc.ops.map((op) => opHeight(op, doc.lineSpacing, matrices));
  const total = Math.max(1, heights.reduce((a, b) => a + b, 0));
  checkPreviewSize(widthDots, total);
  const canvas = blankRaster(widthDots, total);
  let y = 0;
  doc.ops.forEach((op, k) => {
    draw(canvas, op, y, offsetX, matrices, font);
    y += heights[k]!;
  });
  return canvas;
}

export function renderPreviewPng(bytes: Buffer, widthDots: number, type: PrinterProfile['type'] = 'epson', font: BitmapFont = bitmapFont()): Buffer {
  return rasterToPng(renderPreviewRaster(bytes, widthDots, type, font));
}

/** A 1-bit raster as an 8-bit grey PNG (black dots on white paper). */
export function rasterToPng(r: Raster1Bit): Buffer {
  const png = new PNG({ width: r.width, height: r.height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  const grey = Buffer.alloc(r.width * r.height, 255);
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) if (getDot(r, x, y)) grey[y * r.width + x] = 0;
  }
  png.data = grey;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
}

const tallestRun = (runs: Array<{ style: { height: number } }>) => runs.reduce((h, r) => Math.max(h, r.style.height), 1);

function opHeight(op: PrintOp, lineSpacing: number, matrices: Map<QrOp, QrMatrix>): number {
  switch (op.op) {
    case 'text':
      return Math.max(lineSpacing, FONT_H * tallestRun(op.runs) + LINE_GAP);
    case 'raster':
      return op.raster.height * op.scaleY;
    case 'qr':
      return matrices.get(op)!.size * op.moduleSize;
    case 'barcode':
      return op.height + (op.hri === 'none' ? 0 : FONT_H + 4);
    case 'feed':
      return op.dots;
    case 'cut':
      return CUT_HEIGHT;
    default:
      return 0;
  }
}

function draw(
  c: Raster1Bit,
  op: PrintOp,
  y: number,
  offsetX: (align: 'left' | 'center' | 'right', w: number) => number,
  matrices: Map<QrOp, QrMatrix>,
  font: BitmapFont,
): void {
  switch (op.op) {
    case 'text': {
      const h = tallestRun(op.runs);
      const width = op.runs.reduce((sum, r) => sum + [...r.text].length * FONT_W * r.style.width, 0);
      let x = offsetX(op.align, width);
      for (const run of op.runs) {
        // Past the paper's edge nothing shows: stop there, however long the line the bytes hold.
        if (x >= c.width) break;
        const fits = Math.ceil((c.width - x) / (FONT_W * run.style.width));
        // Characters of one line share a baseline: shorter runs sit at the bottom.
        x += drawText(c, x, y + FONT_H * (h - run.style.height), [...run.text].slice(0, fits).join(''), run.style, font);
      }
      return;
    }
    case 'raster': {
      const { raster, scaleX, scaleY } = op;
      for (let yy = 0; yy < raster.height; yy++) {
        for (let xx = 0; xx < raster.width; xx++) {
          if (!getDot(raster, xx, yy)) continue;
          for (let sy = 0; sy < scaleY; sy++) for (let sx = 0; sx < scaleX; sx++) setDot(c, xx * scaleX + sx, y + yy * scaleY + sy);
        }
      }
      return;
    }
    case 'qr': {
      const matrix = matrices.get(op)!;
      const x0 = offsetX(op.align, matrix.size * op.moduleSize);
      for (let my = 0; my < matrix.size; my++) {
        for (let mx = 0; mx < matrix.size; mx++) {
          if (!matrix.get(my, mx)) continue;
          for (let dy = 0; dy < op.moduleSize; dy++) {
            for (let dx = 0; dx < op.moduleSize; dx++) setDot(c, x0 + mx * op.moduleSize + dx, y + my * op.moduleSize + dy);
          }
        }
      }
      return;
    }
    case 'barcode': {
      const bars = op.symbology === 'code128' ? code128Bars(op.data) : [];
      const width = bars.length * op.moduleWidth;
      const x0 = offsetX(op.align, width);
      const barTop = op.hri === 'above' ? y + FONT_H + 4 : y;
      bars.forEach((black, k) => {
        if (!black) return;
        for (let dx = 0; dx < op.moduleWidth; dx++) for (let dy = 0; dy < op.height; dy++) setDot(c, x0 + k * op.moduleWidth + dx, barTop + dy);
      });
      if (op.hri !== 'none') {
        const textY = op.hri === 'above' ? y : y + op.height + 4;
        drawText(c, offsetX(op.align, op.data.length * FONT_W), textY, op.data, plainStyle, font);
      }
      return;
    }
    case 'cut': {
      const mid = y + (CUT_HEIGHT >> 1);
      for (let x = 0; x < c.width; x++) if (x % 16 < 10) setDot(c, x, mid);
      return;
    }
    default:
      return;
  }
}
