import { describe, expect, it } from 'vitest';
import { demoManager, keepScreenshot, latestOrderTickets, printedJobs, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();


/**
 * The simulated printer's jobs after `before`, once the sale's receipt (printed last) is among
 * them; whitespace folded, since the 48-column layout wraps long lines.
 */
async function jobsUpToReceipt(before: number): Promise<string[]> {
  const jobs = () => printedJobs(host.dataDir).slice(before).map((j) => j.replace(/\s+/g, ' '));
  await expect.poll(() => jobs().some((j) => j.includes('TOTAL')), { timeout: 15_000 }).toBe(true);
  return jobs();
}

describe('the basket beyond numbered seats', () => {
  it('sells 3 standing places at the Studio by card with the stepper, one at a concession price', async () => {
    const page = await host.counterPage();
    const before = printedJobs(host.dataDir).length;
    await page.getByTestId('performance-row').filter({ hasText: 'Comedy Night at the Studio' }).first().click();
    const stepper = page.getByTestId('ga-stepper');
    await stepper.waitFor();
    expect(await stepper.innerText()).toMatch(/Studio/);
    const more = stepper.getByRole('button', { name: /One more in/ });
    const fewer = stepper.getByRole('button', { name: /One fewer in/ });
    const count = stepper.getByTestId('ga-count');
    // Four on, one off: the stepper gives a place back as well as taking one.
    for (let n = 1; n <= 4; n++) {
      await more.click();
      await expect.poll(() => count.innerText()).toBe(String(n));
    }
    await fewer.click();
    await expect.poll(() => count.innerText()).toBe('3');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(3);
    // The area's own count follows the hold.
    await expect.poll(() => page.getByTestId('ga-area').textContent()).toContain('117 of 120 free');

    const third = page.getByTestId('band-select').nth(2);
    await third.selectOption((await third.locator('option', { hasText: 'Concession' }).getAttribute('value'))!);
    await expect.poll(() => page.getByTestId('basket-total').innerText()).toBe('£42.00');
    expect(await page.getByTestId('due').innerText()).toBe('£42.00');
    await keepScreenshot(page, 'sell-standing-basket');

    await page.keyboard.press('c');
    await page.getByTestId('done-panel').waitFor();
    await keepScreenshot(page, 'sell-standing-done');
    const tickets = latestOrderTickets(host.dataDir);
    expect(tickets.map((t) => t.bandName).sort()).toEqual(['Adult', 'Adult', 'Concession']);

    // Three ticket jobs and the receipt, each ticket with its own code.
    const jobs = await jobsUpToReceipt(before);
    const ticketJobs = jobs.filter((j) => tickets.some((t) => j.includes(t.code)));
    expect(ticketJobs).toHaveLength(3);
    for (const t of tickets) expect(ticketJobs.filter((j) => j.includes(t.code))).toHaveLength(1);
    for (const j of ticketJobs) expect(j).toContain('Comedy Night at the Studio');
    const receipt = jobs.find((j) => j.includes('TOTAL'))!;
    expect(receipt).toMatch(/2 x Comedy Night at the Studio, Adult/);
    expect(receipt).toMatch(/1 x Comedy Night at the Studio, .*Concession at £12\.00 each/);
    expect(receipt).toMatch(/TOTAL\s+£?42\.00/);
    expect(receipt).toMatch(/Paid by card/);
    await page.context().close();
  });

  it('applies a discount code a manager created: the total drops and the receipt charges the discounted prices', async () => {
    const manager = await host.contract(demoManager);
    await manager.call('createDiscountCode', { code: 'FRIENDS20', kind: 'percent', value: 2000 });
    const page = await host.counterPage();
    const before = printedJobs(host.dataDir).length;
    await page.locator('[data-testid=performance-row]:focus').click();
    await page.getByTestId('seat-map').waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);
    const fullTotal = await page.getByTestId('basket-total').innerText();
    const full = Number(fullTotal.replace(/[^\d.]/g, ''));
    const discounted = Math.round(full * 80) / 100;
    const money = (n: number) => `£${n.toFixed(2)}`;
    const fullTax = Number((await page.getByTestId('basket-tax').innerText()).replace(/[^\d.]/g, ''));

    await page.getByTestId('discount-code').fill('friends20');
    await page.getByTestId('apply-discount').click();
    await expect.poll(() => page.getByTestId('basket-total').innerText()).toBe(money(discounted));
    expect(await page.getByTestId('basket').innerText()).toContain(`Before discount\n${fullTotal}`);
    expect(await page.getByTestId('due').innerText()).toBe(money(discounted));
    // VAT is charged on each discounted line, so the tax shown drops with the code too (to within a
    // penny a line of 80 %, as each line's tax is rounded on its own).
    const tax = Number((await page.getByTestId('basket-tax').innerText()).replace(/[^\d.]/g, ''));
    expect(tax).toBeLessThan(fullTax);
    expect(Math.abs(tax - fullTax * 0.8)).toBeLessThanOrEqual(0.02);
    await keepScreenshot(page, 'sell-discount-basket');

    await page.keyboard.press('e');
    await page.getByTestId('done-panel').waitFor();
    const tickets = latestOrderTickets(host.dataDir);
    expect(tickets).toHaveLength(2);
    const receipt = (await jobsUpToReceipt(before)).find((j) => j.includes('TOTAL'))!;
    expect(receipt).toMatch(new RegExp(`TOTAL\\s+£?${discounted.toFixed(2).replace('.', '\\.')}`));
    // Each seat is charged 80% of its band's price: the discount is spread over the tickets.
    expect(receipt).toMatch(new RegExp(`at £?${(discounted / 2).toFixed(2).replace('.', '\\.')} each`));
    expect(receipt).not.toContain(fullTotal);
    await keepScreenshot(page, 'sell-discount-done');
    await page.context().close();
  });
});
