import { rmSync } from 'node:fs';
import { join } from 'node:path';
// Only the buffer is built; the tcp interface is never connected.
import { CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { PNG } from 'pngjs';
import { sourceAssetsDir, sourceLayoutsDir } from '../src-main/paths.ts';
import {
  LayoutLibrary,
  LogoStore,
  rasterToPng,
  renderDocument,
  renderPreviewPng,
  renderPreviewRaster,
  sampleData,
} from '../src-main/print/render/index.ts';
import { makeTempDir } from '../test/helpers/temp-box-office.ts';
import { median, row, type BenchArea } from './types.ts';

async function timeMs(runs: number, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(samples);
}

/**
 * Encoding one 80 mm ticket (logo from the cache, QR) beside node-thermal-printer building a
 * buffer with the same content; the preview decoded from those bytes beside pngjs writing a
 * blank PNG of the same size.
 */
export const printRenderBench: BenchArea = {
  area: 'print-render',
  async run() {
    const dir = makeTempDir('marquee-bench-render-');
    try {
      const layouts = new LayoutLibrary({ builtinDir: sourceLayoutsDir, userDir: join(dir, 'layouts') });
      const logos = new LogoStore({ builtinDir: join(sourceAssetsDir, 'logos'), userDir: join(dir, 'logos') });
      const layout = layouts.get('ticket-80mm');
      const data = sampleData('ticket');
      const profile = { type: 'epson' as const, widthDots: 576, characterSet: 'PC858_EURO' };
      const bytes = await renderDocument(layout, data, profile, logos); // warms the logo cache
      const logoPng = rasterToPng(logos.raster('marquee', 384, 'atkinson'));

      const floorBuild = async () => {
        const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: 'tcp://127.0.0.1:9', width: 48, characterSet: CharacterSet.PC858_EURO });
        p.alignCenter();
        await p.printImageBuffer(logoPng);
        p.bold(true);
        p.println(data.venue.name);
        p.bold(false);
        p.drawLine();
        p.setTextQuadArea();
        p.println(data.event.title);
        p.setTextDoubleHeight();
        p.println('Fri 4 Dec 2026 19:30');
        p.setTextNormal();
        p.println('Doors open 19:00  |  Age 12+');
        p.invert(true);
        p.setTextQuadArea();
        p.println(' Stalls F-14 ');
        p.invert(false);
        p.setTextNormal();
        p.alignLeft();
        p.leftRight('Adult', '£24.50');
        p.drawLine();
        p.alignCenter();
        p.printQR(data.ticket.code, { cellSize: 8, correction: 'M', model: 2 });
        p.println(data.ticket.code);
        p.leftRight('Order BX-40213', '22/11/26 14:05');
        p.println('Box office 1 - Sam Ortiz');
        p.partialCut();
        return p.getBuffer();
      };

      const runs = 300;
      await timeMs(30, () => renderDocument(layout, data, profile, logos));
      await timeMs(30, floorBuild);
      const encode = await timeMs(runs, () => renderDocument(layout, data, profile, logos));
      const floorEncode = await timeMs(runs, floorBuild);

      const size = renderPreviewRaster(bytes, 576);
      const preview = await timeMs(40, () => renderPreviewPng(bytes, 576));
      const floorPreview = await timeMs(40, () => {
        const png = new PNG({ width: size.width, height: size.height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
        png.data = Buffer.alloc(size.width * size.height, 255);
        return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
      });

      return [
        row('encode 80 mm ticket (cached logo, QR), median', encode, 'ms', floorEncode, '<= 2 ms', (v) => v <= 2),
        row('preview PNG decoded from the ticket bytes, median', preview, 'ms', floorPreview, '<= 100 ms', (v) => v <= 100),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
