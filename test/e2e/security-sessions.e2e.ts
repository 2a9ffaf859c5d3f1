import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock.ts';
import { PAUSE_AFTER, waitAfter } from '../../src-main/staff/sign-in-throttle.ts';
import { demoCashier, demoManager, keepScreenshot, signIn, useBoxOffice } from './box-office.ts';

/*
 * Sessions as the counter sees them: a window whose session ends (a manager ends it, or it sat
 * unused past the idle time-out) goes back to sign-in by itself and says why; wrong PINs slow the
 * window down with a sentence and a countdown, and the pad works again once the wait is over or a
 * manager lifts it. The host runs in this process on a clock that moves only when told to, so the
 * idle time-out and the sign-in waits are reached without waiting for them.
 */

const clock = new ManualClock(Date.now());
const host = useBoxOffice({ inProcess: { clock }, window: { viewport: { width: 1280, height: 860 } } });
const WRONG_PIN = '9999';

/** Each page is its own browser context, so its own window with its own token and session. */
function newWindow(): Promise<Page> {
  return host.newWindow();
}

function count(query: string, ...params: unknown[]): number {
  return (host.office.records.$client.prepare(query).get(...params) as { n: number }).n;
}

const wrongPins = () => count("select count(*) as n from audit_log where action = 'staff.wrong-pin'");

