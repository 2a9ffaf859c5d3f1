import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceMigrationsRoot, sourceRoot } from '../../src-main/paths.ts';
import { FakePrinter } from '../../src-main/print/fake-printer/fake-printer.ts';
import { decodedTextLines, decodeEscPos } from '../../src-main/print/render/escpos-decoder.ts';
import { openTerminal, type Terminal } from '../../src-main/terminal/terminal-core.ts';
import { makeTempDir } from '../helpers/temp-box-office.ts';
import { freePort, startHostProcess, startNetwork, type HostProcess } from './host-process.ts';
import { cashBasket, must, signInCashier } from './terminal-sale.ts';

/**
 * Two processes, as a venue runs them: host mode (its CLI, --demo, TLS) and a desktop terminal's
 * core. The terminal sells through the host and prints on its own printer; the host prints nothing.
 */

const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x32, 0xfa]);
const textOf = (bytes: Buffer) => decodedTextLines(decodeEscPos(bytes)).join('\n');

let hostDir: string;
let port: number;
let host: HostProcess;
let network: Awaited<ReturnType<typeof startNetwork>>;
const printers: FakePrinter[] = [];
const terminals: Terminal[] = [];

beforeAll(async () => {
  hostDir = makeTempDir('marquee-terminal-host-');
  port = await freePort();
  host = await startHostProcess(hostDir, port);
  network = await startNetwork(port);
}, 90_000);

afterAll(async () => {
  for (const t of terminals) await t.close().catch(() => undefined);
  for (const p of printers) await p.stop();
  await network?.close();
  await host?.stop();
});

const url = () => `https://127.0.0.1:${port}`;
/** Jobs the host's own (simulated) counter printer received. */
const hostJobs = () => (existsSync(join(hostDir, 'fake-printer')) ? readdirSync(join(hostDir, 'fake-printer')).length : 0);
const orderCount = () => {
  const db = new Database(join(hostDir, 'records.sqlite'), { readonly: true });
  try {
    return { orders: db.prepare('SELECT count(*) FROM orders').pluck().get() as number };
  } finally {
    db.close();
  }
};

async function newTerminal(dir = makeTempDir('marquee-terminal-'), afterAnswer?: Parameters<typeof openTerminal>[0]['afterAnswer']): Promise<Terminal> {
  const terminal = await openTerminal({ dataDir: dir, migrationsRoot: sourceMigrationsRoot, version: '0.0.0-test', afterAnswer, retry: { firstMs: 200, maxMs: 1000 } });
  terminals.push(terminal);
  return terminal;
}

async function printerAt(terminal: Terminal): Promise<FakePrinter> {
  const printer = await FakePrinter.start();
  printers.push(printer);
  await terminal.printing.savePrinter({ name: 'Till printer', type: 'epson', interface: printer.uri, widthDots: 576, characterSet: 'PC858_EURO', jobKinds: ['ticket', 'receipt'], drawerPin: 2 });
  return printer;
}

/** The drawer, two tickets and a receipt for this sale: what a cash sale of two seats prints. */
function expectSalePrinted(jobs: Buffer[], sale: { order: { totalMinor: number }; tickets: { code: string }[] }) {
  expect(jobs).toHaveLength(4);
  expect(jobs[0]).toEqual(DRAWER_PULSE);
  const tickets = [textOf(jobs[1]!), textOf(jobs[2]!)];
  for (const { code } of sale.tickets) expect(tickets.filter((t) => t.includes(code))).toHaveLength(1);
  expect(textOf(jobs[3]!).toLowerCase()).toContain('cash');
  expect(textOf(jobs[3]!)).toContain((sale.order.totalMinor / 100).toFixed(2));
}

