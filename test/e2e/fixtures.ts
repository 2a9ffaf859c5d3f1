import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sourceRoot } from '../../src-main/paths.ts';

export const artifactsDir = join(sourceRoot, 'test-results');

/** Debian's Chromium; the flags keep it from reaching for the network this machine does not have. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

export interface RunningHost {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts host mode exactly as `npm run serve` does (the real CLI in a child process, its own temp
 * data folder, a free port) and waits for the URL it prints.
 */
export async function startHost(extraArgs: string[] = []): Promise<RunningHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(sourceRoot, 'src-main/host/cli.ts'), '--port', '0', '--data-dir', dataDir, ...extraArgs],
    { cwd: sourceRoot, env: { ...process.env, NODE_ENV: 'test' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host mode did not print its URL:\n${out}`)), 30_000);
    const check = () => {
      const match = /Open (https?:\/\/\S+) in a browser/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host mode exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One procedure called straight over host mode's HTTP API, as a window of its own: it registers
 * (a window on this computer is paired at once) and sends the token it got. For set-up steps
 * such as loading the demo into an empty host; screens and stations use the bridge.
 */
export async function callHostApi(url: string, name: string, input: unknown = {}): Promise<Response> {
  const registered = await fetch(`${url}/window/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Test set-up"}' });
  const { value } = (await registered.json()) as { value: { token: string } };
  return fetch(`${url}/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-marquee-window': value.token }, body: JSON.stringify(input) });
}

/** Screenshots are kept under test-results/ as artifacts of the run. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in at the window as the demo staff do: pick the name, type the PIN on the pad. */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByTestId('staff-member').filter({ hasText: name }).click();
  for (const digit of pin) await page.getByTestId(`pin-${digit}`).click();
  await page.getByTestId('pin-enter').click();
  await page.getByTestId('signed-in-staff').filter({ hasText: name }).waitFor();
}

export const demoCashier = { name: 'Priya Shah', pin: '1111' };
export const demoManager = { name: 'Morgan Hale', pin: '2468' };
