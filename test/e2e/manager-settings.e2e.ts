import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoManager, keepScreenshot, launchChromium, startHost, type RunningHost } from './fixtures.ts';
import { countInDatabase, openManagerScreen, openWindow } from './manager-fixtures.ts';

let browser: Browser;
let host: RunningHost;

beforeAll(async () => {
  [browser, host] = await Promise.all([launchChromium(), startHost(['--demo'])]);
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('manager settings screen', () => {
  it('saves the venue settings and shows the data folder', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await openManagerScreen(page, host.url, 'settings');
    expect(await page.getByTestId('settings-data-dir').textContent()).toBe(host.dataDir);
    await page.getByTestId('settings-venue-name').fill('The New Lyric');
    await page.getByTestId('settings-hold').fill('15');
    await page.getByTestId('settings-footer').fill('Thank you for coming.');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('admin-done').filter({ hasText: 'Settings saved' }).waitFor();
    expect(countInDatabase(host.dataDir, "select count(*) as n from settings where key = 'venue.name' and value = '\"The New Lyric\"'")).toBe(1);
    expect(countInDatabase(host.dataDir, "select count(*) as n from settings where key = 'holds.minutes' and value = '15'")).toBe(1);

    await page.getByTestId('settings-time-zone').fill('Mars/Olympus');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('admin-error').filter({ hasText: 'Mars/Olympus' }).waitFor();
    await keepScreenshot(page, 'manager-settings');
    await page.close();
  });

  it('resets the demo after a typed confirmation, wiping what was sold', async () => {
    const manager = await openWindow(host.url, demoManager);
    await manager.call('saveEvent', { event: { title: 'Made up', durationMinutes: 30 } });
    manager.close();
    expect(countInDatabase(host.dataDir, "select count(*) as n from events where title = 'Made up'")).toBe(1);

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openManagerScreen(page, host.url, 'settings');
    await page.getByTestId('demo-reset-start').click();
    await expect.poll(() => page.getByTestId('demo-reset-go').isDisabled()).toBe(true);
    await page.getByTestId('demo-reset-confirm').fill('RESET DEMO');
    await keepScreenshot(page, 'manager-settings-demo-reset');
    await page.getByTestId('demo-reset-go').click();
    await page.getByTestId('demo-reset').getByTestId('admin-done').filter({ hasText: 'The demo is back' }).waitFor();
    expect(countInDatabase(host.dataDir, "select count(*) as n from events where title = 'Made up'")).toBe(0);
    expect(countInDatabase(host.dataDir, 'select count(*) as n from events')).toBe(3);
    // The manager is still signed in at this window after the reset.
    await page.getByTestId('signed-in-staff').filter({ hasText: demoManager.name }).waitFor();
    await page.close();
  });
});
