import type { layoutProcedures } from '../../../src-shared/contract/layouts.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { orderIdFromTyped, orderPrintData } from '../../print/order-print-data.ts';
import { listLayoutChoices, setEventLayout, setPriceBandLayout } from '../../print/layout-choices.ts';
import { printAssets } from '../../print/print-assets.ts';
import { startPrintService } from '../../print/print-service.ts';
import { fieldCatalogs } from '../../print/render/print-data.ts';
import {
  LayoutInvalidError,
  logoRaster,
  parseLayout,
  rasterToPng,
  renderDocument,
  renderPreviewPng,
  renderPreviewRaster,
  sampleData,
  type Layout,
  type LayoutProblem,
} from '../../print/render/index.ts';
import type { Handlers } from '../dispatcher.ts';
import { requireManager } from './printing.ts';

/** Kept for callers that found the shared library here first. */
export { printAssets };

/** Zod's optional fields must not carry `undefined` through the contract's output check. */
function plainProblem(p: LayoutProblem): LayoutProblem {
  return JSON.parse(JSON.stringify(p)) as LayoutProblem;
}

/** A real order's print data for a layout's preview: its first valid ticket, or its receipt. */
function orderFill(office: BoxOffice, typed: string, layout: Layout) {
  const sale = orderPrintData(office, orderIdFromTyped(office, typed));
  const from = (what: string) => ({ reference: sale.reference, what });
  if (layout.kind === 'receipt') return { data: sale.receipt, from: from('receipt') };
  if (layout.kind !== 'ticket') {
    throw new MarqueeError('BAD_INPUT', `The layout '${layout.name}' prints a ${layout.kind}; only ticket and receipt layouts can preview an order.`);
  }
  const first = sale.tickets[0];
  if (!first) throw new MarqueeError('BAD_INPUT', `Order ${sale.reference} has no valid tickets left to preview; choose another order or sample data.`);
  return { data: first.data, from: from(`ticket ${first.data.seat.label}`) };
}

export function layoutHandlers(office: BoxOffice): Pick<Handlers, keyof typeof layoutProcedures> {
  return {
    listLayouts: () => {
      const { layouts } = printAssets(office);
      const problems = layouts.reload().map(plainProblem);
      return { layouts: layouts.list(), problems };
    },
    getLayoutText: (input) => {
      const { layouts } = printAssets(office);
      const info = layouts.list().find((l) => l.id === input.id);
      if (!info) throw new MarqueeError('NOT_FOUND', `There is no layout called '${input.id}'.`);
      return { id: input.id, source: info.source, text: layouts.text(input.id) };
    },
    previewLayout: async (input) => {
      const { layouts, logos } = printAssets(office);
      const problems: LayoutProblem[] = [];
      let layout: Layout;
      if (input.text !== undefined) {
        try {
          layout = parseLayout(input.text, { id: 'unsaved', source: 'user', file: 'the unsaved layout' });
        } catch (e) {
          if (e instanceof LayoutInvalidError) return { preview: null, problems: [plainProblem(e.problem)] };
          throw e;
        }
      } else {
        const id = input.layoutId!;
        problems.push(...layouts.reload().filter((p) => p.id === id));
        try {
          layout = layouts.get(id);
        } catch (e) {
          if (e instanceof LayoutInvalidError) return { preview: null, problems: problems.map(plainProblem) };
          throw e;
        }
      }
      const kind = input.sample ?? layout.kind;
      if (kind !== layout.kind) {
        throw new MarqueeError('BAD_INPUT', `The layout '${layout.name}' prints a ${layout.kind}; it cannot preview ${kind} data.`);
      }
      const filled = input.orderId === undefined ? null : orderFill(office, input.orderId, layout);
      const profile = { type: 'epson' as const, widthDots: layout.widthDots, characterSet: input.characterSet };
      const bytes = await renderDocument(layout, filled?.data ?? sampleData(kind), profile, logos);
      const raster = renderPreviewRaster(bytes, layout.widthDots);
      return {
        preview: { png: renderPreviewPng(bytes, layout.widthDots).toString('base64'), widthDots: raster.width, heightDots: raster.height },
        problems: problems.map(plainProblem),
        ...(filled ? { filledFrom: filled.from } : {}),
      };
    },
    saveLayout: (input, ctx) => {
      requireManager(office, ctx, 'Saving a layout');
      const { layouts } = printAssets(office);
      layouts.save(input.id, input.text);
      return layouts.list().find((l) => l.id === input.id)!;
    },
    listLogos: () => printAssets(office).logos.list(),
    addLogo: (input, ctx) => {
      requireManager(office, ctx, 'Adding a logo');
      const bytes = Buffer.from(input.base64, 'base64');
      return printAssets(office).logos.add(input.name, bytes, input.fileName, input.dither);
    },
    previewLogo: (input) => {
      const raster =
        input.base64 !== undefined
          ? logoRaster(Buffer.from(input.base64, 'base64'), input.fileName!, input.widthDots, input.dither)
          : printAssets(office).logos.raster(input.name!, input.widthDots, input.dither);
      return { png: rasterToPng(raster).toString('base64'), widthDots: raster.width, heightDots: raster.height };
    },
    layoutFields: (input) => {
      const catalog = fieldCatalogs[input.kind];
      const fields = (record: Record<string, string>) => Object.entries(record).map(([name, type]) => ({ name, type: type as 'text' }));
      return {
        fields: fields(catalog.fields),
        lists: Object.entries(catalog.lists).map(([name, list]) => ({ name, item: list.item, fields: fields(list.fields) })),
      };
    },
    restoreLayout: (input, ctx) => {
      requireManager(office, ctx, 'Restoring a built-in layout');
      const { layouts } = printAssets(office);
      layouts.restoreBuiltin(input.id);
      return layouts.list().find((l) => l.id === input.id)!;
    },
    listLayoutChoices: () => listLayoutChoices(office),
    setEventLayout: (input, ctx) => {
      requireManager(office, ctx, "Choosing an event's ticket layout");
      return setEventLayout(office, input.eventId, input.layoutId);
    },
    setPriceBandLayout: (input, ctx) => {
      requireManager(office, ctx, "Choosing a price band's ticket layout");
      return setPriceBandLayout(office, input.priceBandId, input.layoutId);
    },
    printLayoutSample: (input) => {
      const layout = printAssets(office).layouts.get(input.layoutId);
      return startPrintService(office).submitLayout({
        layoutId: input.layoutId,
        data: sampleData(layout.kind) as unknown as Record<string, unknown>,
        label: `Sample of ${layout.name}`,
        source: 'layout-sample',
        ...(input.printerId ? { printerId: input.printerId } : {}),
      });
    },
  };
}
