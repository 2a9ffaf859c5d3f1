import type { CodePage } from './code-pages.ts';
import type { Raster1Bit } from './types.ts';

export type Align = 'left' | 'center' | 'right';

/** The printer's text mode as the document model sets it; writers send only what changes. */
export interface TextMode {
  align: Align;
  width: number;
  height: number;
  bold: boolean;
  underline: boolean;
  inverted: boolean;
}

export const initialTextMode: TextMode = { align: 'left', width: 1, height: 1, bold: false, underline: false, inverted: false };

/**
 * What the document encoder asks of a printer, in its own words. Each printer dialect (Epson
 * ESC/POS, Star Line Mode) turns these into its bytes; the encoder never writes a byte itself.
 */
export interface PrinterCommands {
  /** Reset the printer, select the code page and, for a layout narrower than the paper, its print area. */
  initialise(page: CodePage, printAreaDots?: number): this;
  style(want: Partial<TextMode>): this;
  /** One line of text already encoded on the code page, then a line feed. */
  line(encoded: Uint8Array): this;
  feed(lines: number): this;
  raster(r: Raster1Bit): this;
  qr(data: Uint8Array, moduleSize: number, errorCorrection: 'L' | 'M' | 'Q' | 'H', align: Align): this;
  code128(text: string, height: number, moduleWidth: number, hri: 'none' | 'above' | 'below', align: Align): this;
  cut(partial: boolean): this;
  toBuffer(): Buffer;
}
