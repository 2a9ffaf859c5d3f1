import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ExportJob } from '../../src-shared/contract/exports.ts';
import { SESSION_HEADER, WINDOW_HEADER } from '../../src-shared/http-bridge.ts';
import { callAs, raw, registeredToken, startTestHost, type TestHost } from '../host/host-client.ts';

let host: TestHost;
let manager: { token: string; session: string };
let cashier: { token: string; session: string };
let job: ExportJob;

async function signedInWindow(role: 'manager' | 'cashier') {
  const token = await registeredToken(host.url, `${role} window`);
  const answer = await callAs(host.url, 'signIn', { staffId: host.people[role].staffId, pin: host.people.pins[role] }, { token });
  if (!answer.session) throw new Error(`no session for the ${role}`);
  return { token, session: answer.session };
}

const call = async (who: { token: string; session: string }, name: string, input: unknown) => (await callAs(host.url, name, input, who)).body;
const get = (path: string, headers: Record<string, string> = {}) => raw(host.url, { path, headers });
const headersOf = (who: { token: string; session: string }) => ({ [WINDOW_HEADER]: who.token, [SESSION_HEADER]: who.session });

beforeAll(async () => {
  host = await startTestHost();
  manager = await signedInWindow('manager');
  cashier = await signedInWindow('cashier');
  const started = await call(manager, 'startExport', { kind: 'orders-csv', filters: { from: '2027-01-01', to: '2027-01-31' } });
  if (!started.ok) throw new Error(started.error.message);
  for (let i = 0; i < 200; i++) {
    const jobs = await call(manager, 'listExportJobs', {});
    job = (jobs.ok ? (jobs.value as ExportJob[]) : [])[0]!;
    if (job?.state === 'done') break;
    await new Promise((r) => setTimeout(r, 25));
  }
});
afterAll(() => host.close());

it('serves a finished export to a signed-in manager once through a one-use link', async () => {
  expect(job.state).toBe('done');
  expect(job.downloadPath).toBe(`/exports/${job.id}/download`);
  const link = await call(manager, 'exportDownloadLink', { jobId: job.id });
  if (!link.ok) throw new Error(link.error.message);
  const { path, fileName } = link.value as { path: string; fileName: string };
  expect(fileName).toBe('orders-2027-01-01-to-2027-01-31.csv');
  const answer = await get(path);
  expect(answer.status).toBe(200);
  expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(answer.headers['content-disposition']).toContain(`filename="${fileName}"`);
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(answer.text.startsWith('\uFEFFOrder number,Order date,')).toBe(true);
  // The link works once.
  expect((await get(path)).status).toBe(401);
  // Generous: under CI's two test files at once this host's first download has taken over 30 s.
}, 90_000);

it("serves it to a manager's window that sends its token and session", async () => {
  const answer = await get(`/exports/${job.id}/download`, headersOf(manager));
  expect(answer.status).toBe(200);
});

it('refuses a cashier, whether asking for a link or sending their session', async () => {
  const link = await call(cashier, 'exportDownloadLink', { jobId: job.id });
  expect(link.ok).toBe(false);
  if (!link.ok) expect(link.error.code).toBe('FORBIDDEN');
  const answer = await get(`/exports/${job.id}/download`, headersOf(cashier));
  expect(answer.status).toBe(403);
  expect((answer.json() as { error: { message: string } }).error.message).toContain('Exports are for managers');
});

it('refuses an anonymous caller, a made-up link, and a link whose manager has signed out', async () => {
  expect((await get(`/exports/${job.id}/download`)).status).toBe(401);
  expect((await get(`/exports/${job.id}/download?ticket=made-up`)).status).toBe(401);
  const link = await call(manager, 'exportDownloadLink', { jobId: job.id });
  if (!link.ok) throw new Error(link.error.message);
  await call(manager, 'signOut', {});
  const answer = await get((link.value as { path: string }).path);
  expect(answer.status).toBe(401);
  expect(answer.text).not.toContain('Order number');
});
