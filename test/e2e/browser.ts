import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { sourceRoot } from '../../src-main/paths.ts';

/** Screenshots and logs of a run are kept here. */
export const artifactsDir = join(sourceRoot, 'test-results');

/**
 * Chromium is told to accept exactly this certificate's key (by the SHA-256 of its public key), not
 * every certificate: a window that got another certificate would still fail, as a browser at the
 * venue would warn.
 */
function spkiPin(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/** Debian's Chromium; the flags keep it from reaching for the network this machine does not have. */
export async function launchChromium(options: { trustCert?: string | null; args?: string[] } = {}): Promise<Browser> {
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
      ...(options.trustCert ? [`--ignore-certificate-errors-spki-list=${spkiPin(options.trustCert)}`] : []),
      ...(options.args ?? []),
    ],
  });
}

/** Screenshots are kept under test-results/ as artifacts of the run. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in at the window as the staff do: pick the name, type the PIN on the pad. */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByTestId('staff-member').filter({ hasText: name }).click();
  for (const digit of pin) await page.getByTestId(`pin-${digit}`).click();
  await page.getByTestId('pin-enter').click();
  await page.getByTestId('signed-in-staff').filter({ hasText: name }).waitFor();
}

/** Counts what the cashier does: every click and key press the test makes goes through here. */
export class ActionCounter {
  count = 0;
  readonly log: string[] = [];

  async press(page: Page, key: string): Promise<void> {
    this.count++;
    this.log.push(`key ${key}`);
    await page.keyboard.press(key);
  }

  async click(target: Locator, what = 'click'): Promise<void> {
    this.count++;
    this.log.push(what);
    await target.click();
  }
}

/** A window's event socket whose messages from the host can be held back, as a slow network would. */
export interface HeldEvents {
  /** From now on, the host's events wait here. */
  hold(): void;
  /** Delivers what waited, in order, and lets the next ones through. */
  release(): void;
}

/** Routes the context's event sockets through the test (before its page opens), passing everything on until held. */
export async function holdableEvents(context: BrowserContext): Promise<HeldEvents> {
  let holding = false;
  const sockets: { deliver(message: string | Buffer): void; waiting: (string | Buffer)[] }[] = [];
  await context.routeWebSocket(/\/events$/, (ws) => {
    const host = ws.connectToServer();
    const socket = { deliver: (message: string | Buffer) => ws.send(message), waiting: [] as (string | Buffer)[] };
    sockets.push(socket);
    host.onMessage((message) => (holding ? socket.waiting.push(message) : socket.deliver(message)));
    ws.onMessage((message) => host.send(message));
  });
  return {
    hold: () => void (holding = true),
    release() {
      holding = false;
      for (const socket of sockets) for (const message of socket.waiting.splice(0)) socket.deliver(message);
    },
  };
}