async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-${digit}`).click();
  await page.getByTestId('pin-enter').click();
}

/** Types a wrong PIN and waits until the core has counted it (its audit row). */
async function typeWrongPin(page: Page): Promise<void> {
  const before = wrongPins();
  await typePin(page, WRONG_PIN);
  await expect.poll(wrongPins).toBe(before + 1);
}

async function expectBackAtSignIn(page: Page): Promise<void> {
  await page.getByTestId('signed-in-staff').waitFor({ state: 'detached' });
  await page.getByTestId('staff-member').first().waitFor();
  await expect.poll(() => page.getByTestId('session-ended').textContent()).toMatch(/^Your session ended: signed out after .* without use .*, or by a manager\. Sign in again\.$/);
}

describe('sessions at the counter', () => {
  it('sends a window back to sign-in, with a sentence, when a manager ends its session, and again after the idle time-out', async () => {
    const counter = await newWindow();
    await signIn(counter, demoCashier.name, demoCashier.pin);
    const desk = await host.managerScreen('windows');

    const session = desk.locator(`[data-testid=open-session][data-staff-name="${demoCashier.name}"]`);
    await session.waitFor();
    await keepScreenshot(desk, 'security-sessions-open');
    await session.getByTestId('end-session').click();
    await desk.getByTestId('admin-done').filter({ hasText: `${demoCashier.name} is signed out at` }).waitFor();

    // Nobody touched the counter: it follows by itself and says why.
    await expectBackAtSignIn(counter);
    await keepScreenshot(counter, 'security-sessions-ended-by-manager');

    // Signed in again the notice is gone; unused past the idle time-out (30 minutes), the next
    // thing the cashier does finds the session over. No event tells this window: the refused call does.
    await signIn(counter, demoCashier.name, demoCashier.pin);
    expect(await counter.getByTestId('session-ended').count()).toBe(0);
    clock.advance(31 * 60_000);
    await counter.getByTestId('tab-checkin').click();
    await expectBackAtSignIn(counter);
    expect(count("select count(*) as n from audit_log where action = 'staff.session-ended' and details like '%\"idle\"%'")).toBe(1);
    await keepScreenshot(counter, 'security-sessions-idle');
    await counter.context().close();
    await desk.context().close();
  });

  it('saves the minimum PIN length and the idle time-out in Settings, and the session store follows the setting', async () => {
    const desk = await host.managerScreen('settings', { viewport: { width: 1280, height: 1000 } });
    await expect.poll(() => desk.getByTestId('settings-idle-minutes').inputValue()).toBe('30');
    await desk.getByTestId('settings-min-pin').selectOption('6');
    await desk.getByTestId('settings-idle-minutes').fill('45');
    await desk.getByTestId('settings-save').click();
    await desk.getByTestId('admin-done').filter({ hasText: 'Settings saved' }).waitFor();
    expect(count("select count(*) as n from settings where key = 'staff.minPinLength' and value = '6'")).toBe(1);
    expect(count("select count(*) as n from settings where key = 'staff.sessionIdleMinutes' and value = '45'")).toBe(1);
    await keepScreenshot(desk, 'security-sessions-settings');

    // Out of range: the field says so before anything is sent (the core refuses it too), nothing written.
    const idle = desk.getByTestId('settings-idle-minutes');
    await idle.fill('2');
    await desk.getByTestId('settings-save').click();
    // The test's own compiler has no DOM types: the input is read as the plain object it is.
    const validity = (el: unknown) => {
      const input = el as { validity: { rangeUnderflow: boolean }; validationMessage: string };
      return { underflow: input.validity.rangeUnderflow, message: input.validationMessage };
    };
    const checked = await idle.evaluate(validity);
    expect(checked.underflow).toBe(true);
    expect(checked.message).not.toBe('');
    expect(count("select count(*) as n from settings where key = 'staff.sessionIdleMinutes' and value = '45'")).toBe(1);

    // 40 minutes unused is past the old 30 but within the new 45: still signed in.
    clock.advance(40 * 60_000);
    await desk.getByTestId('tab-staff').click();
    await desk.getByTestId('staff-screen').waitFor();
    expect(await desk.getByTestId('signed-in-staff').textContent()).toBe(demoManager.name);
    // The Staff screen states the new rule for PINs given from now on.
    await desk.getByText('PIN (6 to 8 digits)').waitFor();
    await desk.context().close();
  });

  it('slows a window down after wrong PINs with a sentence and a countdown, and the pad works after the wait or once a manager lifts the pause', async () => {
    // The manager signs in first: wrong PINs slow down this address too, and every window here shares it.
    const desk = await host.managerScreen('windows');
    const counter = await newWindow();
    await counter.getByTestId('staff-member').filter({ hasText: demoCashier.name }).click();

    // Three wrong PINs cost nothing; the third starts a one-second wait, said in the sentence.
    for (let n = 1; n <= 3; n++) await typeWrongPin(counter);
    await counter.getByTestId('sign-in-error').filter({ hasText: 'Wrong PIN. Wait 1 second(s) before the next try.' }).waitFor();
    // A try inside the wait is refused before the PIN is checked, saying how long to wait.
    await typePin(counter, WRONG_PIN);
    await counter.getByTestId('sign-in-error').filter({ hasText: 'Too many wrong PINs have been typed here: wait 1 second before the next try.' }).waitFor();
    expect(wrongPins()).toBe(3);
    expect(await counter.getByTestId('pin-dots').getAttribute('aria-label')).toBe('4 digits entered');
    // Once the wait is over the screen says so and the pad takes the next try.
    clock.advance(waitAfter(3));
    await counter.getByTestId('sign-in-ready').waitFor();
    await counter.getByTestId('pin-clear').click();

    // Each further wrong PIN doubles the wait, until the window is paused.
    for (let n = 4; n <= PAUSE_AFTER; n++) {
      await typeWrongPin(counter);
      if (n < PAUSE_AFTER) clock.advance(waitAfter(n));
    }
    await counter.getByTestId('sign-in-error').filter({ hasText: 'signing in is paused for a few minutes; a manager can lift the pause' }).waitFor();
    await typePin(counter, WRONG_PIN);
    await counter.getByTestId('sign-in-error').filter({ hasText: 'signing in is paused for 5 minutes. A manager can lift the pause from their own window.' }).waitFor();
    await expect.poll(() => counter.getByTestId('sign-in-wait').textContent()).toMatch(/the next try is possible in [45]:\d\d\.$/);
    await keepScreenshot(counter, 'security-sessions-sign-in-paused');

    // The manager lifts the pause from their own window; the counter's pad takes the right PIN at once.
    await desk.getByTestId('clear-sign-in-pauses').click();
    await desk.getByTestId('admin-done').filter({ hasText: 'Sign-in pauses lifted' }).waitFor();
    await counter.getByTestId('pin-clear').click();
    await signIn(counter, demoCashier.name, demoCashier.pin);
    await keepScreenshot(counter, 'security-sessions-signed-in-after-pause');
    await counter.context().close();
    await desk.context().close();
  });
});
