import type { Printer } from './printers/printer-store.ts';

/** A layout the local print API can name. */
export interface LayoutSummary {
  id: string;
  name: string;
  kind: string;
}

/**
 * What delivery needs from the layout side (src-main/print/render): list layouts, turn a layout
 * and its data into the printer's bytes, and draw a preview. Kept as an interface so the queue
 * and the API work, and are tested, with raw ESC/POS alone when no renderer is plugged in.
 */
export interface PrintLayouts {
  list(): Promise<LayoutSummary[]>;
  render(layoutId: string, data: Record<string, unknown>, printer: Printer): Promise<Buffer>;
  /** PNG of the layout filled with its sample data at the given paper width. */
  previewPng(layoutId: string, widthDots: number, data?: Record<string, unknown>): Promise<Buffer>;
}
