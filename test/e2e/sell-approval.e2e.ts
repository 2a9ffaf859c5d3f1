import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoManager, keepScreenshot, launchChromium, startHost, type RunningHost } from './fixtures.ts';
import { counterPage, latestOrderTickets } from './sell-fixtures.ts';

let browser: Browser;
let host: RunningHost;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchChromium(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('manager approval at the counter', () => {
  it('gives a seat away only once a manager enters their PIN at this window', async () => {
    const page = await counterPage(browser, host.url);
    await page.keyboard.press('Enter');
    await page.getByTestId('seat-map').waitFor();
    await page.keyboard.press('1');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(1);

    await page.getByTestId('pay-comp').click();
    await page.getByTestId('approval').waitFor();
    expect(await page.getByRole('alert').first().innerText()).toMatch(/manager/i);

    await page.getByTestId('approval-manager').selectOption({ label: demoManager.name });
    await page.getByTestId('approval-pin').fill(demoManager.pin);
    await page.getByTestId('pay-comp').click();
    await page.getByTestId('done-panel').waitFor();
    const [ticket] = latestOrderTickets(host.dataDir);
    expect(ticket).toBeDefined();
    await keepScreenshot(page, 'sell-comp-approved');
    await page.context().close();
  });
});
