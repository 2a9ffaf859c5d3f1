import { join } from 'node:path';
import type { layoutProcedures } from '../../../src-shared/contract/layouts.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import {
  LayoutInvalidError,
  LayoutLibrary,
  LogoStore,
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

interface PrintAssets {
  layouts: LayoutLibrary;
  logos: LogoStore;
}

const perOffice = new WeakMap<BoxOffice, PrintAssets>();
/**
 * One layout library and logo store per open box office: built-ins from the office's layouts and
 * assets folders (resources/ once packaged), the venue's own in <data>/layouts and <data>/logos.
 */
export function printAssets(office: BoxOffice): PrintAssets {
  let assets = perOffice.get(office);
  if (!assets) {
    assets = {
      layouts: new LayoutLibrary({ builtinDir: office.layoutsDir, userDir: join(office.dataDir, 'layouts') }),
      logos: new LogoStore({ builtinDir: join(office.assetsDir, 'logos'), userDir: join(office.dataDir, 'logos') }),
    };
    perOffice.set(office, assets);
  }
  return assets;
}

/** Zod's optional fields must not carry `undefined` through the contract's output check. */
function plainProblem(p: LayoutProblem): LayoutProblem {
  return JSON.parse(JSON.stringify(p)) as LayoutProblem;
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
      const profile = { type: 'epson' as const, widthDots: layout.widthDots, characterSet: input.characterSet };
      const bytes = await renderDocument(layout, sampleData(kind), profile, logos);
      const raster = renderPreviewRaster(bytes, layout.widthDots);
      return {
        preview: { png: renderPreviewPng(bytes, layout.widthDots).toString('base64'), widthDots: raster.width, heightDots: raster.height },
        problems: problems.map(plainProblem),
      };
    },
    saveLayout: (input) => {
      const { layouts } = printAssets(office);
      layouts.save(input.id, input.text);
      return layouts.list().find((l) => l.id === input.id)!;
    },
    listLogos: () => printAssets(office).logos.list(),
    addLogo: (input) => {
      const bytes = Buffer.from(input.base64, 'base64');
      return printAssets(office).logos.add(input.name, bytes, input.fileName, input.dither);
    },
    previewLogo: (input) => {
      const raster = printAssets(office).logos.raster(input.name, input.widthDots, input.dither);
      return { png: rasterToPng(raster).toString('base64'), widthDots: raster.width, heightDots: raster.height };
    },
  };
}