describe('a desktop terminal joined to a host', () => {
  it('refuses a host whose certificate is not the one the manager read out', async () => {
    const terminal = await newTerminal();
    await expect(terminal.join(url(), host.fingerprint.replace(/^../, '00'), 'Till 9')).rejects.toThrow(/not the fingerprint entered/);
    expect(terminal.host()).toBeNull();
  });

  it('pairs, sells for cash through the host, and prints the tickets, receipt and drawer on its own printer only', async () => {
    const terminal = await newTerminal();
    const printer = await printerAt(terminal);
    const pairing = await terminal.join(url(), host.fingerprint.toLowerCase(), 'Till 2');
    // On the host's own computer a window is paired at once; from another it waits for a manager (test/windows/serve-windows.test.ts).
    expect(pairing).toMatchObject({ phase: 'paired', fingerprint: host.fingerprint });
    await signInCashier(terminal);
    const before = hostJobs();
    const basket = await cashBasket(terminal);
    const sale = await must<{ order: { totalMinor: number }; tickets: { code: string }[]; print: { printed: string; jobSetId: string | null } }>(terminal, 'bookSeats', basket.input);
    // The outcome is this terminal's own queue's, not the host's placeholder.
    expect(sale.print).toMatchObject({ printed: 'queued', jobSetId: expect.any(String) });
    expectSalePrinted(await printer.waitForJobs(4, 20_000), sale);
    await new Promise((r) => setTimeout(r, 500));
    expect(hostJobs()).toBe(before);
    expect(terminal.unsettled()).toEqual([]);
  }, 60_000);

  it('stopped dead after the sale was answered but before printing, prints the sale once when it starts again', async () => {
    const dir = makeTempDir('marquee-terminal-');
    const printer = await FakePrinter.start();
    printers.push(printer);
    const child = spawn(process.execPath, ['--import', 'tsx', join(sourceRoot, 'test/terminal/terminal-child.ts')], {
      cwd: sourceRoot,
      env: { ...process.env, TERMINAL_DIR: dir, HOST_URL: url(), HOST_FINGERPRINT: host.fingerprint, PRINTER_URI: printer.uri },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, s) => resolve(s)));
    expect(signal, output).toBe('SIGKILL');
    expect(output).toMatch(/ANSWERED \S+ 1/);
    expect(printer.jobs).toHaveLength(0);

    const before = hostJobs();
    const terminal = await newTerminal(dir);
    const jobs = await printer.waitForJobs(4, 20_000);
    expect(jobs[0]).toEqual(DRAWER_PULSE);
    expect(terminal.unsettled()).toEqual([]);
    await terminal.close();
    // A second start finds nothing left to print.
    const again = await newTerminal(dir);
    await again.settle();
    await new Promise((r) => setTimeout(r, 800));
    expect(printer.jobs).toHaveLength(4);
    expect(hostJobs()).toBe(before);
  }, 90_000);

  it('the host dies after committing a sale whose answer is lost: when it is back, the terminal settles it by its key, sold and printed once', async () => {
    const terminal = await newTerminal();
    const printer = await printerAt(terminal);
    await terminal.join(url(), host.fingerprint, 'Till 3');
    await signInCashier(terminal);
    const basket = await cashBasket(terminal);
    await new Promise((r) => setTimeout(r, 300)); // the hold's events have gone by
    const ordersBefore = orderCount().orders;
    let died: Promise<void> = Promise.resolve();
    network.loseNextAnswer(() => (died = host.kill()));
    const lost = await terminal.call('bookSeats', basket.input);
    expect(lost).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
    await died;
    expect(terminal.unsettled()).toMatchObject([{ key: basket.input.idempotencyKey, state: 'sent' }]);
    const committed = orderCount();
    // The host had committed the sale before it died: only the answer was lost.
    expect(committed.orders).toBe(ordersBefore + 1);

    host = await startHostProcess(hostDir, port);
    // The terminal retries by itself with back-off; settle() here only waits for it.
    await expect.poll(async () => (await terminal.settle(), terminal.unsettled().length), { timeout: 20_000, interval: 300 }).toBe(0);
    const jobs = await printer.waitForJobs(4, 20_000);
    expect(jobs[0]).toEqual(DRAWER_PULSE);
    const after = orderCount();
    expect(after.orders).toBe(ordersBefore + 1);
    expect(after.orders).toBe(committed.orders);
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.jobs).toHaveLength(4);
  }, 120_000);
});
