import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { keepScreenshot, latestOrderTickets, printedJobs, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

const cursorLabel = (page: Page) => page.getByTestId('seat-map').getAttribute('data-cursor');
const lookOf = (page: Page, label: string) => page.locator(`[data-testid=seat][data-label="${label}"]`).getAttribute('data-look');

/** Moves the cursor right until it rests on a free seat, and returns that seat's label. */
async function nextFreeSeat(page: Page): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const label = (await cursorLabel(page))!;
    if ((await lookOf(page, label)) === 'available') return label;
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => cursorLabel(page)).not.toBe(label);
  }
  throw new Error('No free seat to the right of the cursor');
}

/**
 * Types `key` from inside the page as soon as everything `ready` names is on screen: in the same task
 * that drew it, before any later one runs (a passive effect attached its listener in a later task,
 * and the key went unheard). A cashier who types ahead is heard however loaded the machine is.
 */
async function typeTheMomentItShows(page: Page, ready: string[], key: string): Promise<void> {
  // A script string: this project's Node types have no DOM.
  await page.evaluate(`(() => {
    const selectors = ${JSON.stringify(ready)};
    const watch = new MutationObserver(() => {
      if (!selectors.every((selector) => document.querySelector(selector))) return;
      watch.disconnect();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true, cancelable: true }));
    });
    watch.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
  })()`);
}

describe('selling from the keyboard alone', () => {
  it('picks 2 seats with the arrows and Space and sells them for exact cash without the mouse', async () => {
    const page = await host.signedIn();
    const context = page.context();
    // From here on only the keyboard: the soonest performance already has the focus.
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('performance-row');
    await page.keyboard.press('Enter');
    await page.getByTestId('seat-map').waitFor();
    expect(await page.getByTestId('map-keys').innerText()).toMatch(/S seat map[\s\S]*Space or Enter take/);

    await page.keyboard.press('s');
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('seat-map');
    await expect.poll(() => cursorLabel(page)).toBeTruthy();
    await page.getByTestId('seat-cursor').waitFor();
    const start = (await cursorLabel(page))!;
    await expect.poll(() => page.getByTestId('seat-cursor-words').innerText()).toContain(start);

    // Down goes to another row and up comes back to the same seat: the arrows follow the plan.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => cursorLabel(page)).not.toBe(start);
    const below = (await cursorLabel(page))!;
    expect(below.split(', seat ')[0]).not.toBe(start.split(', seat ')[0]);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => cursorLabel(page)).toBe(start);

    const first = await nextFreeSeat(page);
    await page.keyboard.press('Space');
    await expect.poll(() => lookOf(page, first)).toBe('mine');
    await expect.poll(() => page.getByTestId('seat-cursor-words').innerText()).toContain('in this basket');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => cursorLabel(page)).not.toBe(first);
    const second = await nextFreeSeat(page);
    await page.keyboard.press('Enter');
    await expect.poll(() => lookOf(page, second)).toBe('mine');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);
    // The basket reads in seat order (A-9 before A-10), whatever order the seats were taken in.
    const inSeatOrder = [first, second].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare);
    expect(await page.getByTestId('basket-line').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')))).toEqual(inSeatOrder);

    // Space on a seat already in the basket gives it back; Space again takes it again.
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(1);
    await expect.poll(() => lookOf(page, second)).toBe('available');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);
    await expect.poll(() => lookOf(page, second)).toBe('mine');
    await keepScreenshot(page, 'sell-keyboard-basket');

    await page.keyboard.press('e');
    await page.getByTestId('done-panel').waitFor();
    expect(await page.getByTestId('change').innerText()).toMatch(/0\.00/);
    const tickets = latestOrderTickets(host.dataDir);
    expect(tickets.map((t) => t.label).sort()).toEqual([first, second].sort());
    await expect.poll(() => printedJobs(host.dataDir).join('\n'), { timeout: 15_000 }).toContain(tickets[1]!.code);
    await keepScreenshot(page, 'sell-keyboard-done');

    // With the result shown, Enter is "next customer" even though the map still has the focus.
    await page.keyboard.press('Enter');
    await page.getByTestId('done-panel').waitFor({ state: 'detached' });
    await expect.poll(() => lookOf(page, first)).toBe('booked');
    await context.close();
  });

  it('hears keys typed the moment each part of the Sell screen shows: 1 on the map, E on the payment, Enter on the result', async () => {
    const page = await host.signedIn();
    const context = page.context();
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('performance-row');
    const before = latestOrderTickets(host.dataDir)[0]?.orderId;
    await typeTheMomentItShows(page, ['[data-testid=seat-map]'], '1');
    // E once payment is offered and the seat has its price band (the bands may load after the map).
    await typeTheMomentItShows(page, ['[data-testid=pay-panel]', '[data-testid=band-select] option:checked'], 'e');
    await typeTheMomentItShows(page, ['[data-testid=done-panel]'], 'Enter');
    await page.keyboard.press('Enter');
    // The result came and went by keys alone: the sale is recorded and the basket is empty again.
    await expect.poll(() => latestOrderTickets(host.dataDir)[0]?.orderId).not.toBe(before);
    const tickets = latestOrderTickets(host.dataDir);
    expect(tickets).toHaveLength(1);
    await page.getByTestId('done-panel').waitFor({ state: 'detached' });
    await expect.poll(() => lookOf(page, tickets[0]!.label)).toBe('booked');
    await context.close();
  });
});
