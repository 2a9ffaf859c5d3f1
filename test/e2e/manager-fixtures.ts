import Database from 'better-sqlite3';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Page } from 'playwright-core';
import type { InputOf, MarqueeBridge, OutputOf, ProcedureName } from '../../src-shared/contract/index.ts';
import type { AppError, Result } from '../../src-shared/errors.ts';
import { createHttpBridge, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import { demoManager, signIn } from './fixtures.ts';

/** Another box-office window driven through the contract, as a second browser would. */
export interface ContractWindow {
  call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  fail<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<AppError>;
  close(): void;
}

export async function openWindow(url: string, who: { name: string; pin: string }): Promise<ContractWindow> {
  const bridge = createHttpBridge(url, { windowName: `${who.name}'s window`, WebSocket: WebSocket as unknown as WebSocketCtor });
  const raw = <K extends ProcedureName>(name: K, input: InputOf<K>) => (bridge[name] as unknown as (i: InputOf<K>) => Promise<Result<OutputOf<K>>>)(input);
  const window: ContractWindow = {
    async call(name, input) {
      const r = await raw(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    async fail(name, input) {
      const r = await raw(name, input);
      if (r.ok) throw new Error(`${name} should have been refused`);
      return r.error;
    },
    close: () => (bridge as MarqueeBridge & { close(): void }).close(),
  };
  const member = (await window.call('listStaff', {})).find((s) => s.name === who.name);
  if (!member) throw new Error(`no staff member called ${who.name}`);
  await window.call('signIn', { staffId: member.id, pin: who.pin });
  return window;
}

/** Signs the manager in at the page and opens one of their screens by its Alt shortcut's tab. */
export async function openManagerScreen(page: Page, url: string, screenId: string): Promise<void> {
  await page.goto(url);
  await signIn(page, demoManager.name, demoManager.pin);
  await page.getByTestId(`tab-${screenId}`).click();
  await page.getByTestId(`${screenId}-screen`).waitFor();
}

/** One number straight from the host's SQLite file, to check what the screens claim. */
export function countInDatabase(dataDir: string, query: string, ...params: unknown[]): number {
  const db = new Database(join(dataDir, 'records.sqlite'), { readonly: true });
  try {
    return (db.prepare(query).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

/** YYYY-MM-DD of the day `days` from now, for date inputs. */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
