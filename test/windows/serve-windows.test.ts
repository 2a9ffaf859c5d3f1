import { afterEach, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import { openWindow } from '../helpers/window.ts';
import { openServingDesktop, openTestTerminal } from '../helpers/serving-desktop.ts';

/**
 * "Serve other windows" (Manage → Windows): the desktop box office starts host mode's server in
 * itself, over TLS, and a terminal on "another computer" (loopback counted as remote) joins it with
 * the fingerprint and the pairing code a manager approves, then sells through it.
 */

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.reverse()) await clean();
  cleanups.length = 0;
});

const desktopThatCanServe = () => openServingDesktop(cleanups);

async function terminalWithPrinter() {
  const { terminal, printer } = await openTestTerminal(cleanups, ['ticket', 'receipt']);
  return { terminal, printer: printer! };
}

it('a manager turns serving on and off; a terminal pairs with the code over TLS and sells, printing at the terminal only', async () => {
  const d = await desktopThatCanServe();
  expect(await d.desk.call('getWindowServing', {})).toMatchObject({ available: true, serving: false });
  const on = await d.desk.call('setWindowServing', { on: true });
  expect(on).toMatchObject({ available: true, serving: true, fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/), problem: null });
  expect(on.addresses).toEqual([`https://127.0.0.1:${on.port}`]);

  const { terminal, printer } = await terminalWithPrinter();
  const pairing = await terminal.join(on.addresses[0]!, on.fingerprint!, 'Till 5');
  expect(pairing).toMatchObject({ phase: 'pending', pairingCode: expect.stringMatching(/^\d{6}$/), fingerprint: on.fingerprint });
  // Until a manager approves it, the terminal gets nothing but its pairing status.
  expect(await terminal.call('listPerformances', {})).toMatchObject({ ok: false, error: { code: 'NOT_PAIRED' } });
  expect(await d.desk.call('listPairingRequests', {})).toMatchObject([{ code: pairing.pairingCode, name: 'Till 5' }]);
  await d.desk.call('approvePairing', { code: pairing.pairingCode! });
  expect(await d.desk.call('listWindows', {})).toMatchObject([{ name: 'Till 5', kind: 'lan' }]);

  expect(await terminal.call('signIn', { staffId: d.people.cashier.staffId, pin: d.people.pins.cashier })).toMatchObject({ ok: true });
  // The host's events reach the terminal over its pinned WebSocket, for its signed-in cashier.
  const heard = new Promise<void>((resolve) => terminal.on('performancesChanged', () => resolve()));
  const announce = setInterval(() => d.temp.office.bus.emit('performancesChanged', { reason: 'terminal listening' }), 100);
  await heard.finally(() => clearInterval(announce));
  const hold = await terminal.call('holdSeats', { performanceId: d.show.performanceId, unitIds: [d.show.unit('Stalls A-3'), d.show.unit('Stalls A-4')] });
  if (!hold.ok) throw new Error(hold.error.message);
  const { holdId, unitIds } = hold.value as { holdId: string; unitIds: number[] };
  const sale = await terminal.call('bookSeats', {
    holdId,
    lines: unitIds.map((unitId) => ({ unitId, priceBandId: d.show.bands.adult })),
    payments: [{ method: 'card', amountMinor: 5000 }],
    idempotencyKey: 'serve-windows-sale-1',
  });
  expect(sale).toMatchObject({ ok: true, value: { print: { printed: 'queued', jobSetId: expect.any(String) } } });
  // Two tickets and the receipt at the terminal; no drawer for a card.
  const jobs = await printer.waitForJobs(3, 20_000);
  expect(jobs.every((j) => j[0] !== 0x1b || j[1] !== 0x70)).toBe(true);
  const hostJobs = d.temp.office.station.$client.prepare('SELECT count(*) FROM print_jobs').pluck().get();
  expect(hostJobs).toBe(0);
  // The terminal's printers and queue are its own: the sale panel follows the job set here, and
  // setting printers up still needs a manager signed in (as the host says).
  const jobSetId = (sale as { ok: true; value: { print: { jobSetId: string } } }).value.print.jobSetId;
  expect(await terminal.call('getPrintJobSet', { jobSetId })).toMatchObject({ ok: true });
  expect(await terminal.call('listPrinters', {})).toMatchObject({ ok: true, value: [{ name: 'Till printer' }] });
  expect(await terminal.call('removePrinter', { printerId: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  const off = await d.desk.call('setWindowServing', { on: false });
  expect(off).toMatchObject({ serving: false, addresses: [], fingerprint: null });
  expect(await terminal.call('listPerformances', {})).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
}, 60_000);

it('serving is remembered: a desktop that served windows serves them again at its next start', async () => {
  const d = await desktopThatCanServe();
  await d.desk.call('setWindowServing', { on: true });
  await d.serving.close();
  expect(d.serving.status().serving).toBe(false);
  expect(await d.serving.resume()).toMatchObject({ serving: true });
  await d.serving.stop();
  expect(await d.serving.resume()).toMatchObject({ serving: false });
});

it('a cashier cannot turn serving on; host mode answers that it already serves', async () => {
  const d = await desktopThatCanServe();
  await d.desk.signIn(d.people.cashier.staffId, d.people.pins.cashier);
  expect(await d.desk.fail('setWindowServing', { on: true })).toMatchObject({ code: 'FORBIDDEN' });
  const hostMode = openWindow(createApi(d.running, { checkOutput: true }), d.temp.office.identity.id);
  await hostMode.signIn(d.people.manager.staffId, d.people.pins.manager);
  expect(await hostMode.call('getWindowServing', {})).toMatchObject({ available: false, serving: false });
});
