import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoManager, keepScreenshot, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

interface Box {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each element the selector finds, with its box on screen (a script string: the Node types have no DOM). */
function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => e.getClientRects().length).map((e) => {
    const r = e.getBoundingClientRect();
    return { name: (e.getAttribute('data-testid') || e.getAttribute('aria-label') || e.textContent || e.tagName).trim().slice(0, 40), x: r.x, y: r.y, width: r.width, height: r.height };
  })`) as Promise<Box[]>;
}

/** Names of the boxes that stick out of the window (a pixel's rounding allowed). */
function outside(list: Box[], viewport: { width: number; height: number }): string[] {
  return list.filter((b) => b.x < -1 || b.y < -1 || b.x + b.width > viewport.width + 1 || b.y + b.height > viewport.height + 1).map((b) => b.name);
}

/** Pairs of boxes that cover one another by more than a pixel. */
function overlapping(list: Box[]): string[] {
  const out: string[] = [];
  list.forEach((a, i) =>
    list.slice(i + 1).forEach((b) => {
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 1 && h > 1) out.push(`${a.name} × ${b.name}`);
    }),
  );
  return out;
}

/**
 * The test ids among `ids` that a cashier cannot see or press where they are: the element found at
 * the middle of each must be that element (not the status strip over it, nor clipped by a scroll box).
 */
function hidden(page: Page, ids: string[]): Promise<string[]> {
  return page.evaluate(`${JSON.stringify(ids)}.filter((id) => {
    const e = document.querySelector('[data-testid="' + id + '"]');
    if (!e) return true;
    const r = e.getBoundingClientRect();
    const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return !top || !(e === top || e.contains(top));
  })`) as Promise<string[]>;
}

const HEADER = '.status-bar > .brand, .status-bar > [data-testid=venue-name], .status-bar .tabs button, .status-bar [data-testid=station-name], .status-bar [data-testid=signed-in-staff], .status-bar [data-testid=lock]';

async function sellWithBasketOfSix(page: Page): Promise<void> {
  await page.keyboard.press('Enter');
  await page.getByTestId('seat-map').waitFor();
  await page.getByTestId('best-6').click();
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(6);
  await page.locator('[data-testid=band-select] option:checked').first().waitFor({ state: 'attached' });
}

describe('the counter screens fit the window', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}: header, zoom buttons and a basket of six with its Card button, nothing clipped or overlapping`, async () => {
      const page = await host.counterPage(undefined, { viewport });
      await sellWithBasketOfSix(page);
      await keepScreenshot(page, `layout-sell-${viewport.width}x${viewport.height}`);

      const header = await boxes(page, HEADER);
      expect(header.length).toBeGreaterThanOrEqual(6);
      expect(outside(header, viewport)).toEqual([]);
      expect(overlapping(header)).toEqual([]);

      const zoom = await boxes(page, '[data-testid=zoom-in], [data-testid=zoom-out], [data-testid=zoom-fit]');
      expect(zoom.length).toBeGreaterThan(0);
      expect(outside(zoom, viewport)).toEqual([]);
      expect(overlapping(zoom)).toEqual([]);

      // The Card button can be pressed without scrolling, with six seats in the basket.
      const pay = await boxes(page, '[data-testid=pay-card], [data-testid=pay-cash-exact], [data-testid=basket-total]');
      expect(pay.map((b) => b.name).sort()).toEqual(['basket-total', 'pay-card', 'pay-cash-exact']);
      expect(outside(pay, viewport)).toEqual([]);
      expect(await hidden(page, ['pay-card', 'pay-cash-exact', 'basket-total', 'cash-received'])).toEqual([]);

      // Each seat label on one line, and the basket in seat order.
      const labels = (await page.evaluate(
        `[...document.querySelectorAll('.basket-label')].map((e) => ({ text: e.textContent, lines: Math.round(e.scrollHeight / (parseFloat(getComputedStyle(e).lineHeight) || 20)) }))`,
      )) as { text: string; lines: number }[];
      expect(labels.filter((l) => l.lines > 1)).toEqual([]);
      const order = labels.map((l) => l.text);
      expect(order).toEqual([...order].sort(new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare));

      // A disabled button looks disabled: faded and with the not-allowed cursor.
      await page.getByTestId('discount-code').fill('');
      const look = await page.evaluate(`(() => {
        const b = document.querySelector('[data-testid=apply-discount]');
        return { disabled: b.disabled, opacity: getComputedStyle(b).opacity, cursor: getComputedStyle(b).cursor };
      })()`);
      expect(look).toEqual({ disabled: true, opacity: expect.stringMatching(/^0\.\d+$/), cursor: 'not-allowed' });
      await page.context().close();
    });
  }

  it('at 1024×768 the manager tabs and the header fit on a manager screen', async () => {
    const viewport = { width: 1024, height: 768 };
    const page = await host.signedIn(demoManager, { viewport });
    await page.locator('.manage-tabs button').first().waitFor();
    await keepScreenshot(page, 'layout-manager-1024x768');
    const tabs = await boxes(page, '.manage-tabs button');
    expect(tabs.length).toBeGreaterThan(3);
    expect(outside(tabs, viewport)).toEqual([]);
    expect(overlapping(tabs)).toEqual([]);
    const header = await boxes(page, HEADER);
    expect(outside(header, viewport)).toEqual([]);
    expect(overlapping(header)).toEqual([]);
    await page.context().close();
  });

  it("Orders' New search (F2) empties the box and puts the focus in it", async () => {
    const page = await host.cashierTab('3');
    const box = page.getByTestId('order-search');
    await box.fill('no such customer');
    await box.press('Enter');
    await page.getByTestId('order-none').waitFor();
    await page.getByTestId('order-search-go').focus();
    await page.keyboard.press('F2');
    await expect.poll(() => box.inputValue()).toBe('');
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('order-search');
    expect(await page.getByTestId('order-none').count()).toBe(0);
    await page.context().close();
  });
});
