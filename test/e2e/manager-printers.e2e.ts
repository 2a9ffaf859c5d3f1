import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FakePrinter } from '../../src-main/print/fake-printer/fake-printer.ts';
import { decodeEscPos } from '../../src-main/print/render/index.ts';
import { createHttpBridge } from '../../src-shared/http-bridge.ts';
import { demoCashier, demoManager, keepScreenshot, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();
let fake: FakePrinter;

beforeAll(async () => {
  fake = await host.startPrinter();
});

async function openPrinters(): Promise<Page> {
  const page = await host.signedIn(demoManager);
  await page.keyboard.press('Alt+7');
  await page.getByRole('heading', { name: /Printers/ }).waitFor();
  return page;
}

describe('Printers screen (manager)', () => {
  it('adds the fake printer, test prints on it and shows it ready; shows and replaces the API token', async () => {
    const page = await openPrinters();
    await page.getByTestId('printer-add').click();
    await page.getByTestId('printer-name').fill('Box office printer');
    await page.getByTestId('printer-interface').fill(fake.uri);
    await page.getByTestId('printer-default-ticket').selectOption('ticket-80mm');
    await page.getByTestId('printer-drawer').selectOption('2');
    await keepScreenshot(page, 'manager-printers-form');
    await page.getByTestId('printer-save').click();
    const row = page.getByTestId('printer-row').filter({ hasText: 'Box office printer' });
    await row.waitFor();

    await row.getByTestId('printer-test').click();
    await expect.poll(() => page.getByTestId('printers-message').getAttribute('role')).toBe('status');
    const [job] = await fake.waitForJobs(1);
    const heading = decodeEscPos(job!).ops.flatMap((op) => (op.op === 'text' ? op.runs : [])).find((r) => r.text.includes('Marquee test print'));
    expect(heading?.style.height).toBe(2);
    await expect.poll(() => row.getByTestId('printer-status').textContent()).toMatch(/Ready/);
    await page.getByTestId('job-row').filter({ hasText: 'Test print on Box office printer' }).filter({ hasText: 'Printed' }).waitFor();

    const token = page.getByTestId('api-token');
    expect(await token.textContent()).toMatch(/^•+$/);
    await page.getByTestId('api-token-show').click();
    const before = await token.textContent();
    expect(before).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(Number(await page.getByTestId('api-port').textContent())).toBeGreaterThan(0);
    await page.getByTestId('api-token-rotate').click();
    await expect.poll(() => token.textContent()).not.toBe(before);
    await page.getByTestId('api-token-show').click();
    await keepScreenshot(page, 'manager-printers');

    // Edit: the form comes back filled, and the change is kept.
    await row.getByTestId('printer-edit').click();
    expect(await page.getByTestId('printer-interface').inputValue()).toBe(fake.uri);
    await page.getByTestId('printer-width').selectOption('384');
    await page.getByTestId('printer-save').click();
    await row.filter({ hasText: '58 mm' }).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await keepScreenshot(page, 'manager-printers-1080p');
    await page.close();
  });

  it('refuses a cashier the manager-only printing procedures through the contract, but lets them read printers', async () => {
    const bridge = createHttpBridge(host.url);
    try {
      const staff = await bridge.listStaff({});
      if (!staff.ok) throw new Error(staff.error.message);
      const cashier = staff.value.find((s) => s.name === demoCashier.name)!;
      expect((await bridge.signIn({ staffId: cashier.id, pin: demoCashier.pin })).ok).toBe(true);
      expect(await bridge.getPrintApiSettings({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await bridge.rotatePrintApiToken({})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      const printers = await bridge.listPrinters({});
      expect(printers.ok && printers.value.map((p) => p.name)).toContain('Box office printer');
      const sneaky = await bridge.savePrinter({ name: 'Sneaky', type: 'epson', interface: fake.uri, widthDots: 576, characterSet: 'PC858_EURO', jobKinds: ['ticket'], drawerPin: null });
      expect(sneaky).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      bridge.close();
    }

    // The cashier does not see the Printers tab at all.
    const page = await host.signedIn(demoCashier);
    expect(await page.getByTestId('tab-printers').count()).toBe(0);
    await page.close();
  });
});
