import { Resvg } from '@resvg/resvg-js';
import { spawnSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { EscPosWriter } from '../../src-main/print/render/escpos-writer.ts';
import { decodeImage } from '../../src-main/print/render/images.ts';
import { LayoutInvalidError, parseLayout } from '../../src-main/print/render/layout-loader.ts';
import { logoRaster } from '../../src-main/print/render/logo-store.ts';
import { renderPreviewRaster } from '../../src-main/print/render/preview.ts';
import { sampleData } from '../../src-main/print/render/print-data.ts';
import { IMAGE_LIMITS, LAYOUT_LIMITS } from '../../src-main/print/render/render-limits.ts';
import { RenderThread } from '../../src-main/print/render/render-thread.ts';
import { checkParsedImages, guardSvg } from '../../src-main/print/render/svg-guard.ts';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import type { TestWindow } from '../helpers/window.ts';

/**
 * Issue #10, "Render bombs": an SVG logo that points resvg at /dev/zero or at a local picture, an
 * SVG whose declared size explodes when drawn at paper width, pictures whose headers promise
 * gigapixels, and layouts with hundreds of QR codes. Each is refused with a sentence before a pixel
 * is drawn, the drawing work of a request runs on the render worker, and the box office goes on
 * answering (a normal preview right after each bomb).
 */

let counter: Counter;
/** The office's own window, a manager signed in: logos and layouts are theirs. */
let till: TestWindow;
const scratch = makeTempDir('marquee-render-bombs-');
afterAll(() => {
  counter.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

beforeAll(async () => {
  counter = await openCounter({ signedIn: 'manager' });
  till = counter.till;
});

function pngOf(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.writeUInt32BE(i % 3 ? 0xffffffff : 0x000000ff, i * 4);
  return PNG.sync.write(png);
}
const svgText = (body: string, attrs = 'width="100" height="50"') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attrs}>${body}</svg>`;
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');
const dataPng = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;

/** A picture on this machine that an SVG must not be able to draw back to the caller. */
const localPng = join(scratch, 'local.png');
writeFileSync(localPng, pngOf(40, 40));

const normalLogo = pngOf(64, 32);
/** The box office still draws after a bomb: a plain logo preview answers. */
async function stillDraws(): Promise<void> {
  const preview = await till.call('previewLogo', { fileName: 'plain.png', base64: normalLogo.toString('base64'), widthDots: 128 });
  expect(preview).toMatchObject({ widthDots: 128, heightDots: 64 });
}

const refusal = (code: string, message: string | RegExp) =>
  expect.objectContaining({ code, message: typeof message === 'string' ? expect.stringContaining(message) : expect.stringMatching(message) });

/** A named pipe: opening it to read blocks until a writer comes, so it shows whether anything tried. */
function makeFifo(name: string): string {
  const path = join(scratch, name);
  const made = spawnSync('mkfifo', [path]);
  expect(made.status, String(made.stderr)).toBe(0);
  return path;
}
/** With no reader, opening a FIFO to write without blocking fails with ENXIO. */
function fifoHasReader(path: string): boolean {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') return false;
    throw error;
  }
}

describe('SVG logos may embed pictures only as data: URLs', () => {
  it('refuses <image href="/dev/zero"> with a sentence, through previewLogo and addLogo, and saves nothing', async () => {
    const bomb = b64(svgText('<image href="/dev/zero" width="10" height="10"/>'));
    const outside = 'refers to an outside file ("/dev/zero"); logos may only embed images as data: URLs.';
    await expect(till.call('previewLogo', { fileName: 'zero.svg', base64: bomb, widthDots: 576 })).rejects.toEqual(refusal('IMAGE_INVALID', outside));
    await expect(till.call('addLogo', { name: 'zero', fileName: 'zero.svg', base64: bomb })).rejects.toEqual(refusal('IMAGE_INVALID', outside));
    expect((await till.call('listLogos', {})).map((l) => l.name)).not.toContain('zero');
    await stillDraws();
  });

  it.skipIf(process.platform === 'win32')('never opens the file an SVG names: a named pipe it points at gets no reader', async () => {
    const fifo = makeFifo('pipe.png');
    const svg = svgText(`<image xlink:href="${fifo}" width="10" height="10"/>`);
    await expect(till.call('previewLogo', { fileName: 'pipe.svg', base64: b64(svg), widthDots: 200 })).rejects.toEqual(
      refusal('IMAGE_INVALID', 'refers to an outside file'),
    );
    // A logo saved before this check existed is refused the same way when it is drawn.
    const userLogos = join(counter.temp!.dataDir, 'logos');
    mkdirSync(userLogos, { recursive: true });
    writeFileSync(join(userLogos, 'old-pipe.svg'), svg);
    await expect(till.call('previewLogo', { name: 'old-pipe', widthDots: 200 })).rejects.toEqual(refusal('IMAGE_INVALID', 'refers to an outside file'));
    expect(fifoHasReader(fifo)).toBe(false);
    rmSync(join(userLogos, 'old-pipe.svg'));
    await stillDraws();
  });

  it('refuses an SVG that would draw a local picture back to the caller', async () => {
    const svg = svgText(`<image href="${localPng}" width="100" height="50"/>`);
    await expect(till.call('previewLogo', { fileName: 'peek.svg', base64: b64(svg), widthDots: 200 })).rejects.toEqual(
      refusal('IMAGE_INVALID', `refers to an outside file ("${localPng}")`),
    );
  });

  // Each names the local PNG (harmless to read) so that, without the guard, resvg would draw it.
  const sneaky: Array<[string, string]> = [
    ['another namespace prefix for xlink', svgText(`<image xmlns:l="http://www.w3.org/1999/xlink" l:href="${localPng}"/>`)],
    ['a file: URL', svgText(`<image href="file://${localPng}"/>`)],
    ['an http URL', svgText('<image href="http://example.com/logo.png"/>')],
    ['character references spelling the path', svgText(`<image href="${[...localPng].map((c) => `&#x${c.charCodeAt(0).toString(16)};`).join('')}"/>`)],
    ['white space round the path', svgText(`<image href="\n  ${localPng}  "/>`)],
    ['single quotes', svgText(`<image href='${localPng}'/>`)],
    ['an entity declared in the DOCTYPE', `<!DOCTYPE svg [<!ENTITY p "${localPng}">]>${svgText('<image href="&p;"/>')}`],
    ['a <use> of another document', svgText(`<use href="${join(scratch, 'other.svg')}#a"/>`)],
    ['an feImage filter', svgText(`<filter id="f"><feImage href="${localPng}"/></filter><rect width="10" height="10" filter="url(#f)"/>`)],
    ['@import in a style sheet', svgText(`<style>@import url("${join(scratch, 'x.css')}");</style><rect width="10" height="10"/>`)],
    ['url() to a file in a style', svgText(`<rect width="10" height="10" style="fill: url(${join(scratch, 'paint.svg')}#g)"/>`)],
    ['an <image> pointing at a fragment', svgText('<image href="#me" id="me"/>')],
    ['a nested SVG as a data: URL', svgText(`<image href="data:image/svg+xml;base64,${b64(svgText(`<image href="${localPng}"/>`))}"/>`)],
    ['a data: URL usvg would parse as SVG', svgText(`<image href="data:text/plain;base64,${b64(svgText(`<image href="${localPng}"/>`))}"/>`)],
    ['an xml-stylesheet instruction', `<?xml-stylesheet href="${join(scratch, 's.css')}"?>${svgText('<rect width="10" height="10"/>')}`],
  ];
  it.each(sneaky)('refuses %s before resvg sees the file', (_what, svg) => {
    expect(() => decodeImage(Buffer.from(svg), 'sneaky.svg', 200)).toThrow(refusal('IMAGE_INVALID', "The SVG logo 'sneaky.svg'"));
  });

  it('refuses a compressed SVG, whose text the check could not read', () => {
    const svgz = gzipSync(svgText(`<image href="${localPng}"/>`));
    expect(() => guardSvg(svgz, 'packed.svg')).toThrow(refusal('IMAGE_INVALID', 'is compressed (SVGZ)'));
  });

  it('draws an SVG that embeds its picture as a data: URL, and holds embedded pictures to the logo limits', () => {
    const ok = svgText(`<image href="${dataPng(pngOf(100, 50))}" width="100" height="50"/>`);
    expect(logoRaster(Buffer.from(ok), 'embedded.svg', 200, 'atkinson')).toMatchObject({ width: 200, height: 100 });

    // The header of this PNG says 5000 x 5000: resvg would decode all 25 megapixels of it.
    const huge = pngOf(1, 1);
    huge.writeUInt32BE(5000, 16);
    huge.writeUInt32BE(5000, 20);
    const bomb = svgText(`<image href="${dataPng(huge)}" width="10" height="10"/>`);
    expect(() => decodeImage(Buffer.from(bomb), 'inflated.svg', 200)).toThrow(refusal('IMAGE_INVALID', 'embeds a picture of 5000 x 5000 pixels'));

    const many = svgText(Array.from({ length: 5 }, () => `<image href="${dataPng(pngOf(1, 1).fill(0))}"/>`).join(''));
    expect(() => guardSvg(Buffer.from(many), 'junk.svg')).toThrow(refusal('IMAGE_INVALID', 'embeds something that is not a PNG, JPEG or GIF'));
  });

  it('has a second check on what resvg parsed: a picture the guard did not approve is refused before drawing', () => {
    // resvg given a file reference directly (bypassing the guard, with a harmless local PNG) loads it:
    // the check on its parsed tree sees a picture that no data: URL of the SVG embedded.
    const parsed = new Resvg(svgText(`<image href="${localPng}" width="40" height="40"/>`), { font: { loadSystemFonts: false } });
    expect(() => checkParsedImages(parsed.toString(), new Set(), 'missed.svg')).toThrow(refusal('IMAGE_INVALID', 'shows a picture that is not embedded in it'));

    const embedded = Buffer.from(svgText(`<image href="${dataPng(pngOf(40, 40))}" width="40" height="40"/>`));
    const approved = guardSvg(embedded, 'fine.svg').embedded;
    expect(() => checkParsedImages(new Resvg(embedded, { font: { loadSystemFonts: false } }).toString(), approved, 'fine.svg')).not.toThrow();
  });
});

describe('picture sizes are worked out before anything is drawn', () => {
  it('refuses a 1 x 1000 SVG at paper width from its declared size, and the box office still draws', async () => {
    const tall = b64(svgText('<rect width="1" height="1000"/>', 'width="1" height="1000"'));
    await expect(till.call('previewLogo', { fileName: 'tall.svg', base64: tall, widthDots: 576 })).rejects.toEqual(
      refusal('IMAGE_INVALID', `is 576 x 576000 pixels when drawn 576 dots wide; logos may be at most ${IMAGE_LIMITS.maxSide} x ${IMAGE_LIMITS.maxSide}`),
    );
    await expect(till.call('addLogo', { name: 'tall', fileName: 'tall.svg', base64: tall })).rejects.toEqual(refusal('IMAGE_INVALID', '576 x 576000'));
    await stillDraws();
    // The same from a viewBox alone.
    const viewBox = Buffer.from(svgText('<rect width="1" height="1000"/>', 'viewBox="0 0 1 1000"'));
    expect(() => decodeImage(viewBox, 'tall.svg', 832)).toThrow(refusal('IMAGE_INVALID', '832 x 832000'));
  });

  it('refuses a PNG and a JPEG by the size their headers state, before decoding', () => {
    const png = pngOf(2, 2);
    png.writeUInt32BE(20_000, 16);
    png.writeUInt32BE(20_000, 20);
    expect(() => decodeImage(png, 'bomb.png', 576)).toThrow(refusal('IMAGE_INVALID', 'is 20000 x 20000 pixels'));

    const jpg = Buffer.from(jpeg.encode({ data: Buffer.alloc(8 * 8 * 4, 255), width: 8, height: 8 }, 80).data);
    const sof = jpg.indexOf(Buffer.from([0xff, 0xc0]));
    jpg.writeUInt16BE(60_000, sof + 5);
    jpg.writeUInt16BE(60_000, sof + 7);
    expect(() => decodeImage(jpg, 'bomb.jpg', 576)).toThrow(refusal('IMAGE_INVALID', 'is 60000 x 60000 pixels'));
  });
});

const layoutText = (elements: unknown[], kind = 'ticket') => JSON.stringify({ name: 'Bomb', kind, widthDots: 576, elements });
const origin = { id: 'bomb', file: 'the unsaved layout', source: 'user' as const };
const qr = { type: 'qr', data: '{ticket.code}', moduleSize: 16, errorCorrection: 'H' };

describe('layouts have limits checked before any pixel is drawn', () => {
  it('refuses a layout with 400 QR codes as a layout problem, and the box office still previews', async () => {
    const text = layoutText(Array.from({ length: 400 }, () => qr));
    expect(() => parseLayout(text, origin)).toThrow(LayoutInvalidError);
    const out = await till.call('previewLayout', { text });
    expect(out.preview).toBeNull();
    expect(out.problems[0]).toMatchObject({
      path: `elements[${LAYOUT_LIMITS.maxQrElements}]`,
      message: expect.stringContaining(`a layout may have at most ${LAYOUT_LIMITS.maxQrElements} QR codes`),
    });
    const normal = await till.call('previewLayout', { layoutId: 'ticket-80mm' });
    expect(normal.preview!.widthDots).toBe(576);
    await stillDraws();
  });

  it('refuses a layout that would print metres of paper', () => {
    const text = layoutText(Array.from({ length: 400 }, () => ({ type: 'feed', lines: 20 })));
    expect(() => parseLayout(text, origin)).toThrow(
      expect.objectContaining({ code: 'LAYOUT_INVALID', message: expect.stringContaining(`a document may be at most ${LAYOUT_LIMITS.maxHeightDots} dots (2.5 m) long`) }),
    );
  });

  it('counts QR codes inside a repeat once the data fills it, before encoding', async () => {
    const layout = parseLayout(
      layoutText([{ type: 'repeat', over: 'lines', elements: [{ type: 'qr', data: '{line.description}' }] }, { type: 'cut' }], 'receipt'),
      origin,
    );
    const receipt = sampleData('receipt');
    const data = { ...receipt, lines: Array.from({ length: 30 }, () => receipt.lines[0]!) };
    const thread = new RenderThread();
    try {
      const job = { kind: 'layout-preview' as const, folders: counter.running.assets.logos.folders, layout, data, profile: { type: 'epson' as const, widthDots: 576, characterSet: 'PC858_EURO' } };
      await expect(thread.run(job)).rejects.toEqual(refusal('LAYOUT_INVALID', `would print 30 QR codes with this data; one document may have at most ${LAYOUT_LIMITS.maxQrCodes}`));
      const fine = await thread.run({ ...job, data: receipt });
      expect(fine.widthDots).toBe(576);
    } finally {
      await thread.close();
    }
  });

  it('refuses printer bytes with too many QR codes, or too much paper, before the preview canvas exists', () => {
    const codes = new EscPosWriter();
    for (let i = 0; i < 30; i++) codes.qr(Buffer.from(`code ${i}`), 8, 'M', 'center');
    expect(() => renderPreviewRaster(codes.toBuffer(), 576)).toThrow(refusal('LAYOUT_INVALID', '30 QR codes'));

    // 1,000 feeds of 255 lines: 7.6 million dots of paper, a 550 MB canvas.
    const feeds = new EscPosWriter();
    for (let i = 0; i < 1000; i++) feeds.feed(255);
    expect(() => renderPreviewRaster(feeds.toBuffer(), 576)).toThrow(refusal('LAYOUT_INVALID', 'dots (956.3 m) long'));
  });
});

/** A 4000 x 4000 JPEG (16 megapixels, inside the limits): jpeg-js needs far more heap than 32 MB for it. */
let big: Buffer | undefined;
function bigJpeg(): Buffer {
  if (big) return big;
  const w = 4000;
  const data = Buffer.alloc(w * w * 4, 255);
  for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) data.fill((x ^ y) & 255, (y * w + x) * 4, (y * w + x) * 4 + 3);
  return (big = Buffer.from(jpeg.encode({ data, width: w, height: w }, 90).data));
}

describe('the render worker', () => {
  const small = { kind: 'logo-file' as const, bytes: normalLogo, fileName: 'plain.png', widthDots: 64, dither: 'atkinson' as const };

  it('refuses a drawing that exhausts its heap with a sentence, and draws the next one with a new worker', async () => {
    const thread = new RenderThread({ maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 });
    try {
      await expect(thread.run({ ...small, bytes: bigJpeg(), fileName: 'big.jpg', widthDots: 576 })).rejects.toEqual(
        refusal('IMAGE_INVALID', 'Drawing this logo needed more memory than a drawing may use (32 MB), so it was stopped'),
      );
      expect(await thread.run(small)).toMatchObject({ widthDots: 64, heightDots: 32 });
    } finally {
      await thread.close();
    }
  });

  it('stops a drawing that runs past its time limit and refuses it with a sentence', async () => {
    // A limit far below what decoding 16 megapixels takes anywhere.
    const thread = new RenderThread({ timeoutMs: 1 });
    try {
      await expect(thread.run({ ...small, bytes: bigJpeg(), fileName: 'big.jpg', widthDots: 576 })).rejects.toEqual(
        refusal('IMAGE_INVALID', /^Drawing this logo took longer than .* seconds, so it was stopped; make it simpler or smaller\.$/),
      );
    } finally {
      await thread.close();
    }
  });

  it('runs from the built bundle (dist/main/render-worker.cjs) as well as from source', async () => {
    // Inside the project, so the bundle finds @resvg/resvg-js in node_modules as dist/main does.
    const cache = join(sourceRoot, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const outDir = mkdtempSync(join(cache, 'marquee-render-worker-'));
    try {
      await build({ root: sourceRoot, configFile: join(sourceRoot, 'vite.render-worker.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      expect(readdirSync(outDir)).toContain('render-worker.cjs');
      const thread = new RenderThread({ entry: join(outDir, 'render-worker.cjs') });
      try {
        const bomb = Buffer.from(svgText('<image href="/dev/zero"/>'));
        await expect(thread.run({ ...small, bytes: bomb, fileName: 'zero.svg' })).rejects.toEqual(refusal('IMAGE_INVALID', 'refers to an outside file ("/dev/zero")'));
        const svg = Buffer.from(svgText('<rect x="10" y="10" width="80" height="30"/>'));
        expect(await thread.run({ ...small, bytes: svg, fileName: 'badge.svg', widthDots: 200 })).toMatchObject({ widthDots: 200, heightDots: 100 });
      } finally {
        await thread.close();
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
    expect(existsSync(outDir)).toBe(false);
  }, 120_000);
});
