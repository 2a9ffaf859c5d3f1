import { beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type { FakePrinter } from '../../src-main/print/fake-printer/fake-printer.ts';
import { decodeEscPos, type PrintOp } from '../../src-main/print/render/index.ts';
import { demoManager, keepScreenshot, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();
let fake: FakePrinter;

beforeAll(async () => {
  fake = await host.startPrinter();
});

/** A logo no built-in looks like: a black frame with a diagonal. */
function testLogoPng(): Buffer {
  const png = new PNG({ width: 240, height: 120 });
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const ink = x < 12 || y < 12 || x >= 228 || y >= 108 || Math.abs(x - 2 * y) < 6;
      const i = (y * png.width + x) * 4;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = ink ? 0 : 255;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const previewBytes = async (page: Page) => Buffer.from(((await page.getByTestId('layout-preview').getAttribute('src')) ?? '').replace(/^data:image\/png;base64,/, ''), 'base64');
const runs = (bytes: Buffer) => decodeEscPos(bytes).ops.flatMap((op) => (op.op === 'text' ? op.runs : []));
const rasters = (bytes: Buffer) => decodeEscPos(bytes).ops.filter((op): op is Extract<PrintOp, { op: 'raster' }> => op.op === 'raster');

async function printSample(page: Page, jobsBefore: number): Promise<Buffer> {
  await page.getByTestId('layout-print-sample').click();
  const jobs = await fake.waitForJobs(jobsBefore + 1);
  return jobs[jobsBefore]!;
}

describe('Layouts screen (manager)', () => {
  it('edits the ticket so the seat prints in double height, previews it live and prints it; then a new logo', async () => {
    const page = await host.signedIn(demoManager);

    // The printer for this test, added through the Printers screen.
    await page.keyboard.press('Alt+7');
    await page.getByTestId('printer-add').click();
    await page.getByTestId('printer-name').fill('Layout test printer');
    await page.getByTestId('printer-interface').fill(fake.uri);
    await page.getByTestId('printer-save').click();
    await page.getByTestId('printer-row').filter({ hasText: 'Layout test printer' }).waitFor();

    await page.keyboard.press('Alt+8');
    await page.getByTestId('layout-pick').selectOption('ticket-80mm');
    await page.getByTestId('layout-preview').waitFor();
    await page.getByTestId('layout-sample-printer').selectOption({ label: 'Layout test printer' });
    const plain = await printSample(page, 0);
    expect(runs(plain).find((r) => r.text === 'Stalls, row F, seat 14')).toBeUndefined();
    const before = await previewBytes(page);

    // Add a text element, put the seat in it from the field list, make it double height.
    await page.getByTestId('element-add-type').selectOption('text');
    await page.getByTestId('element-add').click();
    // Only the layout's own elements: the lines inside a repeat (the ticket's reprint banner) are editors too.
    const elements = page.locator('[data-testid="layout-element"]:not([data-testid="layout-element"] *)');
    const count = await elements.count();
    const at = count - 2; // new elements go in before the closing cut
    expect(await elements.nth(count - 1).getAttribute('data-element-type')).toBe('cut');
    expect(await page.getByTestId(`element-${at}-text`).inputValue()).toBe('New text');
    await page.getByTestId(`element-${at}-text`).fill('');
    await page.getByTestId(`element-${at}-text-field`).selectOption('seat.label');
    expect(await page.getByTestId(`element-${at}-text`).inputValue()).toBe('{seat.label}');
    await page.getByTestId(`element-${at}-size`).selectOption('double-height');
    await expect.poll(async () => (await previewBytes(page)).equals(before), { timeout: 10_000 }).toBe(false);
    const edited = await previewBytes(page);
    expect(PNG.sync.read(edited).height).toBeGreaterThan(PNG.sync.read(before).height);

    // A wrong placeholder is shown at the element it is in, and the preview waits for a fix.
    await page.getByTestId(`element-${at}-text`).fill('{seat.nope}');
    const problem = page.getByTestId('element-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toMatch(/seat\.nope/);
    await keepScreenshot(page, 'manager-layouts-problem');
    await page.getByTestId(`element-${at}-text`).fill('{seat.label}');
    await problem.waitFor({ state: 'detached' });

    // The raw text shows the same file, and points at the line of a mistake.
    await page.getByTestId('mode-raw').click();
    const raw = page.getByTestId('layout-raw');
    const good = await raw.inputValue();
    expect(good).toContain('"text": "{seat.label}"');
    await raw.fill(good.replace('"size": "double-height"', '"size": "huge"'));
    await expect.poll(() => page.getByTestId('layout-problem').textContent()).toMatch(/^Line \d+, column \d+: /);
    await keepScreenshot(page, 'manager-layouts-raw');
    await raw.fill(good);
    await page.getByTestId('layout-problem').waitFor({ state: 'detached' });
    await page.getByTestId('mode-form').click();

    await page.getByTestId('layout-save').click();
    await page.getByTestId('layout-message').filter({ hasText: 'Saved' }).waitFor();
    await keepScreenshot(page, 'manager-layouts-editor');
    const doubled = await printSample(page, 1);
    const seat = runs(doubled).find((r) => r.text === 'Stalls, row F, seat 14');
    expect(seat?.style).toMatchObject({ width: 1, height: 2 });

    // A logo: chosen with the file dialog, seen dithered before it is added, then on the next ticket.
    await page.getByTestId('layouts-part-logos').click();
    await page.getByTestId('logo-file').setInputFiles({ name: 'Test Mark.png', mimeType: 'image/png', buffer: testLogoPng() });
    await page.getByTestId('logo-preview').waitFor();
    expect(await page.getByTestId('logo-name').inputValue()).toBe('test-mark');
    await keepScreenshot(page, 'manager-layouts-logo');
    await page.getByTestId('logo-add').click();
    await page.getByTestId('logo-row').filter({ hasText: 'test-mark' }).waitFor();
    // Dropping a file on the zone opens the same preview.
    const dropped = await page.evaluateHandle((b64) => {
      // Runs in the page; the Node test's types have no DOM, so name what is used.
      const dom = globalThis as unknown as {
        DataTransfer: new () => { items: { add(file: unknown): void } };
        File: new (parts: Uint8Array[], name: string, options: { type: string }) => unknown;
        atob(text: string): string;
      };
      const data = new dom.DataTransfer();
      const bytes = Uint8Array.from(dom.atob(b64), (c) => c.charCodeAt(0));
      data.items.add(new dom.File([bytes], 'Dropped Logo.png', { type: 'image/png' }));
      return data;
    }, testLogoPng().toString('base64'));
    await page.getByTestId('logo-drop').dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByTestId('logo-preview').waitFor();
    expect(await page.getByTestId('logo-name').inputValue()).toBe('dropped-logo');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByTestId('layouts-part-edit').click();
    await page.getByTestId('layout-pick').selectOption('ticket-80mm');
    await page.getByTestId('layout-preview').waitFor();
    await page.getByTestId('layout-sample-printer').selectOption({ label: 'Layout test printer' });
    const withOldLogo = await previewBytes(page);
    await page.getByTestId('element-0-name').selectOption('test-mark');
    await expect.poll(async () => (await previewBytes(page)).equals(withOldLogo), { timeout: 10_000 }).toBe(false);
    await page.getByTestId('layout-save').click();
    await page.getByTestId('layout-message').filter({ hasText: 'Saved' }).waitFor();
    const withLogo = await printSample(page, 2);
    const [oldRaster] = rasters(doubled);
    const [newRaster] = rasters(withLogo);
    expect(newRaster).toBeDefined();
    expect(Buffer.from(newRaster!.raster.data).equals(Buffer.from(oldRaster!.raster.data))).toBe(false);

    // Restoring the built-in takes the venue's copy away; the next ticket is the plain one again.
    await page.getByTestId('layout-restore').click();
    await page.getByTestId('layout-message').filter({ hasText: 'Restored' }).waitFor();
    const restored = await printSample(page, 3);
    expect(runs(restored).find((r) => r.text === 'Stalls, row F, seat 14')).toBeUndefined();
    await page.close();
  });

  it('chooses the ticket layout per event and price band', async () => {
    const page = await host.signedIn(demoManager, { viewport: { width: 1920, height: 1080 } });
    await page.keyboard.press('Alt+8');
    await page.getByTestId('layouts-part-events').click();
    const first = page.getByTestId('event-layout-row').first();
    await first.waitFor();
    await first.getByTestId('event-layout').selectOption('ticket-58mm');
    await page.getByRole('status').filter({ hasText: 'layout saved' }).waitFor();
    await first.getByTestId('band-layout').first().selectOption('ticket-80mm');
    await expect.poll(() => first.getByTestId('band-layout').first().inputValue()).toBe('ticket-80mm');
    expect(await first.getByTestId('event-layout').inputValue()).toBe('ticket-58mm');
    await keepScreenshot(page, 'manager-layouts-events');
    await page.getByTestId('layouts-part-edit').click();
    await page.getByTestId('layout-preview').waitFor();
    await keepScreenshot(page, 'manager-layouts-1080p');
    await page.close();
  });
});
