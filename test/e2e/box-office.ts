import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Browser, BrowserContext, Page, Response as PlaywrightResponse } from 'playwright-core';
import type { BoxOffice } from '../../src-main/core/box-office.ts';
import { FakePrinter } from '../../src-main/print/fake-printer/fake-printer.ts';
import type { ProcedureName } from '../../src-shared/contract/index.ts';
import { createHttpBridge, type HttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import { bridgeCall, contractCalls, type ContractCalls } from '../helpers/window.ts';
import { artifactsDir, keepScreenshot, launchChromium, signIn } from './browser.ts';
import { startHost, type HostOptions, type RunningHost } from './host.ts';

/*
 * The one fixture of the end-to-end files: a host (the real CLI in a child process, or the same
 * server in this process when a test needs the office), Debian's Chromium, windows opened and
 * signed in at it, windows driven through the contract over HTTP, screenshots, and cleaning up.
 * How to use it: docs/testing.md, and any *.e2e.ts.
 */

export { ActionCounter, holdableEvents, keepScreenshot, signIn, type HeldEvents } from './browser.ts';
export { countInDatabase, jobsWith, latestOrderTickets, printedBytes, printedJobs, printedLines, queryDatabase } from './host-files.ts';
export { holdPriced, reserve, seatedPerformances, sell, unitStates } from '../helpers/sales.ts';

export interface Staff {
  name: string;
  pin: string;
}
export const demoCashier: Staff = { name: 'Priya Shah', pin: '1111' };
export const demoManager: Staff = { name: 'Morgan Hale', pin: '2468' };

/** A browser window: its own context, so its own window token and session at the host. */
export interface WindowOptions {
  /** 1280×800 unless the fixture or the call says otherwise. */
  viewport?: { width: number; height: number };
  /** The computer's time zone and language (Playwright's timezoneId and locale). */
  timezoneId?: string;
  locale?: string;
  /** Runs on the context before its page opens (route sockets, hold events). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
  /**
   * A cashier's window opens a shift (float 100.00) from the Sell screen's prompt right after signing
   * in, when none is open there, so it may take cash (docs/cash-up.md). Default: on for everyone but
   * the demo manager; false for a test of opening shifts itself.
   */
  shift?: boolean;
}

export interface BoxOfficeOptions extends HostOptions {
  /** Defaults for every window this fixture opens. */
  window?: Omit<WindowOptions, 'prepare'>;
  /** More Chromium flags. */
  browserArgs?: string[];
}

/** Another box-office window driven through the contract over HTTP, as a second browser would be. */
export interface ContractWindow extends ContractCalls {
  bridge: HttpBridge;
  close(): void;
}

export interface E2eBoxOffice {
  readonly url: string;
  readonly dataDir: string;
  readonly browser: Browser;
  /** The office, for a host started with `inProcess`. */
  readonly office: BoxOffice;
  /** The host's certificate fingerprint, with `lan`. */
  readonly fingerprint: string | null;
  output(): string;
  /** A new window opened at the host (not signed in). */
  newWindow(options?: WindowOptions): Promise<Page>;
  /** A new window with `who` signed in. */
  signedIn(who?: Staff, options?: WindowOptions): Promise<Page>;
  /** Signed in at the Sell screen once the list has put the focus on the next performance. */
  counterPage(who?: Staff, options?: WindowOptions): Promise<Page>;
  /** Signed in at a cashier tab by its Alt shortcut (2 Collect, 3 Orders, 4 Check-in). */
  cashierTab(key: '2' | '3' | '4', options?: WindowOptions & { who?: Staff }): Promise<Page>;
  /** The manager signed in at one of their screens (its tab id: 'events', 'staff', 'settings', …). */
  managerScreen(screenId: string, options?: WindowOptions): Promise<Page>;
  /** A window signed in through the contract (closed after the file). */
  contract(who?: Staff): Promise<ContractWindow>;
  /** One procedure called by a fresh window nobody signed in at (set-up, or proof of a refusal). */
  callApi(name: ProcedureName, input?: unknown): Promise<Response>;
  /** A simulated network printer (a window adds it at `printer.uri`), filing its jobs in a temp folder; stopped after the file. */
  startPrinter(): Promise<FakePrinter>;
  /** Another host (and its clean-up after the file) sharing this browser. */
  startAnother(options?: HostOptions): Promise<E2eBoxOffice & { stop(): Promise<void> }>;
}

async function openContractWindow(url: string, who: Staff): Promise<ContractWindow> {
  const bridge = createHttpBridge(url, { windowName: 'Setup window', WebSocket: WebSocket as unknown as WebSocketCtor });
  const window: ContractWindow = { ...contractCalls(bridgeCall(bridge)), bridge, close: () => bridge.close() };
  const member = (await window.call('listStaff', {})).find((s) => s.name === who.name);
  if (!member) throw new Error(`no staff member called ${who.name}`);
  await window.call('signIn', { staffId: member.id, pin: who.pin });
  return window;
}

/** Opens a shift from the Sell screen's prompt when the window's first currentShift answer says none is open. */
async function openShiftFromSell(page: Page, answer: PlaywrightResponse | null): Promise<void> {
  if (!answer) return;
  const body = (await answer.json()) as { ok: boolean; value?: { shift: unknown; required: string } };
  if (!body.ok || body.value?.shift || body.value?.required === 'never') return;
  // Back where the window stood before (the list's focus on the next performance) once the shift is open.
  const before = (await page.evaluateHandle('document.activeElement')).asElement();
  await page.getByTestId('shift-prompt-float').fill('100.00');
  await page.getByTestId('shift-prompt-open').click();
  await page.getByTestId('shift-prompt-done').waitFor();
  if (before && (await before.getAttribute('data-testid')) === 'performance-row') await before.focus();
}

function boxOfficeAt(host: RunningHost, browser: Browser, defaults: BoxOfficeOptions['window'], cleanUp: (() => unknown)[]): E2eBoxOffice {
  const office: E2eBoxOffice = {
    url: host.url,
    dataDir: host.dataDir,
    browser,
    get office() {
      if (!host.office) throw new Error('this host runs as the CLI: start it with inProcess to reach the office');
      return host.office;
    },
    fingerprint: host.fingerprint,
    output: host.output,
    async newWindow({ prepare, shift: _shift, ...options } = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...defaults, ...options });
      await prepare?.(context);
      const page = await context.newPage();
      await page.goto(host.url);
      return page;
    },
    async signedIn(who = demoCashier, options) {
      const page = await office.newWindow(options);
      const shiftAnswer = (options?.shift ?? who !== demoManager) ? page.waitForResponse((r) => r.url().endsWith('/currentShift'), { timeout: 15_000 }).catch(() => null) : null;
      await signIn(page, who.name, who.pin);
      if (shiftAnswer) await openShiftFromSell(page, await shiftAnswer);
      return page;
    },
    async counterPage(who, options) {
      const page = await office.signedIn(who, options);
      await page.getByTestId('performance-row').first().waitFor();
      await page.locator('[data-testid=performance-row]:focus').waitFor();
      return page;
    },
    async cashierTab(key, { who, ...options } = {}) {
      const page = await office.signedIn(who, options);
      await page.keyboard.press(`Alt+${key}`);
      return page;
    },
    async managerScreen(screenId, options) {
      const page = await office.signedIn(demoManager, options);
      await page.getByTestId(`tab-${screenId}`).click();
      await page.getByTestId(`${screenId}-screen`).waitFor();
      return page;
    },
    async contract(who = demoCashier) {
      const window = await openContractWindow(host.url, who);
      cleanUp.push(() => window.close());
      return window;
    },
    async callApi(name, input = {}) {
      const registered = await fetch(`${host.url}/window/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Test set-up"}' });
      const { value } = (await registered.json()) as { value: { token: string } };
      return fetch(`${host.url}/api/v1/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-marquee-window': value.token }, body: JSON.stringify(input) });
    },
    async startPrinter() {
      const outDir = mkdtempSync(join(tmpdir(), 'marquee-e2e-printer-'));
      const printer = await FakePrinter.start({ outDir });
      cleanUp.push(async () => {
        await printer.stop();
        rmSync(outDir, { recursive: true, force: true });
      });
      return printer;
    },
    async startAnother(options) {
      const another = await startHost(options);
      cleanUp.push(() => another.stop());
      return Object.assign(boxOfficeAt(another, browser, defaults, cleanUp), { stop: another.stop });
    },
  };
  return office;
}

