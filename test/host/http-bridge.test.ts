import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHttpBridge, memoryTokenStore, type HttpBridge, type PairingState, type WebSocketCtor } from '../../src-shared/http-bridge.ts';
import { bridgeFor, signedIn, startTestHost, type TestHost } from './host-client.ts';

/**
 * The renderer's host-mode client: it registers by itself, keeps its token where it is told,
 * registers again when the host no longer knows the token, and says where the window stands for
 * the pairing screen.
 */

let host: TestHost | null = null;
const bridges: HttpBridge[] = [];
afterEach(async () => {
  for (const b of bridges.splice(0)) b.close();
  await host?.close();
  host = null;
});

function until(bridge: HttpBridge, test: (state: PairingState) => boolean): Promise<PairingState> {
  return new Promise((resolve) => {
    if (test(bridge.pairing.current())) return resolve(bridge.pairing.current());
    const stop = bridge.pairing.subscribe((state) => {
      if (!test(state)) return;
      stop();
      resolve(state);
    });
  });
}

describe('the host-mode bridge', () => {
  it('keeps its token in the store it is given, so a reload is the same window', async () => {
    host = await startTestHost();
    const store = memoryTokenStore();
    const first = createHttpBridge(host.url, { tokenStore: store, windowName: 'Till 1' });
    bridges.push(first);
    expect((await first.getStationInfo({})).ok).toBe(true);
    const token = store.read();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = createHttpBridge(host.url, { tokenStore: store });
    bridges.push(again);
    expect(await again.getStationInfo({})).toMatchObject({ ok: true, value: { stationName: 'Till 1' } });
    expect(store.read()).toBe(token);
    // The session secret is the tab's own: the reloaded bridge is not signed in.
    expect(await again.currentStaff({})).toEqual({ ok: true, value: null });
  });

  it('registers again by itself when the host no longer knows its token', async () => {
    host = await startTestHost();
    const store = memoryTokenStore();
    const bridge = createHttpBridge(host.url, { tokenStore: store });
    bridges.push(bridge);
    expect((await bridge.listStaff({})).ok).toBe(true);
    const old = store.read();
    host.temp.office.records.$client.prepare('delete from paired_windows').run();
    expect((await bridge.listStaff({})).ok).toBe(true);
    expect(store.read()).not.toBe(old);
    expect(bridge.pairing.current().phase).toBe('paired');
  });

  it('says a revoked window is revoked (its socket closed), and asks anew only when told to', async () => {
    host = await startTestHost();
    const { manager, cashier, pins } = host.people;
    const desk = await signedIn(host.url, manager.staffId, pins.manager, 'Desk');
    const till = await signedIn(host.url, cashier.staffId, pins.cashier, 'Till');
    bridges.push(desk, till);
    const heard = new Promise<void>((resolve) => till.on('performancesChanged', () => resolve()));
    const timer = setInterval(() => host!.temp.office.bus.emit('performancesChanged', { reason: 'socket up' }), 50);
    await heard;
    clearInterval(timer);

    const windows = await desk.listWindows({});
    const tillId = windows.ok ? windows.value.find((w) => w.name === 'Till')!.windowId : '';
    expect((await desk.revokeWindow({ windowId: tillId })).ok).toBe(true);
    // The closed socket alone tells the bridge, before it makes any call.
    await until(till, (s) => s.phase === 'revoked');
    expect(await till.listStaff({})).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED', details: { reason: 'revoked' } } });
    expect(till.pairing.current().phase).toBe('revoked');

    expect(await till.pairing.registerAgain()).toMatchObject({ phase: 'paired' });
    expect((await till.listStaff({})).ok).toBe(true);
  });

  it('gives the pairing screen the code of a window waiting for a manager', async () => {
    host = await startTestHost({ localClientAddresses: [] });
    const bridge = createHttpBridge(host.url, { windowName: 'Bar', WebSocket: WebSocket as unknown as WebSocketCtor });
    bridges.push(bridge);
    const state = await bridge.pairing.refresh();
    expect(state).toMatchObject({ phase: 'pending', windowName: 'Bar', pairingCode: expect.stringMatching(/^\d{6}$/), fingerprint: null, problem: null });
    const refused = await bridge.listStaff({});
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED', details: { reason: 'pending', pairingCode: state.pairingCode } } });
  });

  it('names the problem when the host cannot be reached', async () => {
    host = await startTestHost();
    const url = host.url;
    await host.close();
    host = null;
    const bridge = bridgeFor(url);
    bridges.push(bridge);
    const state = await bridge.pairing.refresh();
    expect(state).toMatchObject({ phase: 'unknown', problem: expect.stringContaining('not answering') });
  });
});
