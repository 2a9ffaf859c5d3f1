/**
 * The print renderer's public face. The printers and print-queue module (part 2) imports only
 * from here: layouts, logos, the byte encoder and the preview decoded from those bytes.
 */
export type { PrinterProfile, Raster1Bit, DitherMethod } from './types.ts';
export type {
  PrintData,
  TicketPrintData,
  ReceiptPrintData,
  ReservationSlipPrintData,
  CashUpPrintData,
  LayoutKind,
  VenuePrintData,
} from './print-data.ts';
export { sampleData, layoutKinds } from './print-data.ts';
export { LayoutLibrary, type LayoutInfo } from './layout-library.ts';
export type { Layout } from './layout-loader.ts';
export { parseLayout, LayoutInvalidError } from './layout-loader.ts';
export type { LayoutProblem } from './layout-problem.ts';
export { LogoStore, logoRaster, type LogoInfo } from './logo-store.ts';
export { renderDocument } from './encoder.ts';
export { renderPreviewPng, renderPreviewRaster, rasterToPng, decodePrinterBytes } from './preview.ts';
export { decodeEscPos, decodedTextLines, type PrintOp, type DecodedDocument } from './escpos-decoder.ts';
export { decodeStarLine } from './star-decoder.ts';
export { starCodePageNames } from './star-code-pages.ts';
export { codePageNames } from './code-pages.ts';
export { IMAGE_LIMITS } from './images.ts';
export { LAYOUT_LIMITS } from './render-limits.ts';
export { renderOffThread, RenderThread, type RenderThreadOptions } from './render-thread.ts';
export type { RenderJob, PictureAnswer, LogoFolders } from './render-jobs.ts';