/** On a failed test: a screenshot of every open window and the host's output, under test-results/. */
async function keepFailureArtifacts(office: E2eBoxOffice, testName: string): Promise<void> {
  const name = `failed-${testName}`.replace(/[^\w-]+/g, '-').slice(0, 80);
  mkdirSync(artifactsDir, { recursive: true });
  writeFileSync(join(artifactsDir, `${name}-host.log`), office.output());
  const pages = office.browser.contexts().flatMap((context) => context.pages());
  await Promise.all(pages.map((page, i) => keepScreenshot(page, `${name}-${i + 1}`).catch(() => undefined)));
}

/**
 * Starts a host and a browser before the file's tests and stops both after them (with every window
 * and contract window opened through it). Call once at the top of an e2e file.
 */
export function useBoxOffice(options: BoxOfficeOptions = {}): E2eBoxOffice {
  let ready: E2eBoxOffice | null = null;
  let host: RunningHost | null = null;
  let browser: Browser | null = null;
  const cleanUp: (() => unknown)[] = [];
  beforeAll(async () => {
    // With HTTPS the browser must know the certificate first; otherwise both start at once.
    if (options.lan) {
      host = await startHost(options);
      browser = await launchChromium({ trustCert: host.cert, args: options.browserArgs });
    } else {
      [host, browser] = await Promise.all([startHost(options), launchChromium({ args: options.browserArgs })]);
    }
    ready = boxOfficeAt(host, browser, options.window, cleanUp);
  });
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(() => (ready ? keepFailureArtifacts(ready, `${basename(task.file.name, '.e2e.ts')}-${task.name}`) : undefined));
  });
  afterAll(async () => {
    for (const step of cleanUp.splice(0).reverse()) await step();
    await browser?.close();
    await host?.stop();
  });
  return readyInBeforeAll(() => ready);
}

