import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { pairedWindows, stations } from '../../src-main/db/records/schema.ts';
import { SessionStore } from '../../src-main/staff/sessions.ts';
import { hashWindowToken } from '../../src-main/windows/window-token.ts';
import { callAs, registeredToken, startTestHost, type TestHost } from '../host/host-client.ts';

/**
 * Finding: the station id was the only credential and it leaked; sending another window's id as
 * `x-marquee-station` acted as whoever was signed in there (a cashier made themselves a manager),
 * and callers with no header all shared the host's own station. Now the host names the window by a
 * token it issued; station ids and session secrets from elsewhere get nothing.
 */

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

function stationOf(h: TestHost, token: string): string {
  return h.temp.office.records.select().from(pairedWindows).where(eq(pairedWindows.tokenHash, hashWindowToken(token))).get()!.stationId;
}

async function signIn(h: TestHost, token: string, staffId: string, pin: string): Promise<string> {
  const answer = await callAs(h.url, 'signIn', { staffId, pin }, { token });
  expect(answer.body.ok).toBe(true);
  return answer.session!;
}

const newManager = { name: 'Mallory', role: 'manager', pin: '9999' };

describe('window tokens, not station ids, say which window is calling', () => {
  it("gives a cashier nothing through the manager window's station id", async () => {
    host = await startTestHost();
    const { cashier, manager, pins } = host.people;
    const managerToken = await registeredToken(host.url, 'Manager desk');
    await signIn(host, managerToken, manager.staffId, pins.manager);
    const cashierToken = await registeredToken(host.url, 'Counter 2');
    const cashierSession = await signIn(host, cashierToken, cashier.staffId, pins.cashier);

    const leakedStation = stationOf(host, managerToken);
    const asCashier = { token: cashierToken, session: cashierSession, headers: { 'x-marquee-station': leakedStation } };
    const who = await callAs(host.url, 'currentStaff', {}, asCashier);
    expect(who.body).toMatchObject({ ok: true, value: { id: cashier.staffId, role: 'cashier' } });
    const escalate = await callAs(host.url, 'addStaff', newManager, asCashier);
    expect(escalate.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Without a token the station id is worth nothing at all.
    const bare = await callAs(host.url, 'addStaff', newManager, { headers: { 'x-marquee-station': leakedStation } });
    expect(bare.status).toBe(403);
    expect(bare.body).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED', details: { reason: 'missing' } } });
    expect(host.temp.office.records.$client.prepare("select count(*) as n from staff where name = 'Mallory'").get()).toEqual({ n: 0 });
  });

  it("gives nothing to another window's session secret presented with a different window token", async () => {
    host = await startTestHost();
    const { manager, pins } = host.people;
    const managerToken = await registeredToken(host.url);
    const managerSession = await signIn(host, managerToken, manager.staffId, pins.manager);
    const otherToken = await registeredToken(host.url);
    const stolen = await callAs(host.url, 'addStaff', newManager, { token: otherToken, session: managerSession });
    expect(stolen.body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const who = await callAs(host.url, 'currentStaff', {}, { token: otherToken, session: managerSession });
    expect(who.body).toEqual({ ok: true, value: null });
    // The manager's own window is untouched by the attempt.
    const still = await callAs(host.url, 'currentStaff', {}, { token: managerToken, session: managerSession });
    expect(still.body).toMatchObject({ ok: true, value: { id: manager.staffId } });
  });

  it("no longer lets callers without a token share the host's own station", async () => {
    host = await startTestHost();
    // Someone signed in at the host's own station (the desktop's window, say) ...
    const ownStation = host.temp.office.identity.id;
    const secret = new SessionStore(host.temp.office.records, host.temp.office.clock).start(ownStation, host.people.manager.staffId);
    // ... is not reachable by a caller who sends no token, even with that session's secret.
    for (const name of ['currentStaff', 'listStaff', 'getStationInfo', 'addStaff']) {
      const answer = await callAs(host.url, name, name === 'addStaff' ? newManager : {}, { session: secret });
      expect(answer.status, name).toBe(403);
      expect(answer.body, name).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED' } });
    }
  });

  it('refuses tokens it never issued, whatever their shape', async () => {
    host = await startTestHost();
    const before = host.temp.office.records.select().from(stations).all().length;
    for (const token of ['A'.repeat(43), 'not a token', 'x'.repeat(5000), '01HZZZZZZZZZZZZZZZZZZZZZZZ']) {
      const answer = await callAs(host.url, 'listStaff', {}, { token });
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED', details: { reason: 'unknown' } } });
    }
    expect(host.temp.office.records.select().from(stations).all().length).toBe(before);
  });
});
