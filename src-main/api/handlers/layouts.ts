import type { layoutProcedures } from '../../../src-shared/contract/layouts.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { Counter } from '../../app/counter.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { orderIdFromTyped, orderPrintData } from '../../print/order-print-data.ts';
import { listLayoutChoices, setEventLayout, setPriceBandLayout } from '../../print/layout-choices.ts';
import { fieldCatalogs } from '../../print/render/print-data.ts';
import {
  LayoutInvalidError,
  parseLayout,
  renderOffThread,
  sampleData,
  type Layout,
  type LayoutProblem,
} from '../../print/render/index.ts';
import type { Handlers } from '../dispatcher.ts';

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

export function layoutHandlers(counter: Counter): Pick<Handlers, keyof typeof layoutProcedures> {
  const { office, assets } = counter;
  return {
    listLayouts: () => {
      const { layouts } = assets;
      const problems = layouts.reload().map(plainProblem);
      return { layouts: layouts.list(), problems };
    },
    getLayoutText: (input) => {
      const { layouts } = assets;
      const info = layouts.list().find((l) => l.id === input.id);
      if (!info) throw new MarqueeError('NOT_FOUND', `There is no layout called '${input.id}'.`);
      return { id: input.id, source: info.source, text: layouts.text(input.id) };
    },
    previewLayout: async (input) => {
      const { layouts, logos } = assets;
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
      // Drawn on the render worker, within its limits: the layout text and the logos it names are the caller's.
      const preview = await renderOffThread({ kind: 'layout-preview', folders: logos.folders, fontDir: assets.fontDir, layout, data: filled?.data ?? sampleData(kind), profile });
      return {
        preview,
        problems: problems.map(plainProblem),
        ...(filled ? { filledFrom: filled.from } : {}),
      };
    },
    saveLayout: (input) => {
      const { layouts } = assets;
      layouts.save(input.id, input.text);
      return layouts.list().find((l) => l.id === input.id)!;
    },
    listLogos: () => assets.logos.list(),
    addLogo: async (input) => {
      const bytes = Buffer.from(input.base64, 'base64');
      const { logos } = assets;
      logos.checkName(input.name);
      // Decoded on the render worker; only a file that passed is written.
      await renderOffThread({ kind: 'logo-check', bytes, fileName: input.fileName, dither: input.dither ?? 'atkinson' });
      return logos.save(input.name, bytes, input.fileName);
    },
    previewLogo: (input) => {
      // Drawn on the render worker, within its limits.
      const { widthDots, dither } = input;
      return input.base64 !== undefined
        ? renderOffThread({ kind: 'logo-file', bytes: Buffer.from(input.base64, 'base64'), fileName: input.fileName!, widthDots, dither })
        : renderOffThread({ kind: 'stored-logo', folders: assets.logos.folders, name: input.name!, widthDots, dither });
    },
    layoutFields: (input) => {
      const catalog = fieldCatalogs[input.kind];
      const fields = (record: Record<string, string>) => Object.entries(record).map(([name, type]) => ({ name, type: type as 'text' }));
      return {
        fields: fields(catalog.fields),
        lists: Object.entries(catalog.lists).map(([name, list]) => ({ name, item: list.item, fields: fields(list.fields) })),
      };
    },
    restoreLayout: (input) => {
      const { layouts } = assets;
      layouts.restoreBuiltin(input.id);
      return layouts.list().find((l) => l.id === input.id)!;
    },
    listLayoutChoices: () => listLayoutChoices(office),
    setEventLayout: (input) => {
      return setEventLayout(office, assets.layouts, input.eventId, input.layoutId);
    },
    setPriceBandLayout: (input) => {
      return setPriceBandLayout(office, assets.layouts, input.priceBandId, input.layoutId);
    },
    printLayoutSample: async (input) => {
      const { layouts, logos } = assets;
      const layout = layouts.get(input.layoutId);
      // Encoded on the render worker first: a layout over the limits is refused there, and the
      // logos it draws land in the disk cache, so the queue's encoding here is as cheap as a ticket's.
      const profile = { type: 'epson' as const, widthDots: layout.widthDots, characterSet: 'PC858_EURO' };
      await renderOffThread({ kind: 'layout-check', folders: logos.folders, fontDir: assets.fontDir, layout, data: sampleData(layout.kind), profile });
      return counter.printing.submitLayout({
        layoutId: input.layoutId,
        data: sampleData(layout.kind) as unknown as Record<string, unknown>,
        label: `Sample of ${layout.name}`,
        source: 'layout-sample',
        ...(input.printerId ? { printerId: input.printerId } : {}),
      });
    },
  };
}
