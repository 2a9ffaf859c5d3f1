import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { demoCashier, signIn } from './fixtures.ts';
import { decodeEscPos, decodedTextLines } from '../../src-main/print/render/index.ts';

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

/** Each job the demo's simulated printer received (<dataDir>/fake-printer/NNNN.bin), decoded to text. */
export function printedJobs(dataDir: string): string[] {
  const dir = join(dataDir, 'fake-printer');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((f) => decodedTextLines(decodeEscPos(readFileSync(join(dir, f)))).join('\n'));
}

/** The raw bytes of each printed job, in order. */
export function printedBytes(dataDir: string): Buffer[] {
  const dir = join(dataDir, 'fake-printer');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.bin'))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

/** The tickets (code, seat label) the host's SQLite holds for the latest order. */
export function latestOrderTickets(dataDir: string): { orderId: string; code: string; label: string; bandName: string }[] {
  const db = new Database(join(dataDir, 'records.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `select t.order_id as orderId, t.code as code, t.band_name as bandName, s.zone || ' ' || s.row || '-' || s.number as label
         from tickets t join units u on u.id = t.unit_id left join plan_seats s on s.id = u.seat_id
         where t.order_id = (select id from orders order by created_at desc, id desc limit 1) order by t.unit_id`,
      )
      .all() as { orderId: string; code: string; label: string; bandName: string }[];
  } finally {
    db.close();
  }
}

/**
 * A fresh window of its own (context) signed in at the Sell screen, once the performance list has
 * put the focus on the next performance, so the first key a test presses lands where a cashier's would.
 */
export async function counterPage(
  browser: Browser,
  url: string,
  who: { name: string; pin: string } = demoCashier,
  viewport = { width: 1280, height: 800 },
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(url);
  await signIn(page, who.name, who.pin);
  await page.getByTestId('performance-row').first().waitFor();
  await page.locator('[data-testid=performance-row]:focus').waitFor();
  return page;
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
