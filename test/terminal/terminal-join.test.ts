import { afterEach, expect, it } from 'vitest';
import { openServingDesktop, openTestTerminal } from '../helpers/serving-desktop.ts';

/**
 * The "Join a box office" screen's procedures, answered by the terminal itself before it has a
 * host: join with the address and fingerprint off the host's Windows screen, show the code, wait
 * for a manager, and be paired; a wrong fingerprint is a sentence, and a paired terminal cannot be
 * moved by whoever stands at it.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.reverse()) await clean();
  cleanups.length = 0;
});

async function servingDesktop() {
  const { desk } = await openServingDesktop(cleanups, { show: false });
  const on = await desk.call('setWindowServing', { on: true });
  return { desk, address: on.addresses[0]!, fingerprint: on.fingerprint! };
}

it('joins from the screen: not joined, a wrong fingerprint refused, the code shown while waiting, then paired', async () => {
  const d = await servingDesktop();
  const { terminal } = await openTestTerminal(cleanups);

  expect(await terminal.call('getTerminalJoin', {})).toEqual({
    ok: true,
    value: { joining: true, phase: 'not-joined', address: null, fingerprint: null, windowName: null, pairingCode: null, expiresAt: null, problem: null },
  });
  // Bad input is a sentence, field by field.
  expect(await terminal.call('joinBoxOffice', { address: d.address, fingerprint: d.fingerprint, windowName: ' ' })).toMatchObject({
    ok: false,
    error: { code: 'BAD_INPUT', message: expect.stringContaining('windowName is needed') },
  });
  expect(await terminal.call('joinBoxOffice', { address: 'boxoffice', fingerprint: d.fingerprint, windowName: 'Till 3' })).toMatchObject({
    ok: false,
    error: { code: 'BAD_INPUT', message: expect.stringContaining('is not an address') },
  });
  // Someone else's certificate at that address: refused, and nothing is kept.
  const wrong = d.fingerprint.replace(/^../, d.fingerprint.startsWith('00') ? '11' : '00');
  const refused = await terminal.call('joinBoxOffice', { address: d.address, fingerprint: wrong, windowName: 'Till 3' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(/shows certificate .* not the fingerprint entered/) } });
  expect(terminal.host()).toBeNull();

  const joined = await terminal.call('joinBoxOffice', { address: d.address, fingerprint: d.fingerprint.toLowerCase(), windowName: 'Till 3' });
  expect(joined).toMatchObject({ ok: true, value: { joining: true, phase: 'pending', address: d.address, fingerprint: d.fingerprint, windowName: 'Till 3', pairingCode: expect.stringMatching(/^\d{6}$/) } });
  const code = (joined as { value: { pairingCode: string } }).value.pairingCode;
  // Waiting for approval: asking again shows the same code.
  expect(await terminal.call('getTerminalJoin', {})).toMatchObject({ ok: true, value: { joining: true, phase: 'pending', pairingCode: code } });
  expect(await d.desk.call('listPairingRequests', {})).toMatchObject([{ code, name: 'Till 3' }]);

  await d.desk.call('approvePairing', { code });
  expect(await terminal.call('getTerminalJoin', {})).toMatchObject({ ok: true, value: { joining: false, phase: 'paired', address: d.address, pairingCode: null } });
  // Paired, the terminal works for the host; joining another box office is no longer public.
  expect(await terminal.call('listStaff', {})).toMatchObject({ ok: true });
  expect(await terminal.call('joinBoxOffice', { address: d.address, fingerprint: d.fingerprint, windowName: 'Till 4' })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN', message: expect.stringContaining('already works for the box office') },
  });
}, 60_000);

it('a box office’s own window has nothing to join', async () => {
  const d = await servingDesktop();
  expect(await d.desk.call('getTerminalJoin', {})).toMatchObject({ joining: false, phase: 'paired' });
  expect(await d.desk.fail('joinBoxOffice', { address: d.address, fingerprint: d.fingerprint, windowName: 'Till 4' })).toMatchObject({ code: 'FORBIDDEN' });
});
