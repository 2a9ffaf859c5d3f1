import { describe, expect, it } from 'vitest';
import { countInDatabase, demoManager, keepScreenshot, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

describe('manager settings screen', () => {
  it('saves the venue settings and shows the data folder', async () => {
    const page = await host.managerScreen('settings');
    expect(await page.getByTestId('settings-data-dir').textContent()).toBe(host.dataDir);
    await page.getByTestId('settings-venue-name').fill('The New Lyric');
    await page.getByTestId('settings-hold').fill('15');
    await page.getByTestId('settings-footer').fill('Thank you for coming.');
    // What a VAT receipt must name (issue 11, item 6), and what a reprint does to the code (item 9).
    await page.getByTestId('settings-tax-number').fill('GB 123 4567 89');
    await page.getByTestId('settings-company-name').fill('Lyric Trading Ltd');
    await page.getByTestId('settings-company-number').fill('09876543');
    await page.getByTestId('settings-reprint-code').selectOption('replace');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('admin-done').filter({ hasText: 'Settings saved' }).waitFor();
    expect(countInDatabase(host.dataDir, "select count(*) as n from settings where key = 'venue.name' and value = '\"The New Lyric\"'")).toBe(1);
    expect(countInDatabase(host.dataDir, "select count(*) as n from settings where key = 'holds.minutes' and value = '15'")).toBe(1);
    expect(countInDatabase(host.dataDir, "select count(*) as n from settings where key = 'venue.taxNumber' and value = '\"GB 123 4567 89\"'")).toBe(1);
    expect(countInDatabase(host.dataDir, "select count(*) as n from settings where key = 'company.legalName' and value = '\"Lyric Trading Ltd\"'")).toBe(1);
    expect(countInDatabase(host.dataDir, "select count(*) as n from settings where key = 'tickets.reprintCode' and value = '\"replace\"'")).toBe(1);

    await page.getByTestId('settings-time-zone').fill('Mars/Olympus');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('admin-error').filter({ hasText: 'Mars/Olympus' }).waitFor();
    await keepScreenshot(page, 'manager-settings');
    await page.close();
  });

  it('resets the demo after a typed confirmation, wiping what was sold', async () => {
    const manager = await host.contract(demoManager);
    await manager.call('saveEvent', { event: { title: 'Made up', durationMinutes: 30 } });
    manager.close();
    expect(countInDatabase(host.dataDir, "select count(*) as n from events where title = 'Made up'")).toBe(1);

    const page = await host.managerScreen('settings', { viewport: { width: 1920, height: 1080 } });
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
