import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakePrinter } from '../../src-main/print/fake-printer/fake-printer.ts';
import { demoManager, keepScreenshot, useBoxOffice } from './box-office.ts';

/**
 * Issue 11, item 5: a printer failure shows on the sale. The counter's printer is the project's
 * fake TCP printer, run by this test so that it can be killed in the middle of a sale.
 */
const host = useBoxOffice();
let printer: FakePrinter;

beforeAll(async () => {
  printer = await FakePrinter.start();
  const manager = await host.contract(demoManager);
  const [counterPrinter] = await manager.call('listPrinters', {});
  const { id, name, type, widthDots, characterSet, jobKinds, drawerPin } = counterPrinter!;
  await manager.call('savePrinter', { id, name, type, widthDots, characterSet, jobKinds, drawerPin, interface: printer.uri });
  // A second printer, for reports, so the sale's documents have somewhere else to go.
  await manager.call('savePrinter', { name: 'Office printer', type: 'epson', interface: 'tcp://127.0.0.1:9', widthDots: 576, characterSet: 'PC858_EURO', jobKinds: ['report'], drawerPin: null });
});
afterAll(async () => {
  await printer?.stop();
});

describe('a printer failure on the sale panel', () => {
  it('the printer killed mid-sale: the panel says it is not answering with the jobs waiting, and Retry prints once it is back', async () => {
    const page = await host.counterPage();
    await page.keyboard.press('Enter');
    await page.getByTestId('seat-map').waitFor();
    await page.keyboard.press('6');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(6);

    // Killed between choosing the seats and paying: the sale still goes through.
    await printer.setOffline(true);
    await page.keyboard.press('e');
    await page.getByTestId('done-panel').waitFor();
    // Six tickets and the receipt wait for it.
    await expect.poll(() => page.getByTestId('print-words').textContent(), { timeout: 15_000 }).toBe('The printer is not answering: 7 jobs waiting');
    expect(await page.getByTestId('print-state').getAttribute('data-set-state')).toBe('stuck');
    expect(await page.getByTestId('print-state').getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('retry-job-set').isVisible()).toBe(true);
    expect(await page.getByTestId('move-job-set').allInnerTexts()).toEqual(['Move to Office printer']);
    await keepScreenshot(page, 'print-failure-not-answering');
    expect(printer.jobs).toEqual([]);

    // Back on: Retry sends them now, and the panel follows them to "Printed".
    await printer.setOffline(false);
    await page.getByTestId('retry-job-set').click();
    await expect.poll(() => printer.jobs.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(7);
    await expect.poll(() => page.getByTestId('print-words').textContent(), { timeout: 15_000 }).toBe('Printed');
    expect(await page.getByTestId('print-state').getAttribute('data-set-state')).toBe('printed');
    await keepScreenshot(page, 'print-failure-printed');
    await page.context().close();
  });
});
