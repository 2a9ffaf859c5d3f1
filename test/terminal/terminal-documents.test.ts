import { afterEach, expect, it } from 'vitest';
import { FakePrinter } from '../../src-main/print/fake-printer/fake-printer.ts';
import { decodedTextLines, decodeEscPos } from '../../src-main/print/render/escpos-decoder.ts';
import { must } from './terminal-sale.ts';
import { openServingDesktop, openTestTerminal, TILL_PRINTER } from '../helpers/serving-desktop.ts';

/**
 * The documents that do not come from a sale (the no-sale drawer, the refund slip and its drawer)
 * print at the terminal whose cashier asked for them, as a sale's do, and nothing reaches the
 * host's own printer.
 */

const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x32, 0xfa]);
const textOf = (bytes: Buffer) => decodedTextLines(decodeEscPos(bytes)).join('\n');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const clean of cleanups.reverse()) await clean();
  cleanups.length = 0;
});

/** A desktop serving windows, with its own counter printer, and a terminal joined to it with another. */
async function hostAndTerminal() {
  const { temp, people, show, desk } = await openServingDesktop(cleanups);
  const hostPrinter = await FakePrinter.start();
  cleanups.push(() => hostPrinter.stop());
  await desk.call('savePrinter', { ...TILL_PRINTER, jobKinds: ['ticket', 'receipt', 'report'], name: 'Host printer', interface: hostPrinter.uri });
  const on = await desk.call('setWindowServing', { on: true });
  const { terminal, printer: till } = await openTestTerminal(cleanups, ['ticket', 'receipt', 'report']);
  const printer = till!;
  const pairing = await terminal.join(on.addresses[0]!, on.fingerprint!, 'Till 5');
  await desk.call('approvePairing', { code: pairing.pairingCode! });
  await must(terminal, 'signIn', { staffId: people.cashier.staffId, pin: people.pins.cashier });
  await must(terminal, 'openShift', { amountMinor: 10_000 });
  const hostJobs = () => temp.office.station.$client.prepare('SELECT count(*) FROM print_jobs').pluck().get() as number;
  return { show, terminal, printer, hostPrinter, hostJobs };
}

it('a no-sale and the X report at a terminal come out at the terminal, not at the host', async () => {
  const t = await hostAndTerminal();
  const noSale = await must<{ noSales: number; print: { printed: string } }>(t.terminal, 'openDrawerNoSale', { reason: 'Change for the float' });
  expect(noSale).toMatchObject({ noSales: 1, print: { printed: 'queued' } });
  expect(await t.printer.waitForJobs(1, 20_000)).toEqual([DRAWER_PULSE]);
  // The X report goes to the terminal's report printer too, counting that no-sale.
  const x = await must<{ figures: { noSales: number }; print: { printed: string } }>(t.terminal, 'xReport', { print: true });
  expect(x).toMatchObject({ figures: { noSales: 1 }, print: { printed: 'queued' } });
  const jobs = await t.printer.waitForJobs(2, 20_000);
  expect(textOf(jobs[1]!)).toMatch(/X report/i);
  expect(t.hostJobs()).toBe(0);
  expect(t.hostPrinter.jobs).toHaveLength(0);
}, 60_000);

it('a cash refund at a terminal prints its slip after the terminal’s drawer, and nothing at the host', async () => {
  const t = await hostAndTerminal();
  const hold = await must<{ holdId: string; unitIds: number[] }>(t.terminal, 'holdSeats', { performanceId: t.show.performanceId, unitIds: [t.show.unit('Stalls A-3')] });
  const lines = hold.unitIds.map((unitId) => ({ unitId, priceBandId: t.show.bands.adult }));
  const sale = await must<{ order: { id: string; totalMinor: number } }>(t.terminal, 'bookSeats', {
    holdId: hold.holdId,
    lines,
    payments: [{ method: 'card', amountMinor: 2500 }],
    idempotencyKey: 'terminal-documents-sale',
  });
  // A card sale: one ticket and the receipt, no drawer.
  await t.printer.waitForJobs(2, 20_000);
  const refund = await must<{ print: { printed: string } }>(t.terminal, 'refundTickets', { orderId: sale.order.id, method: 'cash', idempotencyKey: 'terminal-documents-refund' });
  expect(refund.print).toMatchObject({ printed: 'queued' });
  const jobs = await t.printer.waitForJobs(4, 20_000);
  expect(jobs[2]).toEqual(DRAWER_PULSE);
  const slip = textOf(jobs[3]!);
  expect(slip.toLowerCase()).toContain('refund');
  expect(slip).toContain((sale.order.totalMinor / 100).toFixed(2));
  expect(t.hostJobs()).toBe(0);
  expect(t.hostPrinter.jobs).toHaveLength(0);
}, 60_000);
