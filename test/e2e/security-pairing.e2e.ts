import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PairedWindows } from '../../src-main/windows/paired-windows.ts';
import { demoCashier, demoManager, keepScreenshot, signIn, useBoxOffice } from './box-office.ts';

/*
 * Host mode with --lan, bound to 127.0.0.1, where loopback counts as another computer (the CLI
 * cannot say that, so the host runs in this process with `localClientAddresses: []`): every
 * browser window here must be paired before it can even see the sign-in screen.
 */

// The browser trusts exactly this host's certificate (by its key), as a venue's browser would after pairing.
const host = useBoxOffice({ inProcess: true, lan: true, window: { viewport: { width: 1280, height: 860 } } });

/** Each browser context is its own profile, so its own window with its own token, as another computer's browser would be. */
function newWindow(): Promise<Page> {
  return host.newWindow();
}

async function shownCode(page: Page): Promise<string> {
  const code = page.getByTestId('pairing-code');
  await code.waitFor();
  return (await code.getAttribute('data-code')) ?? '';
}

function managerId(): string {
  const row = host.office.records.$client.prepare('select id from staff where name = ?').get(demoManager.name) as { id: string };
  return row.id;
}

describe('pairing a window on another computer (host mode with --lan)', () => {
  it('shows only the pairing screen until a manager approves it in Manage → Windows, and again once revoked', async () => {
    // The manager's own window must be paired too; here its approval stands for the first one made at the host computer.
    const desk = await newWindow();
    const deskCode = await shownCode(desk);
    new PairedWindows(host.office.records, host.office.clock).approve(deskCode, 'Manager desk', managerId());
    await signIn(desk, demoManager.name, demoManager.pin);

    const counter = await newWindow();
    const code = await shownCode(counter);
    expect(code).toMatch(/^\d{6}$/);
    await expect.poll(() => counter.getByTestId('pairing-fingerprint').textContent()).toBe(host.fingerprint);
    // Nothing but the pairing screen: no staff names, no sign-in.
    expect(await counter.getByTestId('staff-member').count()).toBe(0);
    await keepScreenshot(counter, 'security-pairing-code');

    await desk.getByTestId('tab-windows').click();
    await desk.getByTestId('windows-screen').waitFor();
    await expect.poll(() => desk.getByTestId('host-fingerprint').textContent()).toBe(host.fingerprint);
    const request = desk.locator(`[data-testid=pairing-request][data-code="${code}"]`);
    await request.waitFor();
    await keepScreenshot(desk, 'security-pairing-windows');
    await request.getByTestId('pairing-approve').click();
    await desk.getByTestId('admin-done').filter({ hasText: 'is paired' }).waitFor();

    // The new window notices by itself and opens at sign-in.
    await counter.getByTestId('staff-member').first().waitFor();
    await signIn(counter, demoCashier.name, demoCashier.pin);
    await keepScreenshot(counter, 'security-pairing-signed-in');

    // The manager names the window, sees who is signed in there and ends that session.
    await desk.getByTestId('windows-reload').click();
    const row = desk.locator('[data-testid=paired-window]').filter({ has: desk.getByTestId('window-revoke') }).filter({ hasNotText: 'Manager desk' });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByTestId('window-rename').click();
    await row.getByTestId('window-rename-input').fill('Counter 2');
    await row.getByTestId('window-rename-save').click();
    await desk.getByTestId('admin-done').filter({ hasText: 'Renamed to Counter 2.' }).waitFor();
    const session = desk.locator(`[data-testid=open-session][data-staff-name="${demoCashier.name}"]`);
    await expect.poll(() => session.getAttribute('data-window-name')).toBe('Counter 2');
    await keepScreenshot(desk, 'security-pairing-sessions');
    await session.getByTestId('end-session').click();
    await desk.getByTestId('admin-done').filter({ hasText: `${demoCashier.name} is signed out at Counter 2.` }).waitFor();
    await counter.getByTestId('signed-in-staff').waitFor({ state: 'detached' });
    await counter.getByTestId('staff-member').first().waitFor();
    await desk.getByTestId('clear-sign-in-pauses').click();
    await desk.getByTestId('admin-done').filter({ hasText: /No window was paused|Sign-in pauses lifted/ }).waitFor();

    // Signed in again, then revoked: the window is shut out at once.
    await signIn(counter, demoCashier.name, demoCashier.pin);
    await row.getByTestId('window-revoke').click();
    await desk.getByTestId('revoke-confirm-yes').click();
    await desk.getByTestId('admin-done').filter({ hasText: 'is revoked' }).waitFor();

    // Back to pairing: the revoked window can sell nothing and can only ask again.
    await counter.locator('[data-testid=pairing-screen][data-phase=revoked]').waitFor();
    expect(await counter.getByTestId('signed-in-staff').count()).toBe(0);
    await keepScreenshot(counter, 'security-pairing-revoked');
    await counter.getByTestId('pairing-ask-again').click();
    const again = await shownCode(counter);
    expect(again).toMatch(/^\d{6}$/);
    await desk.getByTestId('windows-reload').click();
    await desk.locator(`[data-testid=pairing-request][data-code="${again}"]`).waitFor();
    await keepScreenshot(desk, 'security-pairing-after-revoke');
  });

  it('tells a window the host cannot serve to update, on its own screen without a pairing code', async () => {
    // A window from a future Marquee: every request it makes says so.
    const outdated = await host.newWindow({
      prepare: (context) =>
        context.route('**/*', (route) => {
          const headers = route.request().headers();
          if (!headers['x-marquee-version']) return route.continue();
          return route.continue({ headers: { ...headers, 'x-marquee-version': '99.0.0; contract=999' } });
        }),
    });
    await outdated.getByRole('heading', { name: 'This window needs updating' }).waitFor();
    expect(await outdated.getByTestId('outdated-problem').textContent()).toMatch(/^This window runs Marquee 99\.0; the host runs .*: update the host/);
    expect(await outdated.getByTestId('pairing-code').count()).toBe(0);
    expect(await outdated.getByText('Pair this window with the box office').count()).toBe(0);
  });
});