/** An object a beforeAll makes, usable from the file's top: every use inside hooks and tests reaches it. */
function readyInBeforeAll<T extends object>(made: () => T | null): T {
  return new Proxy({} as T, {
    get(_, key) {
      const value = made();
      if (!value) throw new Error('this is made in beforeAll: use it inside hooks and tests');
      return Reflect.get(value, key);
    },
  });
}

/** A window signed in through the contract for the whole file (the demo cashier unless `who`), opened once the host is up. */
export function useContractWindow(host: E2eBoxOffice, who: Staff = demoCashier): ContractWindow {
  let window: ContractWindow | null = null;
  beforeAll(async () => {
    window = await host.contract(who);
  });
  return readyInBeforeAll(() => window);
}

/** At the Sell screen: opens the focused performance and takes the best `n` seats by the digit key, as a cashier does, until they are priced in the basket. */
export async function basketOf(page: Page, n: number): Promise<void> {
  await page.keyboard.press('Enter');
  await page.getByTestId('seat-map').waitFor();
  await page.keyboard.press(String(n));
  await expect.poll(() => page.getByTestId('basket-line').count()).toBe(n);
  await page.locator('[data-testid=band-select] option:checked').first().waitFor({ state: 'attached' });
}

/** How an Orders screen test finds an order: F2, the search, Enter, until that order's detail shows. */
export async function findOrder(page: Page, query: string, orderId: string): Promise<void> {
  await page.keyboard.press('F2');
  await page.getByTestId('order-search').fill(query);
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid=order-detail][data-order-id="${orderId}"]`).waitFor();
}
