import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countInDatabase, demoCashier, demoManager, keepScreenshot, queryDatabase, signIn, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

describe('training mode', () => {
  it('a manager puts a window in training: it shows the band and sells, and the live orders list never shows that sale', async () => {
    const liveOrders = countInDatabase(host.dataDir, 'SELECT count(*) AS n FROM orders');
    const page = await host.managerScreen('backups');
    await page.getByTestId('training-panel').waitFor();
    expect(await page.getByTestId('training-band').count()).toBe(0);

    // The window changes box office and reloads: it signs in again, at the training one, under the band.
    const reloaded = page.waitForEvent('load');
    await page.getByTestId('training-this-window').click();
    await reloaded;
    await page.getByTestId('training-band').waitFor();
    await signIn(page, demoCashier.name, demoCashier.pin);
    expect(await page.getByTestId('training-band').innerText()).toMatch(/TRAINING/);

    // The next performance not yet started has the focus (an earlier one would ask to confirm selling after curtain-up).
    await page.locator('[data-testid=performance-row]:focus').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('seat-map').waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);
    await page.getByTestId('pay-card').click();
    await page.getByTestId('done-panel').waitFor();
    await keepScreenshot(page, 'training-sold');

    // The sale is in the training records only.
    const trainingDir = join(host.dataDir, 'training');
    const [sold] = queryDatabase<{ id: string }>(trainingDir, 'SELECT id FROM orders');
    expect(sold).toBeDefined();
    expect(countInDatabase(host.dataDir, 'SELECT count(*) AS n FROM orders')).toBe(liveOrders);

    // The training window's Orders screen finds it by that search; a live window's does not.
    await page.keyboard.press('Alt+3');
    await page.getByTestId('order-search').fill(sold!.id);
    await page.getByTestId('order-search-go').click();
    // One match opens at once (order-detail); more would list (order-result).
    await page.locator(`[data-order-id="${sold!.id}"]`).first().waitFor();
    const live = await host.cashierTab('3', { who: demoManager });
    expect(await live.getByTestId('training-band').count()).toBe(0);
    await live.getByTestId('order-search').fill(sold!.id);
    await live.getByTestId('order-search-go').click();
    await live.getByTestId('order-none').waitFor();
    await keepScreenshot(live, 'training-live-orders');

    // Turned off from inside training, the window is live again: no band.
    await page.keyboard.press('Alt+L');
    await signIn(page, demoManager.name, demoManager.pin);
    await page.getByTestId('tab-backups').click();
    const back = page.waitForEvent('load');
    await page.getByTestId('training-this-window').click();
    await back;
    await page.getByTestId('staff-member').first().waitFor();
    expect(await page.getByTestId('training-band').count()).toBe(0);
    await page.context().close();
    await live.context().close();
  });

  it('a manager trains every window of the host: another open window reloads under the band, and back', async () => {
    const counter = await host.counterPage();
    const page = await host.managerScreen('backups');
    const reloaded = page.waitForEvent('load');
    await page.getByTestId('training-whole-host').click();
    await reloaded;
    // The other window asks the host every few seconds, and reloads when its answer changes.
    await counter.getByTestId('training-band').waitFor({ timeout: 15_000 });
    await counter.getByTestId('staff-member').first().waitFor();
    await keepScreenshot(counter, 'training-whole-host');

    await signIn(page, demoManager.name, demoManager.pin);
    await page.getByTestId('tab-backups').click();
    const back = page.waitForEvent('load');
    await page.getByTestId('training-whole-host').click();
    await back;
    await expect.poll(() => counter.getByTestId('training-band').count(), { timeout: 15_000 }).toBe(0);
    await page.context().close();
    await counter.context().close();
  });
});
