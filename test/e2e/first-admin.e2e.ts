import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countInDatabase, keepScreenshot, useBoxOffice } from './box-office.ts';

/*
 * A real venue's first start: host mode without --demo, so the installation has no staff, venues
 * or performances. The first screen offers the demo and, beside it, the first admin's form; the
 * admin it creates lands signed in, and from then on no anonymous window is offered the form.
 */

const host = useBoxOffice({ demo: false });
const admin = { name: 'Alex Rivera', pin: '583920' };

/** Each page is its own browser context, so its own window with its own token and session. */
function newWindow(): Promise<Page> {
  return host.newWindow({ viewport: { width: 1280, height: 860 } });
}

describe('first admin of an empty installation', () => {
  it('creates the first admin beside the demo offer and lands signed in as that admin', async () => {
    const page = await newWindow();
    await page.getByTestId('first-admin').waitFor();
    expect(await page.getByTestId('load-demo').isVisible()).toBe(true);

    await page.getByTestId('first-admin-name').fill(admin.name);
    await page.getByTestId('first-admin-pin').fill(admin.pin);
    await page.getByTestId('first-admin-pin-again').fill('583921');
    await page.getByTestId('first-admin-create').click();
    await page.getByTestId('first-admin-error').filter({ hasText: 'The two PINs differ' }).waitFor();

    await page.getByTestId('first-admin-pin').fill('123');
    await page.getByTestId('first-admin-pin-again').fill('123');
    await page.getByTestId('first-admin-create').click();
    await page.getByTestId('first-admin-error').filter({ hasText: 'A PIN is 4 to 8 digits' }).waitFor();
    expect(countInDatabase(host.dataDir, 'select count(*) as n from staff')).toBe(0);
    await keepScreenshot(page, 'first-admin-form');

    await page.getByTestId('first-admin-pin').fill(admin.pin);
    await page.getByTestId('first-admin-pin-again').fill(admin.pin);
    await page.getByTestId('first-admin-create').click();
    await page.getByTestId('signed-in-staff').filter({ hasText: admin.name }).waitFor();
    expect(await page.getByTestId('first-admin').count()).toBe(0);
    expect(countInDatabase(host.dataDir, "select count(*) as n from staff where role = 'admin' and name = ?", admin.name)).toBe(1);
    expect(countInDatabase(host.dataDir, 'select count(*) as n from staff')).toBe(1);

    // Signed in as an admin: the manager's screens are there, and the staff list names the role.
    await page.getByTestId('tab-staff').click();
    const row = page.getByTestId('staff-row').filter({ hasText: admin.name });
    await row.waitFor();
    expect(await row.getByTestId('staff-role').inputValue()).toBe('admin');
    await keepScreenshot(page, 'first-admin-signed-in');
    await page.close();
  });

  it('offers the form to no other anonymous window once there is staff', async () => {
    const page = await newWindow();
    await page.getByTestId('staff-member').filter({ hasText: admin.name }).waitFor();
    expect(await page.getByTestId('first-admin').count()).toBe(0);
    expect(await page.getByTestId('demo-offer').count()).toBe(0);
    await page.close();

    // Nor does the core let an anonymous window create another admin behind the screen's back.
    const refused = await host.callApi('createFirstAdmin', { name: 'Mallory', pin: '4444' });
    expect(refused.ok).toBe(false);
    expect(countInDatabase(host.dataDir, 'select count(*) as n from staff')).toBe(1);
  });
});
