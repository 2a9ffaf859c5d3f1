import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { sourceAssetsDir, sourceLayoutsDir } from '../../../src-main/paths.ts';
import { expect } from 'vitest';
import { decodedTextLines, LayoutLibrary, LogoStore, type DecodedDocument, type PrintOp, type PrinterProfile } from '../../../src-main/print/render/index.ts';
import { makeTempDir } from '../../helpers/temp-box-office.ts';

export interface RenderKit {
  dir: string;
  layouts: LayoutLibrary;
  logos: LogoStore;
  dispose(): void;
}

/** The real built-in layouts and logos, with the venue's folders in a fresh temp dir. */
export function openRenderKit(): RenderKit {
  const dir = makeTempDir('marquee-render-');
  return {
    dir,
    layouts: new LayoutLibrary({ builtinDir: sourceLayoutsDir, userDir: join(dir, 'layouts') }),
    logos: new LogoStore({ builtinDir: join(sourceAssetsDir, 'logos'), userDir: join(dir, 'logos') }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const epson = (widthDots: number, characterSet = 'PC858_EURO'): PrinterProfile => ({ type: 'epson', widthDots, characterSet });

/** node-thermal-printer wants an interface even to build a buffer; this one is never connected. */
export const NEVER_CONNECTED = 'tcp://127.0.0.1:9';

export const textOps = (ops: PrintOp[]) => ops.filter((o): o is Extract<PrintOp, { op: 'text' }> => o.op === 'text');

/** The sample ticket (80 mm) read back, whichever printer language it went out in: its lines and their sizes. */
export function expectSampleTicketText(doc: DecodedDocument): void {
  const lines = textOps(doc.ops);
  const title = lines.find((l) => l.runs[0]!.text === 'The Winter Tale')!;
  expect(title.align).toBe('center');
  expect(title.runs[0]!.style).toMatchObject({ width: 2, height: 2, bold: true, inverted: false });
  const date = lines.find((l) => l.runs[0]!.text === 'Fri 4 Dec 2026 19:30')!;
  expect(date.runs[0]!.style).toMatchObject({ width: 1, height: 2 });
  const seat = lines.find((l) => l.runs[0]!.text.includes('Stalls, row F, seat 14'))!;
  expect(seat.runs[0]!.style).toMatchObject({ width: 2, height: 2, inverted: true });
  expect(decodedTextLines(doc)).toContain('Adult                                     £24.50');
}
