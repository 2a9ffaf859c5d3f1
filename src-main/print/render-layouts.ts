import { MarqueeError } from '../../src-shared/errors.ts';
import type { BoxOffice } from '../core/box-office.ts';
import type { PrintLayouts } from './layouts-port.ts';
import { printAssets } from './print-assets.ts';
import {
  renderDocument,
  renderPreviewPng,
  sampleData,
  type PrintData,
  type PrinterProfile,
} from './render/index.ts';

/** Which printers a layout goes to: reservation slips print where receipts do, cash-ups where reports do. */
export const jobKindForLayout = { ticket: 'ticket', receipt: 'receipt', reservation: 'receipt', 'cash-up': 'report' } as const;

/**
 * The renderer (src-main/print/render) behind delivery's PrintLayouts seam: the office's built-in
 * and venue layouts and logos, rendered for the printer that will print them.
 */
export function renderedLayouts(office: BoxOffice): PrintLayouts {
  const { layouts, logos } = printAssets(office);

  async function render(layoutId: string, data: Record<string, unknown>, profile: PrinterProfile): Promise<Buffer> {
    const layout = layouts.get(layoutId);
    // Callers of the local API may leave out `kind`: the layout says what it prints.
    const filled = { kind: layout.kind, ...data } as unknown as PrintData;
    try {
      return await renderDocument(layout, filled, profile, logos);
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
      return renderPreviewPng(bytes, widthDots);
    },
  };
}
