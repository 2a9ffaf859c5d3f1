import { describe, expect, it } from 'vitest';
import { countInDatabase, demoCashier, demoManager, keepScreenshot, seatedPerformances, sell, signIn, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

describe('Manage → Backups', () => {
  it('a manager backs up, sells, restores the backup, and every window reloads to the restored box office', async () => {
    const cashier = await host.contract();
    const [tonight] = await seatedPerformances(cashier);
    await sell(cashier, tonight!.id, 2);
    const ordersAtBackup = countInDatabase(host.dataDir, 'SELECT count(*) AS n FROM orders');

    const page = await host.managerScreen('backups');
    await page.getByTestId('backup-now').click();
    await expect.poll(() => page.getByTestId('backup-message').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`Backup made: ${ordersAtBackup} orders, ledger to #\\d+, proven and compressed`));
    // The row of this backup (the schedule may have taken one of its own since the host started).
    const made = page.getByTestId('backup-row').filter({ hasText: 'Backup now' });
    await expect.poll(() => made.count()).toBe(1);
    const stem = await made.getAttribute('data-stem');

    // Selling goes on after the backup; a counter window is open at Sell.
    await sell(cashier, tonight!.id, 3);
    expect(countInDatabase(host.dataDir, 'SELECT count(*) AS n FROM orders')).toBe(ordersAtBackup + 1);
    const counter = await host.counterPage();
    let counterReloaded = false;
    counter.on('load', () => (counterReloaded = true));

    await made.getByTestId('restore-pick').click();
    await expect.poll(() => page.getByTestId('preview-copy-orders').textContent(), { timeout: 30_000 }).toBe(String(ordersAtBackup));
    expect(await page.getByTestId('preview-live-orders').textContent()).toBe(String(ordersAtBackup + 1));
    await keepScreenshot(page, 'backups-restore-preview');
    let managerReloaded = false;
    page.on('load', () => (managerReloaded = true));
    await page.getByTestId('restore-confirm').click();

    await expect.poll(() => managerReloaded && counterReloaded, { timeout: 30_000 }).toBe(true);
    expect(countInDatabase(host.dataDir, 'SELECT count(*) AS n FROM orders')).toBe(ordersAtBackup);
    // A reloaded host-mode window starts at sign-in (its session lived in the page); signed in again, the manager sees the safety copy and the backup.
    await signIn(page, demoManager.name, demoManager.pin);
    await page.getByTestId('tab-backups').click();
    await expect.poll(() => page.getByTestId('backup-row').filter({ hasText: 'safety copy' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('backup-row').filter({ hasText: 'Backup now' }).getAttribute('data-stem')).toBe(stem);
    await page.getByTestId('verify-ledger').click();
    await expect.poll(() => page.getByTestId('ledger-verification').textContent(), { timeout: 30_000 }).toMatch(/The ledger proves the database/);
    // The counter window is back at work on the restored box office.
    await signIn(counter, demoCashier.name, demoCashier.pin);
    await counter.getByTestId('performance-row').first().waitFor();
    await keepScreenshot(page, 'backups-after-restore');
    await page.context().close();
    await counter.context().close();
    cashier.close();
  });
});
