import { describe, expect, it } from 'vitest';
import { basketOf, demoManager, keepScreenshot, latestOrderTickets, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

describe('manager approval at the counter', () => {
  it('gives a seat away only once a manager enters their PIN at this window', async () => {
    const page = await host.counterPage();
    await basketOf(page, 1);

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
