import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { openBoxOffice } from '../src-main/core/box-office.ts';
import { seatingPlans } from '../src-main/db/records/schema.ts';
import { sourceMigrationsRoot, sourceRoot } from '../src-main/paths.ts';
import { launchChromium, signIn } from '../test/e2e/browser.ts';
import { runHostCli } from '../test/helpers/host-cli.ts';
import { seedShow, seedStaff } from '../test/sales/fixtures.ts';
import { median, row, type BenchArea } from './types.ts';

const RUNS = 7;

/** Runs a function given as source text in the page (this file is type-checked without the DOM). */
function inPage<T>(page: Page, fn: string, arg?: unknown): Promise<T> {
  return page.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

/** A data folder with one 2,000-seat performance (40 rows of 50) and a cashier, Cass (PIN 1111). */
function seedBigHouse(dataDir: string): void {
  const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'bench' });
  try {
    const show = seedShow(office, { rows: 40, seatsPerRow: 50, standing: 0 });
    office.records.update(seatingPlans).set({ width: 1560, height: 1200 }).where(eq(seatingPlans.id, show.planId)).run();
    seedStaff(office);
  } finally {
    office.close();
  }
}

async function startHostOn(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const run = await runHostCli(['--data-dir', dataDir], /Open (http:\/\/\S+) in a browser/, 60_000);
  const url = /Open (http:\/\/\S+) in a browser/.exec(run.output)?.[1];
  if (!url) throw new Error(`host mode did not start:\n${run.output}`);
  return { url, stop: () => run.stop() };
}

/** Performance list → seat map, timed in the page from the click to the frame after 2,000 seats are in. */
async function mapFirstPaint(page: Page): Promise<number> {
  return inPage<number>(page, `async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const t0 = performance.now();
    document.querySelector('[data-testid=performance-row]').click();
    while (document.querySelectorAll('[data-testid=seat]').length < 2000) await frame();
    await frame();
    return performance.now() - t0;
  }`);
}

/** The same 2,000 circles put into a bare page's SVG: what drawing them costs with no app at all. */
async function bareCirclesPaint(page: Page): Promise<number> {
  return inPage<number>(page, `async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    document.body.innerHTML = '';
    const t0 = performance.now();
    let circles = '';
    for (let r = 0; r < 40; r++) for (let n = 1; n <= 50; n++) circles += '<g><title>S ' + r + '-' + n + '</title><circle cx="' + n * 30 + '" cy="' + r * 30 + '" r="10" fill="#c00"/></g>';
    document.body.innerHTML = '<svg viewBox="0 0 1560 1200" style="width:100%;height:600px">' + circles + '</svg>';
    await frame();
    await frame();
    return performance.now() - t0;
  }`);
}

/** A click on a free seat until it is drawn as "in this basket" (before the core answers). */
async function clickToSelected(page: Page, nth: number): Promise<number> {
  return inPage<number>(page, `async (nth) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const seat = document.querySelectorAll('[data-testid=seat][data-look=available]')[nth];
    const unit = seat.getAttribute('data-unit');
    const box = seat.getBoundingClientRect();
    const at = { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, button: 0, pointerId: 1, isPrimary: true };
    const target = seat.querySelector('circle');
    const t0 = performance.now();
    target.dispatchEvent(new PointerEvent('pointerdown', at));
    target.dispatchEvent(new PointerEvent('pointerup', at));
    while (document.querySelector('[data-unit="' + unit + '"]')?.getAttribute('data-look') !== 'mine') await frame();
    await frame();
    return performance.now() - t0;
  }`, nth);
}

/** The floor for a click: a handler changing one circle's fill, until the next frame shows it. */
async function bareClickPaint(page: Page): Promise<number> {
  return inPage<number>(page, `async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const circle = document.querySelectorAll('circle')[500];
    circle.addEventListener('pointerdown', () => circle.setAttribute('fill', '#111'), { once: true });
    const t0 = performance.now();
    circle.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await frame();
    return performance.now() - t0;
  }`);
}

/**
 * Station A takes a seat; station B's window watches that seat's element. Both pages run in one
 * browser on one machine, so Date.now() is the same clock on both sides.
 */
