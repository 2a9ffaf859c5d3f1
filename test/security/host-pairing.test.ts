import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src-main/core/clock.ts';
import { procedureNames } from '../../src-shared/contract/index.ts';
import type { HttpBridge } from '../../src-shared/http-bridge.ts';
import { seedShow } from '../sales/fixtures.ts';
import { bridgeFor, callAs, probe, register, signedIn, startTestHost, type TestHost } from '../host/host-client.ts';

/**
 * Windows on other computers are paired, not just accepted: with --lan a window from another
 * address waits with a code, can ask nothing but its pairing status, and works once a signed-in
 * manager approves the code. The tests play "another computer" over loopback by giving the host
 * no local client addresses; the manager's counter is a second server on the same box office
 * that does count loopback as this computer.
 */

let host: TestHost | null = null;
const bridges: HttpBridge[] = [];
afterEach(async () => {
  for (const b of bridges.splice(0)) b.close();
  await host?.close();
  host = null;
});

async function lanAndCounter(clock?: ManualClock): Promise<{ lan: string; counter: string; h: TestHost }> {
  host = await startTestHost({ localClientAddresses: [], ...(clock ? { clock } : {}) });
  const counter = await host.alsoServe();
  return { lan: host.url, counter: counter.url, h: host };
}

async function managerAt(url: string, h: TestHost): Promise<HttpBridge> {
  const bridge = await signedIn(url, h.people.manager.staffId, h.people.pins.manager, 'Manager desk');
  bridges.push(bridge);
  return bridge;
}

describe('pairing windows from other computers', () => {
  it('gives an unpaired window NOT_PAIRED for everything but its pairing status', async () => {
    const { lan, h } = await lanAndCounter();
    const registered = await register(lan, 'Bar counter');
    expect(registered).toMatchObject({ ok: true, value: { state: 'pending', pairingCode: expect.stringMatching(/^\d{6}$/), windowName: 'Bar counter' } });
    if (!registered.ok) return;
    const { token, pairingCode } = registered.value;
    for (const name of procedureNames.filter((n) => n !== 'pairingStatus')) {
      const answer = await callAs(lan, name, {}, { token });
      expect(answer.status, name).toBe(403);
      expect(answer.body, name).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED', details: { reason: 'pending', pairingCode } } });
    }
    const status = await callAs(lan, 'pairingStatus', {}, { token });
    expect(status.body).toMatchObject({ ok: true, value: { state: 'pending', pairingCode, windowName: 'Bar counter' } });
    // No sign-in happened, and the waiting window's event socket is refused.
    expect(h.temp.office.records.$client.prepare('select count(*) as n from staff_sessions').get()).toEqual({ n: 0 });
    const socket = probe(lan);
    expect(await socket.hello(token)).toEqual({ code: 4403, reason: 'pending' });
  });

  it('pairs the window once a manager approves its code; then a cashier sells there', async () => {
    const { lan, counter, h } = await lanAndCounter();
    const show = seedShow(h.temp.office, { rows: 2, seatsPerRow: 5, standing: 0 });
    const bar = bridgeFor(lan, 'Bar counter');
    bridges.push(bar);
    const first = await bar.listStaff({});
    expect(first).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED', details: { reason: 'pending' } } });
    const shown = bar.pairing.current();
    expect(shown).toMatchObject({ phase: 'pending', pairingCode: expect.stringMatching(/^\d{6}$/) });

    // A cashier cannot approve; a wrong code finds nothing; the manager's code does.
    const cashierDesk = await signedIn(counter, h.people.cashier.staffId, h.people.pins.cashier);
    bridges.push(cashierDesk);
    expect(await cashierDesk.approvePairing({ code: shown.pairingCode! })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const manager = await managerAt(counter, h);
    const requests = await manager.listPairingRequests({});
    expect(requests).toMatchObject({ ok: true, value: [{ code: shown.pairingCode, name: 'Bar counter', address: expect.stringMatching(/127\.0\.0\.1/) }] });
    const wrong = shown.pairingCode === '000000' ? '000001' : '000000';
    expect(await manager.approvePairing({ code: wrong })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const approved = await manager.approvePairing({ code: shown.pairingCode!, name: 'Bar till' });
    expect(approved).toMatchObject({ ok: true, value: { name: 'Bar till', kind: 'lan', approvedBy: 'Mona Manager', revokedAt: null } });

    expect(await bar.pairing.refresh()).toMatchObject({ phase: 'paired', pairingCode: null, windowName: 'Bar till' });
    expect((await bar.signIn({ staffId: h.people.cashier.staffId, pin: h.people.pins.cashier })).ok).toBe(true);
    const hold = await bar.holdSeats({ performanceId: show.performanceId, unitIds: show.seatUnitIds.slice(0, 2) });
    if (!hold.ok) throw new Error(hold.error.message);
    const lines = hold.value.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult }));
    const sold = await bar.bookSeats({ holdId: hold.value.holdId, lines, payments: [{ method: 'card', amountMinor: 5000 }] });
    expect(sold.ok).toBe(true);
    const windows = await manager.listWindows({});
    expect(windows.ok && windows.value.map((w) => w.name)).toContain('Bar till');
  });

  it('lets a request expire unapproved, leaving no rows behind; the bridge asks again by itself', async () => {
    const clock = new ManualClock(Date.UTC(2027, 0, 10, 12));
    const { lan, h } = await lanAndCounter(clock);
    const count = (table: string) => (h.temp.office.records.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const stationsBefore = count('stations');
    const bar = bridgeFor(lan, 'Bar counter');
    bridges.push(bar);
    await bar.pairing.refresh();
    const firstCode = bar.pairing.current().pairingCode;
    expect(bar.pairing.current().phase).toBe('pending');
    expect(count('stations')).toBe(stationsBefore + 1);

    clock.advance(11 * 60_000);
    const status = await bar.pairingStatus({});
    // The host forgot the expired request (and its station row); the bridge registered again.
    expect(status).toMatchObject({ ok: true, value: { state: 'pending', pairingCode: expect.stringMatching(/^\d{6}$/) } });
    expect(count('paired_windows')).toBe(1);
    expect(count('stations')).toBe(stationsBefore + 1);
    expect(bar.pairing.current().pairingCode).toBe(status.ok ? status.value.pairingCode : null);
    expect(typeof firstCode).toBe('string');
  });

  it('pairs a browser on this computer without any step', async () => {
    host = await startTestHost();
    const here = bridgeFor(host.url);
    bridges.push(here);
    expect(await here.pairingStatus({})).toMatchObject({ ok: true, value: { state: 'paired', pairingCode: null } });
    expect((await here.signIn({ staffId: host.people.cashier.staffId, pin: host.people.pins.cashier })).ok).toBe(true);
  });
});
