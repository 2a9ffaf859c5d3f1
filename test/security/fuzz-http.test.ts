import fc from 'fast-check';
import { homedir, tmpdir } from 'node:os';
import { realpathSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src-main/demo/load-demo.ts';
import { startHostServer, type HostServer } from '../../src-main/host/server.ts';
import { sourceRoot } from '../../src-main/paths.ts';
import type { RunningBoxOffice } from '../../src-main/app/compose.ts';
import { procedureNames, type ProcedureName } from '../../src-shared/contract/index.ts';
import { SESSION_HEADER, WINDOW_HEADER } from '../../src-shared/http-bridge.ts';
import { inputFor } from '../helpers/arbitrary-input.ts';
import { contractCalls } from '../helpers/window.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { registeredToken } from '../host/host-client.ts';

/**
 * The bounded fuzz over HTTP (issue #10, "Proof"): a real host server on 127.0.0.1 over a demo box
 * office, three windows with real window tokens (anonymous, a signed-in cashier, a signed-in
 * manager), and for every procedure of the contract inputs derived from its zod schema plus raw
 * malformed bodies. Whatever comes in, every answer is a JSON `{ok, ...}` with a status below 500,
 * never INTERNAL, with no stack trace and no path of this machine; and the host still answers after.
 *
 * The default run is short, for `npm test` (a few samples per procedure and window). A longer one:
 *
 *   MARQUEE_FUZZ_RUNS=200 npx vitest run test/security/fuzz-http.test.ts
 *
 * MARQUEE_FUZZ_SEED=<n> changes the (otherwise fixed) seed, so a CI failure can be replayed exactly:
 * every problem is listed with its procedure, window and input.
 */

const RUNS = Number(process.env.MARQUEE_FUZZ_RUNS ?? 4);
const SEED = Number(process.env.MARQUEE_FUZZ_SEED ?? 10_2026);

/**
 * Never fuzzed: procedures that make this machine connect to an address the input gives (or that
 * an earlier input saved). A fuzz must never send traffic beyond loopback. The central sync dials
 * the MySQL URL it is given or has saved; savePrinter saves a printer address that every printing
 * procedure (test print, status, jobs, sales' tickets) would then connect to, and testPrint prints
 * to one. With savePrinter out, the demo has no printers, so the remaining printing procedures
 * connect nowhere. setPrintApiSettings is out too: it moves the local print API to any port and,
 * with allowLan, opens it on every network interface of this machine.
 */
const NEVER_FUZZED = new Set<ProcedureName>(['configureSync', 'testSyncConnection', 'syncNow', 'savePrinter', 'testPrint', 'setPrintApiSettings']);

/** Bodies no schema would produce, sent raw to every procedure: [content-type, body]. */
const MALFORMED: readonly (readonly [string | null, string])[] = [
  ['application/json', '{"staffId": '],
  ['application/json', '{"limit": 1e400, "amountMinor": -1e400, "seats": 123456789012345678901234567890}'],
  ['application/json', '[{"id": 1}, 2, "three"]'],
  ['application/json', '"just a string"'],
  ['application/json', 'null'],
  ['application/json', '{"__proto__": {"role": "admin"}, "constructor": {"prototype": {"role": "admin"}}}'],
  ['application/json', '['.repeat(20_000) + ']'.repeat(20_000)],
  ['application/json', '\u0000\uFFFF'],
  ['text/plain', '{}'],
  [null, '{}'],
];

interface Answer {
  status: number;
  text: string;
}

/** One browser window of its own: the token the host issued it, and the session secret it holds. */
interface FuzzWindow {
  readonly label: 'anonymous' | 'cashier' | 'manager';
  readonly token: string;
  session: string | null;
  /** Who signs this window in again when the fuzz signed it out (signOut, resetDemo, a revoked session). */
  readonly staff: { name: string; pin: string } | null;
}

let temp: TempBoxOffice;
let boxOffice: RunningBoxOffice | undefined;
let server: HostServer;
let windows: FuzzWindow[];
/** Absolute paths of this machine that no answer may contain. */
let machinePaths: string[];

async function post(window: FuzzWindow, name: string, body: string, contentType: string | null = 'application/json'): Promise<Answer> {
  const headers: Record<string, string> = { [WINDOW_HEADER]: window.token };
  if (contentType) headers['content-type'] = contentType;
  if (window.session) headers[SESSION_HEADER] = window.session;
  const res = await fetch(`${server.url}/api/v1/${name}`, { method: 'POST', headers, body });
  // Like the real bridge: a new secret (sign-in) or an empty one (signed out) replaces the kept one.
  const issued = res.headers.get(SESSION_HEADER);
  if (issued !== null) window.session = issued === '' ? null : issued;
  return { status: res.status, text: await res.text() };
}

/** The window's contract over these raw requests, for the set-up calls that must succeed. */
const contractOf = (window: FuzzWindow) => contractCalls(async (name, input) => JSON.parse((await post(window, name, JSON.stringify(input))).text));

/** Signs the window in again if the fuzz ended its session; the demo's ids change on a reset. */
async function keepSignedIn(window: FuzzWindow): Promise<void> {
  if (!window.staff) return;
  const contract = contractOf(window);
  if ((await contract.call('currentStaff', {})) !== null) return;
  const member = (await contract.call('listStaff', {})).find((p) => p.name === window.staff?.name);
  if (!member) throw new Error(`${window.staff.name} is no longer on the staff list`);
  await contract.call('signIn', { staffId: member.id, pin: window.staff.pin });
}

/** What is wrong with one answer, or null. */
function problemWith(name: string, answer: Answer): string | null {
  if (answer.status >= 500) return `status ${answer.status}`;
  let body: { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    return `not JSON: ${answer.text.slice(0, 120)}`;
  }
  if (typeof body !== 'object' || body === null || typeof body.ok !== 'boolean') return `not an {ok} answer: ${answer.text.slice(0, 120)}`;
  if (!body.ok && (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string')) return `a refusal without code and sentence: ${answer.text.slice(0, 120)}`;
  if (!body.ok && body.error?.code === 'INTERNAL') return `INTERNAL: ${String(body.error.message)}`;
  // Settings shows managers where the data folder is, on purpose; nothing else names a path.
  if (body.ok && name === 'getSettings' && typeof body.value === 'object' && body.value !== null) delete (body.value as { dataDir?: unknown }).dataDir;
  if (body.ok && name === 'getBackupStatus' && typeof body.value === 'object' && body.value !== null) delete (body.value as { folder?: unknown }).folder;
  const shown = JSON.stringify(body);
  if (/\\n\s+at /.test(shown) || /\n\s+at /.test(answer.text)) return `a stack trace: ${answer.text.slice(0, 200)}`;
  const leaked = machinePaths.find((path) => shown.includes(path));
  if (leaked) return `the path ${leaked}: ${shown.slice(0, 200)}`;
  return null;
}

beforeAll(async () => {
  temp = openTempBoxOffice();
  loadDemo(temp.office.records, { now: temp.office.clock.now() });
  // The office's print service listens with its local API on a free loopback port.
  boxOffice = composeForTest(temp.office, { print: { api: { port: 0, host: '127.0.0.1' } } });
  server = await startHostServer({ boxOffice, host: '127.0.0.1', port: 0 });
  machinePaths = [temp.dataDir, realpathSync(temp.dataDir), sourceRoot.replace(/\/$/, ''), `${tmpdir()}/`, '/work/', homedir().length > 1 ? `${homedir()}/` : null].filter(
    (p): p is string => p !== null,
  );
  windows = [];
  for (const [label, staff] of [
    ['anonymous', null],
    ['cashier', { name: 'Priya Shah', pin: '1111' }],
    ['manager', { name: 'Morgan Hale', pin: '2468' }],
  ] as const) {
    const window: FuzzWindow = { label, token: await registeredToken(server.url, `Fuzz ${label}`), session: null, staff };
    await keepSignedIn(window);
    windows.push(window);
  }
});

afterAll(async () => {
  await server?.close();
  await boxOffice?.stop();
  temp?.dispose();
});

describe('the contract over HTTP, fuzzed as anonymous, cashier and manager', () => {
  it(`answers every input with a sentence, never a crash or a path (${RUNS} inputs per procedure and window, seed ${SEED})`, async () => {
    const problems: string[] = [];
    const fuzzed = procedureNames.filter((name) => !NEVER_FUZZED.has(name));
    for (const [index, name] of fuzzed.entries()) {
      const inputs = fc.sample(inputFor(name), { numRuns: RUNS, seed: SEED + index });
      for (const window of windows) {
        for (const input of inputs) {
          const problem = problemWith(name, await post(window, name, JSON.stringify(input)));
          if (problem) problems.push(`${name} as ${window.label} <= ${JSON.stringify(input).slice(0, 300)}: ${problem}`);
        }
        for (const [contentType, body] of MALFORMED) {
          const problem = problemWith(name, await post(window, name, body, contentType));
          if (problem) problems.push(`${name} as ${window.label} <= raw ${contentType} ${JSON.stringify(body.slice(0, 60))}: ${problem}`);
        }
        await keepSignedIn(window);
      }
    }
    expect(problems).toEqual([]);

    // Still answering, and still doing box-office work.
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const [anonymous, cashier] = windows as [FuzzWindow, FuzzWindow, FuzzWindow];
    expect(await contractOf(anonymous).call('getStationInfo', {})).toMatchObject({ mode: 'host' });
    expect(await contractOf(cashier).call('listPerformances', {})).toEqual(expect.any(Array));
  }, 600_000);
});
