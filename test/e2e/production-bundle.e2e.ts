import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { keepScreenshot, latestOrderTickets, printedJobs, useBoxOffice } from './box-office.ts';

// The production bundle (`npm run build:host`: plain node, NODE_ENV=production, no output checks),
// built once for this file into a folder of its own inside the project, where it finds node_modules.
mkdirSync(join(sourceRoot, 'node_modules', '.cache'), { recursive: true });
const bundleDir = mkdtempSync(join(sourceRoot, 'node_modules', '.cache', 'marquee-host-e2e-'));
// Registered before useBoxOffice's own beforeAll, so the bundle exists when the host starts.
beforeAll(() => promisify(execFile)(process.execPath, [join(sourceRoot, 'scripts', 'build-host.mjs'), '--out', bundleDir], { cwd: sourceRoot }), 60_000);
afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

const host = useBoxOffice({ bundle: join(bundleDir, 'marquee-host.mjs') });

describe('the production bundle in Chromium', () => {
  it('signs a cashier in and sells two seats by card, printed', async () => {
    const page = await host.counterPage();
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('data-testid')")).toBe('performance-row');
    await page.keyboard.press('Enter');
    await page.getByTestId('seat-map').waitFor();
    await page.keyboard.press('2');
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2);
    // By card: cash needs a shift opened with a float first.
    await page.keyboard.press('c');
    await page.getByTestId('done-panel').waitFor();
    await keepScreenshot(page, 'production-bundle-sold');
    const tickets = latestOrderTickets(host.dataDir);
    expect(tickets).toHaveLength(2);
    await expect.poll(() => printedJobs(host.dataDir).join('\n'), { timeout: 15_000 }).toContain(tickets[0]!.code);
    await page.context().close();
  });
});
