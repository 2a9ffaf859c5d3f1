import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepScreenshot, seatedPerformances, sell, useBoxOffice, useContractWindow } from './box-office.ts';

const host = useBoxOffice();
const cashier = useContractWindow(host);

// The demo venue writes en-GB pounds on London's calendar.
const pounds = (minor: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(minor / 100);
const venueToday = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' }).format(Date.now());

describe('Manage → Reports (issue 15)', () => {
  it('shows today’s sales as charts beside their tables, by keyboard and without colour, prints, downloads the CSV and an export', async () => {
    // Sales first, as the windows made them today: 3 seats for one show, 2 for another (by card: cash needs a shift open).
    const [first, second] = await seatedPerformances(cashier);
    const sales = [await sell(cashier, first!.id, 3), await sell(cashier, second!.id, 2)];
    const gross = sales.reduce((sum, s) => sum + s.order.totalMinor, 0);
    const tax = sales.reduce((sum, s) => sum + s.order.taxMinor, 0);

    const page = await host.managerScreen('reports');
    await page.getByTestId('report-body').waitFor();
    // The range changes to Today: the sales table has that one day, and its figures.
    await page.getByTestId('report-preset-today').click();
    await expect.poll(() => page.getByTestId('report-preset-today').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('report-heading').innerText()).toContain(`Report ${venueToday()} to ${venueToday()}, by payment date`);
    const day = page.getByTestId('table-sales').locator('tbody tr');
    await expect.poll(() => day.count()).toBe(1);
    await expect.poll(() => day.first().locator('th, td').allInnerTexts()).toEqual([venueToday(), '5', pounds(gross), pounds(gross - tax), pounds(tax)]);

    // The chart beside it is an SVG that takes the focus and says what it shows.
    const chart = page.getByTestId('chart-sales');
    expect(await chart.evaluate((svg) => svg.tagName)).toBe('svg');
    await expect.poll(() => chart.getAttribute('aria-label')).toContain(`5 tickets, ${pounds(gross)} gross`);
    // Keyboard: Tab from the last filter lands on the chart.
    await page.getByTestId('report-cashierId').focus();
    await page.keyboard.press('Tab');
    expect(await chart.evaluate((svg) => svg.ownerDocument.activeElement === svg)).toBe(true);
    expect(await chart.getAttribute('tabindex')).toBe('0');
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count()).toBe(1);
    // Not colour alone: the bar is hatched (a pattern), and its amount is written on it.
    expect(await chart.locator('.recharts-bar-rectangle path').first().getAttribute('fill')).toMatch(/^url\(#/);
    await expect.poll(() => chart.locator('.recharts-label-list').textContent()).toContain(pounds(gross));

    // Per performance: both shows sold today, with their seats sold; the occupancy chart labels each bar.
    const shows = page.getByTestId('table-performances').locator('tbody tr');
    await expect.poll(() => shows.count()).toBe(2);
    const occupancy = page.getByTestId('chart-occupancy');
    await expect.poll(() => occupancy.getAttribute('aria-label')).toContain('Occupancy of 2 performances');
    // The price-band mix: a pie whose slices are named with their count.
    const mix = page.getByTestId('chart-bands');
    await expect.poll(() => mix.getAttribute('aria-label')).toContain('Price band mix of 5 tickets');
    await keepScreenshot(page, 'reports-today');

    // Accounting by performance date over the days of the two shows (typed): the same five tickets.
    const showDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(ms);
    await page.getByTestId('report-basis-performance').check();
    await page.getByTestId('report-from').fill(showDay(first!.startsAt));
    await page.getByTestId('report-to').fill(showDay(second!.startsAt));
    await expect.poll(() => page.getByTestId('report-heading').innerText()).toContain('by performance date');
    await expect.poll(() => page.getByTestId('table-sales').locator('tfoot td').allInnerTexts()).toEqual(['5', pounds(gross), pounds(gross - tax), pounds(tax)]);

    // Printed, the page is the report alone: no header, tabs, filters or buttons; the charts stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.status-bar').isVisible()).toBe(false);
    expect(await page.getByTestId('report-from').isVisible()).toBe(false);
    expect(await page.getByTestId('report-print').isVisible()).toBe(false);
    expect(await page.getByTestId('chart-sales').isVisible()).toBe(true);
    await keepScreenshot(page, 'reports-print');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate("window.print = () => document.body.setAttribute('data-printed', 'yes')");
    await page.getByTestId('report-print').click();
    expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');

    // Download CSV: the tables on screen, UTF-8 with its BOM.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^marquee-report-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Sales over time\r\nDay,Tickets,Gross,Net,Tax\r\n');
    expect(csv).toContain(`${venueToday()},5,`);

    // An export from the same screen (the orders of this week, as the panel starts from the report's
    // first range): queued, followed in the queue until it is ready, then downloaded.
    const exportsPanel = page.locator('section.exports-panel');
    await exportsPanel.getByRole('button', { name: 'Start export' }).click();
    const job = exportsPanel.locator('table.exports-jobs tbody tr').first();
    // Its row shows a progress bar while it runs (a few rows run in a blink), then "Ready" and the Download button.
    await expect.poll(() => job.locator('td').nth(2).innerText(), { timeout: 30_000 }).toMatch(/^Ready/);
    await keepScreenshot(page, 'reports-export-ready');
    const [file] = await Promise.all([page.waitForEvent('download'), job.getByRole('button', { name: 'Download' }).click()]);
    const orders = readFileSync(await file.path(), 'utf8');
    expect(orders.startsWith('\uFEFF')).toBe(true);
    const [columns, ...rows] = orders.slice(1).trim().split('\r\n');
    expect(columns).toContain('Order number');
    expect(rows).toHaveLength(2);
  });
});