async function remoteChange(a: Page, b: Page, nth: number): Promise<number> {
  const unit = await inPage<string>(a, `(nth) => document.querySelectorAll('[data-testid=seat][data-look=available]')[nth].getAttribute('data-unit')`, nth);
  const seen = inPage<number>(
    b,
    `(unit) => new Promise((resolve) => {
      const check = () => {
        if (document.querySelector('[data-unit="' + unit + '"]')?.getAttribute('data-look') !== 'held') return false;
        requestAnimationFrame(() => resolve(Date.now()));
        return true;
      };
      if (check()) return;
      const observer = new MutationObserver(() => check() && observer.disconnect());
      observer.observe(document.querySelector('[data-testid=seat-map]'), { subtree: true, attributes: true, childList: true });
    })`,
    unit,
  );
  const started = await inPage<number>(
    a,
    `(unit) => {
      const target = document.querySelector('[data-unit="' + unit + '"] circle');
      const box = target.getBoundingClientRect();
      const at = { bubbles: true, clientX: box.x + box.width / 2, clientY: box.y + box.height / 2, button: 0, pointerId: 1, isPrimary: true };
      const t = Date.now();
      target.dispatchEvent(new PointerEvent('pointerdown', at));
      target.dispatchEvent(new PointerEvent('pointerup', at));
      return t;
    }`,
    unit,
  );
  return (await seen) - started;
}

/** The transport's own floor: a no-op procedure (station info) over HTTP from the page. */
async function noopRoundTrip(page: Page): Promise<number> {
  return inPage<number>(page, `async () => {
    const t0 = performance.now();
    await (await fetch('/api/v1/getStationInfo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
    return performance.now() - t0;
  }`);
}

export const cashierUiBench: BenchArea = {
  area: 'cashier-ui',
  async run() {
    spawnSync(process.execPath, [join(sourceRoot, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.renderer.config.ts'], { cwd: sourceRoot, stdio: 'ignore' });
    const dataDir = mkdtempSync(join(tmpdir(), 'marquee-bench-ui-'));
    seedBigHouse(dataDir);
    const [browser, host] = await Promise.all([launchChromium(), startHostOn(dataDir)]);
    try {
      const open = async () => {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.goto(host.url);
        await signIn(page, 'Cass Cashier', '1111');
        await page.getByTestId('performance-row').first().waitFor();
        return page;
      };
      const [a, b] = await Promise.all([open(), open()]);

      const paints: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        paints.push(await mapFirstPaint(a));
        await a.getByTestId('back').click();
        await a.getByTestId('performance-row').first().waitFor();
      }
      await a.getByTestId('performance-row').first().click();
      await b.getByTestId('performance-row').first().click();
      await Promise.all([a.getByTestId('seat-map').waitFor(), b.getByTestId('seat-map').waitFor()]);

      const clicks: number[] = [];
      for (let i = 0; i < RUNS; i++) clicks.push(await clickToSelected(a, 100 + i * 40));
      const remote: number[] = [];
      for (let i = 0; i < RUNS; i++) remote.push(await remoteChange(a, b, 900 + i * 40));
      const noop: number[] = [];
      for (let i = 0; i < RUNS; i++) noop.push(await noopRoundTrip(b));

      const bare = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const barePaints: number[] = [];
      const bareClicks: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        barePaints.push(await bareCirclesPaint(bare));
        bareClicks.push(await bareClickPaint(bare));
      }

      const paint = median(paints);
      const click = median(clicks);
      const seen = median(remote);
      return [
        row('seat map of 2,000 seats, click to first paint (floor: bare SVG of 2,000 circles)', paint, 'ms', median(barePaints), '<= 300 ms', (v) => v <= 300),
        row('click on a seat until drawn selected (floor: a handler recolouring one circle)', click, 'ms', median(bareClicks), '<= 50 ms', (v) => v <= 50),
        row("another station's hold visible on this map (floor: no-op procedure round trip)", seen, 'ms', median(noop), '<= 1000 ms', (v) => v <= 1000),
      ];
    } finally {
      await browser.close();
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
