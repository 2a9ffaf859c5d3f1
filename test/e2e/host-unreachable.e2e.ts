import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runHostCli, type HostCliRun } from '../helpers/host-cli.ts';
import { basketOf, demoCashier, keepScreenshot, queryDatabase, signIn, useBoxOffice } from './box-office.ts';

/*
 * Issue #16, "When the host goes away": the fixture gives the browser; the host this test stops and
 * starts again is its own CLI child, on one data folder and one port, as a venue's host restarts.
 */
const fixture = useBoxOffice();
const dataDir = mkdtempSync(join(tmpdir(), 'marquee-e2e-host-away-'));
let run: HostCliRun | null = null;

afterAll(async () => {
  await run?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A port free now, so the host can be started on it twice. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startOwnHost(port: number, demo: boolean): Promise<string> {
  run = await runHostCli(['--data-dir', dataDir, '--port', String(port), ...(demo ? ['--demo'] : [])], /Open (https?:\/\/\S+) in a browser/, 50_000);
  const url = /Open (https?:\/\/\S+) in a browser/.exec(run.output)?.[1];
  if (!url) throw new Error(`host mode exited with ${run.code}:\n${run.output}`);
  return url;
}

function orderIds(): string[] {
  return queryDatabase<{ id: string }>(dataDir, 'SELECT id FROM orders ORDER BY id').map((row) => row.id);
}

describe('the host goes away and comes back (issue #16)', () => {
  it('the band says so, the sale pressed meanwhile goes once with its key when the host is back, and the screen carries on', { timeout: 150_000 }, async () => {
    const port = await freePort();
    const url = await startOwnHost(port, true);
    const context = await fixture.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    let socketsOpened = 0;
    page.on('websocket', () => void socketsOpened++);
    const sent: { idempotencyKey?: string }[] = [];
    await page.route('**/api/v1/bookSeats', async (route) => {
      sent.push(JSON.parse(route.request().postData() ?? '{}') as { idempotencyKey?: string });
      // While the host is down this fails as the browser would: connection refused.
      await route.continue().catch(() => undefined);
    });
    await page.goto(url);
    await signIn(page, demoCashier.name, demoCashier.pin);
    // The list puts the focus on the next performance (not one already started) once it has loaded.
    await page.locator('[data-testid=performance-row]:focus').waitFor();
    await basketOf(page, 2);
    const ordersBefore = orderIds();
    expect(await page.getByTestId('host-unreachable').count()).toBe(0);

    // The host stops: the band comes, with what still works, what does not, and its own retrying.
    await run!.stop();
    await page.getByTestId('host-unreachable').waitFor();
    const band = await page.getByTestId('host-unreachable').innerText();
    expect(band).toMatch(/host cannot be reached/);
    expect(band).toMatch(/Still works: this screen as it was/);
    expect(band).toMatch(/selling, reserving, printing,\s+searches/);
    await expect.poll(() => page.getByTestId('host-retry').innerText()).toMatch(/Retrying in \d s\./);
    await keepScreenshot(page, 'host-unreachable-band');
    // The basket is still on screen, and the cashier pays by card while the host is away.
    expect(await page.getByTestId('basket-line').count()).toBe(2);
    await page.keyboard.press('c');
    await expect.poll(() => sent.length).toBeGreaterThanOrEqual(1);
    // Tried once, it failed: the screen says it is checking, and the same key waits for the host.
    await page.getByTestId('sale-checking').waitFor();

    // Back on the same data and port: the band goes, the sale completes once.
    const socketsBefore = socketsOpened;
    await startOwnHost(port, false);
    // "Try now" if the band is still there: its own back-off may have found the host already.
    await page.evaluate("document.querySelector('[data-testid=host-try-now]')?.click()");
    await page.getByTestId('host-unreachable').waitFor({ state: 'detached' });
    await page.getByTestId('done-panel').waitFor();
    await keepScreenshot(page, 'host-unreachable-back');
    expect(orderIds().filter((id) => !ordersBefore.includes(id))).toHaveLength(1);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((s) => s.idempotencyKey)).size).toBe(1);
    expect(await page.getByTestId('sold-ticket').count()).toBe(2);
    expect(await page.getByTestId('sale-checking').count()).toBe(0);
    // Events come again over a new socket, without a reload.
    await expect.poll(() => socketsOpened).toBeGreaterThan(socketsBefore);
    await context.close();
  });
});
