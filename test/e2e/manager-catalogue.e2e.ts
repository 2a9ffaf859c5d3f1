import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sourceRoot } from '../../src-main/paths.ts';
import { countInDatabase, demoManager, keepScreenshot, sell, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

/** YYYY-MM-DD of the day `days` from now, for date inputs. */
function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Holds the best seat and books it at the band for its category, paid by card, at a cashier's window. */
async function sellOneSeat(performanceId: string) {
  return sell(await host.contract(), performanceId, 1);
}

describe('manager catalogue screens', () => {
  it('creates an event and a three-week run on the Events screen, prices it, and a seat of it sells', async () => {
    const page = await host.managerScreen('events');
    await page.getByTestId('event-title').fill('The Winter Play');
    await page.getByTestId('event-duration').fill('140');
    await page.getByTestId('event-age').fill('12+');
    await page.getByTestId('save-event').click();
    await page.getByTestId('admin-done').filter({ hasText: 'Created The Winter Play' }).waitFor();

    const plan = page.getByTestId('run-plan');
    const lyric = await plan.locator('option', { hasText: 'Lyric' }).first().getAttribute('value');
    await plan.selectOption(lyric!);
    // Three whole weeks starting on a Monday, a month out.
    const start = new Date(Date.now() + 30 * 86_400_000);
    const monday = Math.round((start.getTime() - (((start.getUTCDay() + 6) % 7) * 86_400_000)) / 86_400_000) - Math.round(Date.now() / 86_400_000);
    await page.getByTestId('run-first').fill(isoDay(monday));
    await page.getByTestId('run-last').fill(isoDay(monday + 20));
    await page.getByTestId('run-add-slot').click();
    await page.getByTestId('run-time-1').fill('14:30');
    // No prices yet: the run cannot go on sale, the form names the categories and offers to create it off sale.
    const runForm = page.getByTestId('run-form');
    await page.getByTestId('run-create').click();
    await runForm.getByTestId('admin-error').filter({ hasText: 'no price for the categories "Balcony", "Circle" and "Stalls"' }).waitFor();
    await runForm.getByTestId('run-create-off-sale').click();
    await runForm.getByTestId('admin-done').filter({ hasText: 'Created 18 performances' }).waitFor();
    await expect.poll(() => page.getByTestId('admin-performance').count()).toBe(18);
    await expect.poll(() => page.getByTestId('performance-state').filter({ hasText: 'Off sale' }).count()).toBe(18);
    await keepScreenshot(page, 'manager-events-run');
    const firstRow = page.getByTestId('admin-performance').first();
    await firstRow.getByTestId('performance-sale-toggle').click();
    await page.getByTestId('performances-panel').getByTestId('admin-error').filter({ hasText: 'cannot go on sale yet' }).waitFor();
    expect(await firstRow.getByTestId('performance-state').textContent()).toBe('Off sale');

    await page.getByTestId('tab-prices').click();
    await page.getByTestId('prices-screen').waitFor();
    await page.getByTestId('prices-event').selectOption({ label: 'The Winter Play' });
    await page.getByTestId('band-name').fill('Adult');
    await page.getByTestId('band-price').fill('32.50');
    await page.getByTestId('band-save').click();
    await page.getByTestId('band-row').filter({ hasText: 'Adult' }).waitFor();
    await keepScreenshot(page, 'manager-prices');

    expect(countInDatabase(host.dataDir, "select count(*) as n from events where title = 'The Winter Play'")).toBe(1);
    const manager = await host.contract(demoManager);
    const event = (await manager.call('listEvents', {})).find((e) => e.title === 'The Winter Play')!;
    const performances = await manager.call('listEventPerformances', { eventId: event.id });
    manager.close();

    // Priced now: the manager puts the first performance on sale, and a seat of it sells.
    await page.getByTestId('tab-events').click();
    await page.getByTestId('event-item').filter({ hasText: 'The Winter Play' }).click();
    const soldRow = page.locator(`[data-testid=admin-performance][data-performance-id="${performances[0]!.id}"]`);
    await soldRow.getByTestId('performance-sale-toggle').click();
    await expect.poll(() => soldRow.getByTestId('performance-state').textContent()).toBe('On sale');
    const sale = await sellOneSeat(performances[0]!.id);
    expect(sale.order.totalMinor).toBe(3250);

    // Coming back to the Events screen, the sale is counted.
    await page.getByTestId('tab-prices').click();
    await page.getByTestId('prices-screen').waitFor();
    await page.getByTestId('tab-events').click();
    await page.getByTestId('event-item').filter({ hasText: 'The Winter Play' }).click();
    await expect.poll(() => soldRow.textContent()).toContain('1 / ');
    expect(countInDatabase(host.dataDir, "select count(*) as n from units where performance_id = ? and state = 'booked'", performances[0]!.id)).toBe(1);

    // Cancelling the sold performance says what is left to refund, then lists it.
    await soldRow.getByTestId('cancel-performance').click();
    await page.getByTestId('cancel-confirm').filter({ hasText: '1 paid order(s)' }).waitFor();
    await page.getByTestId('cancel-confirm-yes').click();
    await page.getByTestId('cancel-impact').filter({ hasText: '1 ticket(s)' }).waitFor();
    await expect.poll(() => soldRow.getByTestId('performance-state').textContent()).toBe('Cancelled');
    expect(countInDatabase(host.dataDir, "select count(*) as n from performances where id = ? and state = 'cancelled'", performances[0]!.id)).toBe(1);
    await keepScreenshot(page, 'manager-events-cancel');
    await page.close();
  });

  it('imports a pretix plan with a preview on the Venues screen, then sells from it', async () => {
    const page = await host.managerScreen('venues', { viewport: { width: 1920, height: 1080 } });
    await page.getByTestId('venue-name-input').fill('Riverside Hall');
    await page.getByTestId('venue-add').click();
    await page.getByTestId('venue-item').filter({ hasText: 'Riverside Hall' }).waitFor();
    await page.getByTestId('import-venue').selectOption({ label: 'Riverside Hall' });
    await page.getByTestId('import-file').setInputFiles(join(sourceRoot, 'test/fixtures/plans/riverside-hall.seating.json'));
    await page.getByTestId('plan-preview').waitFor();
    const previewSeats = await page.getByTestId('preview-seat').count();
    expect(previewSeats).toBeGreaterThan(0);
    expect(countInDatabase(host.dataDir, "select count(*) as n from seating_plans where name like 'riverside%'")).toBe(0);
    await keepScreenshot(page, 'manager-venues-preview');
    await page.getByTestId('import-save').click();
    await page.getByTestId('plan-import').getByTestId('admin-done').filter({ hasText: `Imported ${previewSeats} seats` }).waitFor();
    await page.getByTestId('plan-item').filter({ hasText: 'riverside' }).click();
    await page.getByTestId('plan-categories').locator('li').first().waitFor();

    // The rest of the catalogue through the contract, then a cashier sells a seat of the new plan.
    const manager = await host.contract(demoManager);
    const venue = (await manager.call('listVenues', {})).find((v) => v.name === 'Riverside Hall')!;
    const planId = venue.plans[0]!.id;
    const event = await manager.call('saveEvent', { event: { title: 'River Songs', durationMinutes: 90 } });
    await manager.call('savePriceBand', { eventId: event.id, band: { name: 'Adult', category: null, priceMinor: 1800, taxRateBp: 2000, taxIncluded: true } });
    const run = await manager.call('createRun', { eventId: event.id, planId, firstDate: isoDay(10), lastDate: isoDay(16), slots: [{ weekdays: [5], time: '20:00' }] });
    manager.close();
    const sale = await sellOneSeat(run.performanceIds[0]!);
    expect(sale.order.totalMinor).toBe(1800);

    // Block two seats of that performance on the same screen.
    await page.getByTestId('block-performance').selectOption(run.performanceIds[0]!);
    const free = page.locator('[data-testid=block-seat][data-state=available]');
    await free.first().waitFor();
    await free.nth(0).click();
    await free.nth(1).click();
    await page.getByTestId('block-name').selectOption('Press');
    await page.getByTestId('block-create').click();
    await page.getByTestId('block-row').filter({ hasText: 'Press' }).waitFor();
    expect(countInDatabase(host.dataDir, "select count(*) as n from units where performance_id = ? and state = 'blocked'", run.performanceIds[0]!)).toBe(2);
    await keepScreenshot(page, 'manager-venues-blocks');
    await page.close();
  });
});
