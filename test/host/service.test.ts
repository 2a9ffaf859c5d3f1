import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execFile } from 'node:child_process';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { createHttpBridge, memoryTokenStore, type WebSocketCtor, type WindowTokenStore } from '../../src-shared/http-bridge.ts';
import { sell, seatedPerformances } from '../helpers/sales.ts';
import { bridgeCall, contractCalls } from '../helpers/window.ts';
import { request } from 'node:http';
import { registeredToken, startTestHost } from './host-client.ts';

/**
 * The built host (`npm run build:host`'s bundle, plain node, no tsx, NODE_ENV unset so it runs as
 * production) started as systemd or a Windows service starts it: a log file, SIGTERM to stop.
 * Built once for this file into a folder of its own inside the project (the bundle finds its
 * packages in node_modules, as it does in dist/host).
 */
let bundleDir: string;
let dataDir: string;
let logFile: string;

beforeAll(async () => {
  mkdirSync(join(sourceRoot, 'node_modules', '.cache'), { recursive: true });
  bundleDir = mkdtempSync(join(sourceRoot, 'node_modules', '.cache', 'marquee-host-test-'));
  await promisify(execFile)(process.execPath, [join(sourceRoot, 'scripts', 'build-host.mjs'), '--out', bundleDir], { cwd: sourceRoot });
  dataDir = mkdtempSync(join(tmpdir(), 'marquee-service-'));
  logFile = join(dataDir, 'logs', 'host.log');
}, 60_000);

afterAll(() => {
  rmSync(bundleDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

interface Service {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const log = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');

/** Starts the bundle and waits for the address it writes to its log (a service's only output). */
async function startService(): Promise<Service> {
  const env = { ...process.env };
  delete env.NODE_ENV;
  const args = ['--port', '0', '--data-dir', dataDir, '--demo', '--log-file', logFile, '--log-max-size', '1k', '--log-keep', '2'];
  const child = spawn(process.execPath, [join(bundleDir, 'marquee-host.mjs'), ...args], { cwd: tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  const started = Date.now();
  const before = log().length;
  for (;;) {
    const url = /Open (http:\/\/\S+) in a browser/.exec(log().slice(before))?.[1];
    if (url) return { child, url, exited };
    if (child.exitCode !== null) throw new Error(`the host bundle exited with ${child.exitCode}:\n${output}\n${log()}`);
    if (Date.now() - started > 25_000) throw new Error(`the host bundle wrote no address in 25 s:\n${output}\n${log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function signedInWindow(url: string, tokens: WindowTokenStore) {
  const bridge = createHttpBridge(url, { windowName: 'Service window', tokenStore: tokens, WebSocket: WebSocket as unknown as WebSocketCtor });
  const window = contractCalls(bridgeCall(bridge));
  const staff = await window.call('listStaff', {});
  const cashier = staff.find((s) => s.name === 'Priya Shah')!;
  await window.call('signIn', { staffId: cashier.id, pin: '1111' });
  return { bridge, window };
}

describe('the host bundle run as a service', () => {
  it('serves, stops cleanly on SIGTERM with its database intact, serves the same records again, and logs to a rotated file', async () => {
    const tokens = memoryTokenStore();
    const first = await startService();
    const { bridge, window } = await signedInWindow(first.url, tokens);
    const [performance] = await seatedPerformances(window);
    await sell(window, performance!.id, 2, { name: 'Service Test' });
    bridge.close();
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(log()).toMatch(/SIGTERM: stopping[\s\S]*Host mode stopped; the databases are closed\./);
    // Closed cleanly: SQLite folded its write-ahead log back into the file.
    expect(existsSync(join(dataDir, 'records.sqlite-wal'))).toBe(false);

    const second = await startService();
    const again = await signedInWindow(second.url, tokens);
    const found = await again.window.call('findOrders', { query: 'Service Test' });
    expect(found).toHaveLength(1);
    // SIGHUP (logrotate's "reopen") is heard and the host keeps serving.
    second.child.kill('SIGHUP');
    await expect.poll(log).toMatch(/SIGHUP: log file reopened\./);
    expect(await again.window.call('findOrders', { query: 'Service Test' })).toHaveLength(1);
    again.bridge.close();
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });

    // Two starts wrote more than 1 kB: the log was rotated, and no more than two old files are kept.
    expect(existsSync(`${logFile}.1`)).toBe(true);
    expect(existsSync(`${logFile}.3`)).toBe(false);
    const all = [`${logFile}.2`, `${logFile}.1`, logFile].filter(existsSync).map((f) => readFileSync(f, 'utf8')).join('');
    expect(all.match(/Host mode stopped; the databases are closed\./g)).toHaveLength(2);
  }, 60_000);
});

describe('stopping the host server', () => {
  it('stops accepting at once but answers a call already under way', async () => {
    const host = await startTestHost();
    const token = await registeredToken(host.url);
    const body = JSON.stringify({});
    const answered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${host.url}/api/v1/getStationInfo`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-marquee-window': token } }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', reject);
      // Headers now, the body only once the stop has begun: the call is under way when it comes.
      req.flushHeaders();
      setTimeout(() => {
        const closing = host.server.close();
        setTimeout(() => req.end(body), 200);
        void closing;
      }, 200);
    });
    const answer = await answered;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ ok: true });
    await expect(fetch(`${host.url}/healthz`)).rejects.toThrow();
    await host.close();
  });
});
