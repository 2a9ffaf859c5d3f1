import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { pairedWindows } from '../../src-main/db/records/schema.ts';
import { hashWindowToken } from '../../src-main/windows/window-token.ts';
import { callAs, probe, registeredToken, startTestHost, type TestHost } from '../host/host-client.ts';

/**
 * A manager revokes a window (its next call gets NOT_PAIRED and its event socket closes), renames
 * windows, lists the sessions open at them and ends one.
 */

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function window(h: TestHost, name: string, who?: { staffId: string; pin: string }) {
  const token = await registeredToken(h.url, name);
  const stationId = h.temp.office.records.select().from(pairedWindows).where(eq(pairedWindows.tokenHash, hashWindowToken(token))).get()!.stationId;
  let session: string | null = null;
  if (who) {
    const answer = await callAs(h.url, 'signIn', { staffId: who.staffId, pin: who.pin }, { token });
    expect(answer.body.ok).toBe(true);
    session = answer.session;
  }
  return {
    token,
    stationId,
    session,
    call: (name: string, input: unknown = {}) => callAs(h.url, name, input, { token, session }),
  };
}

describe('revoking and managing windows', () => {
  it("refuses a revoked window's next call and closes its event socket", async () => {
    host = await startTestHost();
    const { manager, cashier, pins } = host.people;
    const desk = await window(host, 'Manager desk', { staffId: manager.staffId, pin: pins.manager });
    const till = await window(host, 'Till 3', { staffId: cashier.staffId, pin: pins.cashier });
    const socket = probe(host.url);
    expect(await socket.hello(till.token, till.session)).toBe('ready');

    const revoked = await desk.call('revokeWindow', { windowId: till.stationId });
    expect(revoked.body).toMatchObject({ ok: true, value: { windowId: till.stationId, revokedAt: expect.any(Number) } });
    expect(await socket.closed).toEqual({ code: 4403, reason: 'revoked' });
    for (const name of ['currentStaff', 'listStaff', 'pairingStatus', 'listPerformances']) {
      const answer = await till.call(name);
      expect(answer.body, name).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED', details: { reason: 'revoked' } } });
    }
    // Its session ended with it, and a new socket with the old token is refused at hello.
    expect(host.temp.office.records.$client.prepare('select count(*) as n from staff_sessions where station_id = ?').get(till.stationId)).toEqual({ n: 0 });
    expect(await probe(host.url).hello(till.token, till.session)).toEqual({ code: 4403, reason: 'revoked' });
    const listed = await desk.call('listWindows');
    expect(listed.body).toMatchObject({ ok: true });
    const rows = (listed.body as { value: { windowId: string; revokedAt: number | null }[] }).value;
    expect(rows.find((w) => w.windowId === till.stationId)?.revokedAt).toEqual(expect.any(Number));
    expect(rows.find((w) => w.windowId === desk.stationId)?.revokedAt).toBeNull();
  });

  it('lets only a manager revoke, and not the window they are using', async () => {
    host = await startTestHost();
    const { manager, cashier, pins } = host.people;
    const desk = await window(host, 'Manager desk', { staffId: manager.staffId, pin: pins.manager });
    const till = await window(host, 'Till 3', { staffId: cashier.staffId, pin: pins.cashier });
    expect((await till.call('revokeWindow', { windowId: desk.stationId })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await desk.call('revokeWindow', { windowId: desk.stationId })).body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await till.call('currentStaff')).body).toMatchObject({ ok: true, value: { id: cashier.staffId } });
  });

  it('renames a window, lists the sessions open, and ends one', async () => {
    host = await startTestHost();
    const { manager, cashier, pins } = host.people;
    const desk = await window(host, 'Manager desk', { staffId: manager.staffId, pin: pins.manager });
    const till = await window(host, 'Till 3', { staffId: cashier.staffId, pin: pins.cashier });
    const tillSocket = probe(host.url);
    expect(await tillSocket.hello(till.token, till.session)).toBe('ready');

    const renamed = await desk.call('renameWindow', { windowId: till.stationId, name: 'Foyer till' });
    expect(renamed.body).toMatchObject({ ok: true, value: { name: 'Foyer till' } });
    expect((await till.call('getStationInfo')).body).toMatchObject({ ok: true, value: { stationName: 'Foyer till' } });

    const sessions = await desk.call('listSessions');
    expect(sessions.body).toMatchObject({ ok: true });
    const open = (sessions.body as { value: { windowId: string; windowName: string; staffName: string; thisWindow: boolean }[] }).value;
    expect(open.map((s) => [s.windowName, s.staffName, s.thisWindow]).sort()).toEqual([
      ['Foyer till', 'Cass Cashier', false],
      ['Manager desk', 'Mona Manager', true],
    ]);
    expect((await till.call('endSession', { windowId: desk.stationId })).body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await desk.call('endSession', { windowId: till.stationId })).body).toEqual({ ok: true, value: { ended: true } });
    // The till hears that its session changed (so its screen returns to sign-in), and is signed out.
    await tillSocket.heard('staffSessionChanged');
    expect((await till.call('currentStaff')).body).toEqual({ ok: true, value: null });
    expect((await till.call('listPerformances')).body).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
