import { MarqueeError } from '../../src-shared/errors.ts';
import type { PrintLayouts } from './layouts-port.ts';
import type { PrintAssets } from './print-assets.ts';
import { bitmapFont } from './render/font.ts';
import {
  renderDocument,
  renderPreviewPng,
  sampleData,
  type PrintData,
  type PrinterProfile,
} from './render/index.ts';

/** Which printers a layout goes to: reservation slips print where receipts do, cash-ups where reports do. */
export const jobKindForLayout = { ticket: 'ticket', receipt: 'receipt', reservation: 'receipt', 'cash-up': 'report', refund: 'receipt' } as const;

/**
 * The renderer (src-main/print/render) behind delivery's PrintLayouts seam: the running box
 * office's built-in and venue layouts and logos, drawn with its font, rendered for the printer
 * that will print them.
 */
export function renderedLayouts(assets: PrintAssets): PrintLayouts {
  const { layouts, logos } = assets;
  // Read at the first render, not at start-up: a box office that never draws text needs no atlas.
  const font = () => bitmapFont(assets.fontDir);

  async function render(layoutId: string, data: Record<string, unknown>, profile: PrinterProfile): Promise<Buffer> {
    const layout = layouts.get(layoutId);
    // Callers of the local API may leave out `kind`: the layout says what it prints.
    const filled = { kind: layout.kind, ...data } as unknown as PrintData;
    try {
      return await renderDocument(layout, filled, profile, logos, font());
    } catch (error) {
      if (error instanceof MarqueeError) throw error;
      throw new MarqueeError('BAD_INPUT', `The data does not fit the layout '${layoutId}' (${(error as Error).message}); compare it with the layout's sample data.`);
    }
  }

  return {
    async list() {
      layouts.reload();
      return layouts.list().map(({ id, name, kind }) => ({ id, name, kind }));
    },
    render(layoutId, data, printer) {
      return render(layoutId, data, { type: printer.type, widthDots: printer.widthDots, characterSet: printer.characterSet });
    },
    async previewPng(layoutId, widthDots, data) {
      const layout = layouts.get(layoutId);
      const bytes = await render(layoutId, data ?? (sampleData(layout.kind) as unknown as Record<string, unknown>), {
        type: 'epson',
        widthDots,
        characterSet: 'PC858_EURO',
      });
      return renderPreviewPng(bytes, widthDots, 'epson', font());
    },
  };
}
