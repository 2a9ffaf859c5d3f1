import { afterEach, describe, expect, it } from 'vitest';
import { callAs, probe, registeredToken, startTestHost, type SocketProbe, type TestHost } from '../host/host-client.ts';

/**
 * Finding: every `/events` listener, signed in or not, received every event. Now a socket hears
 * nothing until its window says hello with a session, and then only what that member's role may
 * read; a sign-out or a revoked window stops it. Each check ends with a marker event the socket
 * may hear: messages on one socket arrive in order, so once the marker is in, anything refused
 * before it would already be there.
 */

let host: TestHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function signedInWindow(h: TestHost, who: { staffId: string }, pin: string) {
  const token = await registeredToken(h.url);
  const answer = await callAs(h.url, 'signIn', { staffId: who.staffId, pin }, { token });
  expect(answer.body.ok).toBe(true);
  return { token, session: answer.session! };
}

function events(socket: SocketProbe): string[] {
  return socket.messages.filter((m) => m.event).map((m) => m.event!);
}

describe('events reach only signed-in windows, and only what their role may read', () => {
  it('tells an anonymous socket nothing, before or after its hello', async () => {
    host = await startTestHost();
    const { office } = host.temp;
    const silent = probe(host.url);
    await silent.opened;
    const anonymousToken = await registeredToken(host.url);
    const anonymous = probe(host.url);
    expect(await anonymous.hello(anonymousToken)).toBe('ready');

    office.bus.emit('performancesChanged', { reason: 'secret schedule' });
    office.bus.emit('staffSessionChanged', {});
    office.bus.emit('windowsChanged', {});

    // The anonymous window signs in: from its next hello on, the marker reaches it.
    const signIn = await callAs(host.url, 'signIn', { staffId: host.people.cashier.staffId, pin: host.people.pins.cashier }, { token: anonymousToken });
    expect(await anonymous.hello(anonymousToken, signIn.session)).toBe('ready');
    office.bus.emit('performancesChanged', { reason: 'marker' });
    await anonymous.heard('performancesChanged');
    expect(anonymous.messages.filter((m) => m.event)).toEqual([{ event: 'performancesChanged', payload: { reason: 'marker' } }]);
    // The socket that never said hello heard nothing at all.
    expect(silent.messages).toEqual([]);
    silent.ws.close();
  });

  it("keeps manager-only events from a cashier's socket", async () => {
    host = await startTestHost();
    const { office } = host.temp;
    const cashierWindow = await signedInWindow(host, host.people.cashier, host.people.pins.cashier);
    const managerWindow = await signedInWindow(host, host.people.manager, host.people.pins.manager);
    const cashier = probe(host.url);
    const manager = probe(host.url);
    expect(await cashier.hello(cashierWindow.token, cashierWindow.session)).toBe('ready');
    expect(await manager.hello(managerWindow.token, managerWindow.session)).toBe('ready');

    office.bus.emit('windowsChanged', {});
    office.bus.emit('performancesChanged', { reason: 'marker' });
    await cashier.heard('performancesChanged');
    await manager.heard('performancesChanged');
    expect(events(cashier)).toEqual(['performancesChanged']);
    expect(events(manager)).toEqual(['windowsChanged', 'performancesChanged']);
  });

  it('stops a window hearing events once it signs out', async () => {
    host = await startTestHost();
    const { office } = host.temp;
    const till = await signedInWindow(host, host.people.cashier, host.people.pins.cashier);
    const watcher = await signedInWindow(host, host.people.manager, host.people.pins.manager);
    const tillSocket = probe(host.url);
    const watcherSocket = probe(host.url);
    expect(await tillSocket.hello(till.token, till.session)).toBe('ready');
    expect(await watcherSocket.hello(watcher.token, watcher.session)).toBe('ready');

    // Signed out over HTTP; the socket still presents the old secret, which no longer resolves.
    const out = await callAs(host.url, 'signOut', {}, till);
    expect(out.body.ok).toBe(true);
    office.bus.emit('performancesChanged', { reason: 'after sign-out' });
    office.bus.emit('unitsChanged', { performanceId: '01HZZZZZZZZZZZZZZZZZZZZZZZ', unitIds: [1] });
    await watcherSocket.heard('unitsChanged');
    // The host answers a hello after everything it sent before: once this ready is in, so is any event.
    expect(await tillSocket.hello(till.token, null)).toBe('ready');
    // The till heard the sign-out itself (so its screen goes back to sign-in), then nothing.
    expect(events(tillSocket)).toEqual(['staffSessionChanged']);
    expect(events(watcherSocket)).toEqual(expect.arrayContaining(['performancesChanged', 'unitsChanged']));
  });
});
