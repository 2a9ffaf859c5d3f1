import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { zonedInstant } from '../../src-shared/zoned-time.ts';
import { demoCashier, demoManager, keepScreenshot, latestOrderTickets, printedJobs, signIn, useBoxOffice, type ContractWindow } from './box-office.ts';

/*
 * The venue is in London, the windows' computer in Los Angeles (eight hours behind) with a US-English
 * browser. A performance typed at 19:30 on the run form, shown on the performance list and printed on
 * the ticket must all say 19:30 London time: the screens use the venue's clock and locale, not the
 * browser's.
 */
const VENUE_ZONE = 'Europe/London';
const BROWSER_ZONE = 'America/Los_Angeles';
const EVENT = 'The Importance of Being Earnest';

const host = useBoxOffice();
let manager: ContractWindow;

beforeAll(async () => {
  manager = await host.contract(demoManager);
  await manager.call('updateSettings', { changes: { timeZone: VENUE_ZONE, locale: 'en-GB' } });
});

/** A window whose computer is in Los Angeles and speaks US English. */
function losAngelesWindow(): Promise<Page> {
  return host.newWindow({ timezoneId: BROWSER_ZONE, locale: 'en-US' });
}

/** A Wednesday (a day the run form's default times include) about six weeks out, as YYYY-MM-DD. */
function aWednesdayAhead(): string {
  const day = new Date(Date.now() + 40 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}

describe('one clock for the screens: the venue’s', () => {
  it('creates a performance at 19:30 venue time from a window eight hours behind, lists it and prints it at 19:30', async () => {
    const date = aWednesdayAhead();
    const [y, m, d] = date.split('-');
    const typedDate = `${d}/${m}/${y}`;
    const expected = zonedInstant(date, '19:30', VENUE_ZONE);

    // The manager creates a one-day run at 19:30, typed in the venue's date pattern.
    const page = await losAngelesWindow();
    const managerContext = page.context();
    // The browser really is in Los Angeles: the screens cannot lean on its clock.
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(BROWSER_ZONE);
    await signIn(page, demoManager.name, demoManager.pin);
    await page.getByTestId('tab-events').click();
    await page.getByTestId('events-screen').waitFor();
    await page.getByTestId('event-item').filter({ hasText: EVENT }).click();
    // A seated plan, so the cashier below can pick a seat.
    const plan = page.getByTestId('run-plan');
    await plan.selectOption((await plan.locator('option', { hasText: 'Lyric' }).first().getAttribute('value'))!);
    const first = page.getByTestId('run-first');
    expect(await first.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    await first.fill(typedDate);
    await page.getByTestId('run-last').fill(typedDate);
    await page.getByTestId('run-time-0').fill('19:30');
    await page.getByTestId('run-create').click();
    await page.getByTestId('run-form').getByTestId('admin-done').filter({ hasText: 'Created 1 performances' }).waitFor();

    // Stored at 19:30 London time, the instant the core's own run rule gives.
    const event = (await manager.call('listEvents', {})).find((e) => e.title === EVENT)!;
    const created = (await manager.call('listEventPerformances', { eventId: event.id })).find((p) => p.startsAt === expected);
    expect(created, `no performance of ${EVENT} at ${new Date(expected).toISOString()}`).toBeDefined();
    // The manager's own table shows it back at 19:30, in the venue's pattern.
    const row = page.locator(`[data-testid=admin-performance][data-performance-id="${created!.id}"]`);
    await expect.poll(() => row.getByTestId('performance-start').inputValue()).toBe(`${typedDate} 19:30`);
    expect(await row.locator('strong').first().innerText()).toMatch(/19:30/);
    await keepScreenshot(page, 'venue-time-zone-run');
    await managerContext.close();

    // A cashier in the same zone finds it on the performance list at 19:30 and sells a seat.
    const counter = await losAngelesWindow();
    const cashierContext = counter.context();
    await signIn(counter, demoCashier.name, demoCashier.pin);
    // Cash needs a shift: opened from the Sell screen's prompt, as a cashier starting the day does.
    await counter.getByTestId('shift-prompt-float').fill('100.00');
    await counter.getByTestId('shift-prompt-open').click();
    await counter.getByTestId('shift-prompt-done').waitFor();
    await counter.getByTestId('performance-row').first().waitFor();
    await counter.getByTestId('performance-date').fill(typedDate);
    const listed = counter.locator(`[data-testid=performance-row][data-performance-id="${created!.id}"]`);
    await listed.waitFor();
    expect(await listed.locator('.time').innerText()).toBe('19:30');
    expect(Number(await listed.getAttribute('data-starts-at'))).toBe(expected);
    await keepScreenshot(counter, 'venue-time-zone-list');

    const before = printedJobs(host.dataDir).length;
    await listed.click();
    await counter.getByTestId('seat-map').waitFor();
    expect(await counter.getByTestId('performance-heading').innerText()).toContain('19:30');
    await counter.locator('[data-testid=seat][data-look=available]').first().click();
    await expect.poll(() => counter.getByTestId('basket-line').count()).toBe(1);
    await counter.keyboard.press('e');
    await counter.getByTestId('done-panel').waitFor();
    await cashierContext.close();

    // The ticket prints the same wall-clock time: 19:30 on that day, not Los Angeles' 11:30.
    const [sold] = latestOrderTickets(host.dataDir);
    const isTicket = (job: string) => job.includes(sold!.code) && !job.includes('Receipt');
    await expect.poll(() => printedJobs(host.dataDir).slice(before).some(isTicket), { timeout: 15_000 }).toBe(true);
    const ticket = printedJobs(host.dataDir).slice(before).find(isTicket)!;
    expect(ticket).toMatch(new RegExp(`\\b${Number(d)} [A-Z][a-z]{2} ${y} 19:30\\b`));
    expect(ticket).not.toContain('11:30');
  });
});
