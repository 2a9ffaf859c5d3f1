import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../../src-main/paths.ts';
import { renderDocument, renderPreviewPng, sampleData } from '../../../src-main/print/render/index.ts';
import { epson, openRenderKit } from './helpers.ts';

/**
 * Golden files: the printer bytes of every built-in layout with its sample data, and the preview
 * decoded from them. Missing files (or UPDATE_GOLDEN=1) are written; otherwise byte-for-byte equal.
 */
const goldenDir = join(sourceRoot, 'test/print/golden');
const update = process.env['UPDATE_GOLDEN'] === '1';
const kit = openRenderKit();
afterAll(() => kit.dispose());

function compareOrWrite(file: string, actual: Buffer): void {
  const path = join(goldenDir, file);
  if (update || !existsSync(path)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path);
  expect(actual.equals(expected), `${file} differs from the golden file (UPDATE_GOLDEN=1 rewrites it)`).toBe(true);
}

describe('built-in layouts, golden bytes and previews', () => {
  const builtins = kit.layouts.list().filter((l) => l.source === 'builtin');

  it('has the built-ins, none broken', () => {
    expect(builtins.map((l) => l.id)).toEqual(['cash-up-80mm', 'receipt-80mm', 'refund-slip-58mm', 'refund-slip-80mm', 'reservation-slip-80mm', 'ticket-58mm', 'ticket-80mm']);
    expect(builtins.every((l) => l.problem === undefined)).toBe(true);
  });

  for (const info of builtins) {
    it(`${info.id} renders the same bytes and preview as its golden files`, async () => {
      const layout = kit.layouts.get(info.id);
      const bytes = await renderDocument(layout, sampleData(layout.kind), epson(layout.widthDots), kit.logos);
      compareOrWrite(`${info.id}.bin`, bytes);
      compareOrWrite(`${info.id}.png`, renderPreviewPng(bytes, layout.widthDots));
      // Rendering twice gives the same bytes (the second time from the logo caches).
      const again = await renderDocument(layout, sampleData(layout.kind), epson(layout.widthDots), kit.logos);
      expect(again.equals(bytes)).toBe(true);
    });
  }
});
