import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../../src-main/paths.ts';
import { renderDocument, renderPreviewPng, sampleData, type PrinterProfile } from '../../../src-main/print/render/index.ts';
import { openRenderKit } from './helpers.ts';

/**
 * Star golden files: the Star Line Mode bytes of the 80 mm ticket and receipt with their sample
 * data, and the previews decoded from those bytes. Missing files (or UPDATE_GOLDEN=1) are written.
 */
const goldenDir = join(sourceRoot, 'test/print/golden/star');
const update = process.env['UPDATE_GOLDEN'] === '1';
const kit = openRenderKit();
afterAll(() => kit.dispose());

const star = (widthDots: number): PrinterProfile => ({ type: 'star', widthDots, characterSet: 'PC858_EURO' });

function compareOrWrite(file: string, actual: Buffer): void {
  const path = join(goldenDir, file);
  if (update || !existsSync(path)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(actual.equals(readFileSync(path)), `star/${file} differs from the golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(true);
}

describe('Star Line Mode golden bytes and previews', () => {
  for (const id of ['ticket-80mm', 'receipt-80mm']) {
    it(`${id} renders the same Star bytes and preview as its golden files`, async () => {
      const layout = kit.layouts.get(id);
      const bytes = await renderDocument(layout, sampleData(layout.kind), star(layout.widthDots), kit.logos);
      // Star Line Mode from the first bytes: ESC @, then ESC GS t 4 (PC858 in Star's numbering).
      expect([...bytes.subarray(0, 6)]).toEqual([0x1b, 0x40, 0x1b, 0x1d, 0x74, 4]);
      compareOrWrite(`${id}.bin`, bytes);
      compareOrWrite(`${id}.png`, renderPreviewPng(bytes, layout.widthDots, 'star'));
      const again = await renderDocument(layout, sampleData(layout.kind), star(layout.widthDots), kit.logos);
      expect(again.equals(bytes)).toBe(true);
    });
  }
});
