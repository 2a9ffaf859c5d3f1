import { describe, expect, it } from 'vitest';
import { countInDatabase, demoManager, keepScreenshot, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

describe('manager staff and audit screens', () => {
  it('adds a cashier who can sign in, resets their PIN and disables them', async () => {
    const page = await host.managerScreen('staff');
    await page.getByTestId('staff-name').fill('Sam Usher');
    await page.getByTestId('staff-new-role').selectOption('cashier');
    await page.getByTestId('staff-pin').fill('4321');
    await page.getByTestId('staff-add').click();
    const row = page.locator('[data-testid=staff-row][data-staff-name="Sam Usher"]');
    await row.waitFor();
    await keepScreenshot(page, 'manager-staff');

    // A second window: the new cashier signs in with the PIN they were given.
    const other = await host.signedIn({ name: 'Sam Usher', pin: '4321' });

    await row.getByTestId('staff-reset-pin').click();
    await page.getByTestId('reset-pin-input').fill('8765');
    await page.getByTestId('reset-pin-save').click();
    await page.getByTestId('admin-done').filter({ hasText: 'Sam Usher has a new PIN' }).waitFor();

    await row.getByTestId('staff-disable').click();
    await expect.poll(() => row.getByTestId('staff-status').textContent()).toBe('Disabled');
    // Disabling ends Sam's session: their window goes back to the sign-in screen.
    await other.getByTestId('signed-in-staff').waitFor({ state: 'detached' });
    expect(countInDatabase(host.dataDir, "select count(*) as n from staff where name = 'Sam Usher' and active = 0")).toBe(1);
    await other.close();

    await page.getByTestId('tab-audit').click();
    await page.getByTestId('audit-screen').waitFor();
    const managerId = await page.getByTestId('audit-staff').locator('option', { hasText: demoManager.name }).getAttribute('value');
    await page.getByTestId('audit-staff').selectOption(managerId!);
    await page.getByTestId('audit-kind').selectOption('staff.');
    await expect.poll(() => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')))).toEqual(
      expect.arrayContaining(['staff.added', 'staff.pin-reset', 'staff.disabled', 'staff.signed-in']),
    );
    const kinds = await page.getByTestId('audit-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind') ?? ''));
    expect(kinds.every((k) => k.startsWith('staff.'))).toBe(true);
    await keepScreenshot(page, 'manager-audit');
    await page.close();
  });

  it('refuses a cashier calling manager-only procedures through the contract', async () => {
    const cashier = await host.contract();
    try {
      const refused = await cashier.fail('addStaff', { name: 'Mallory', role: 'manager', pin: '9999' });
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toMatch(/^This needs a manager; Priya Shah is signed in as a cashier\.$/);
      for (const attempt of [cashier.fail('listEvents', {}), cashier.fail('queryAuditLog', {}), cashier.fail('resetDemo', { confirm: 'RESET DEMO' })]) {
        expect((await attempt).code).toBe('FORBIDDEN');
      }
      expect(countInDatabase(host.dataDir, "select count(*) as n from staff where name = 'Mallory'")).toBe(0);
      // The screens a cashier sees do not offer the manager's tabs either.
      const page = await host.signedIn();
      expect(await page.getByTestId('tab-staff').count()).toBe(0);
      await page.close();
    } finally {
      cashier.close();
    }
  });
});
