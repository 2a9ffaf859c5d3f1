import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../src-shared/contract/index.ts';
import { printOrderDocuments } from '../../../src-main/app/print-documents.ts';
import { decodeEscPos, decodedTextLines } from '../../../src-main/print/render/index.ts';
import { openCounter, type Counter } from '../../helpers/counter.ts';
import type { RunningBoxOffice } from '../../../src-main/app/compose.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../../helpers/temp-box-office.ts';
import { fastOptions, openPrintingRig, type PrintingRig } from '../delivery/helpers.ts';

const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x32, 0xfa]);

let rig: PrintingRig | undefined;
let bare: { temp: TempBoxOffice; boxOffice: RunningBoxOffice } | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
  if (bare) {
    await bare.boxOffice.stop();
    bare.temp.dispose();
  }
  bare = undefined;
});

/** A box office whose station has no printer at all. */
function openBare(): { temp: TempBoxOffice; boxOffice: RunningBoxOffice } {
  const temp = openTempBoxOffice();
  return { temp, boxOffice: composeForTest(temp.office, { print: fastOptions }) };
}

async function sellTwo(c: Counter, payment: InputOf<'bookSeats'>['payments'][number]) {
  const hold = await c.till.call('holdSeats', { performanceId: c.show.performanceId, unitIds: [c.show.unit('Stalls C-3'), c.show.unit('Stalls C-4')] });
  return c.till.call('bookSeats', {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })),
    payments: [payment],
  });
}

const text = (bytes: Buffer) => decodedTextLines(decodeEscPos(bytes)).join('\n');

describe('printing a sale', () => {
  it('prints the tickets then the receipt after opening the drawer for cash', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const c = await openCounter({ running: rig.boxOffice, show: true });
    const sale = await sellTwo(c, { method: 'cash', amountMinor: 5000, tenderedMinor: 6000 });
    expect(sale.print).toEqual({ printed: 'queued', jobSetId: expect.any(String), problem: null });
    const printed = await rig.fake.waitForJobs(4);
    expect(printed[0]).toEqual(DRAWER_PULSE);
    const [first, second, receipt] = printed.slice(1).map(text);
    expect(first).toContain('Stalls, row C, seat 3');
    expect(first).toContain(sale.tickets[0]!.code);
    expect(second).toContain('Stalls, row C, seat 4');
    expect(second).toContain(sale.tickets[1]!.code);
    expect(receipt).toMatch(/Adult/);
    expect(receipt).toContain('50.00');
    expect(receipt).toContain('10.00'); // change from £60
  });

  it('keeps the drawer shut for a card payment', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const c = await openCounter({ running: rig.boxOffice, show: true });
    await sellTwo(c, { method: 'card', amountMinor: 5000, reference: 'AUTH-1' });
    const printed = await rig.fake.waitForJobs(3);
    expect(printed.some((b) => b.equals(DRAWER_PULSE))).toBe(false);
    expect(text(printed[2]!)).toMatch(/Paid by card +£50\.00/);
  });

  it('leaves the sale committed when the printer is dead, and prints it on retry', async () => {
    rig = await openPrintingRig();
    const c = await openCounter({ running: rig.boxOffice, show: true });
    await rig.fake.setOffline(true);
    const sale = await sellTwo(c, { method: 'card', amountMinor: 5000 });
    expect(sale.print.printed).toBe('queued');
    const order = await c.till.call('getOrder', { orderId: sale.order.id });
    expect(order.order.state).toBe('paid');
    expect(order.tickets).toHaveLength(2);
    await rig.fake.setOffline(false);
    // The queue keeps the first set and delivers it once the printer answers again.
    const printed = await rig.fake.waitForJobs(3);
    expect(text(printed[0]!)).toContain(sale.tickets[0]!.code);
    const retry = await c.till.call('printOrder', { orderId: sale.order.id });
    expect(retry.printed).toBe('queued');
    const again = await rig.fake.waitForJobs(6);
    expect(text(again[3]!)).toContain(sale.tickets[0]!.code);
  });

  it('says so, and still sells, when the station has no printer', async () => {
    bare = openBare();
    const c = await openCounter({ running: bare.boxOffice, show: true });
    const sale = await sellTwo(c, { method: 'cash', amountMinor: 5000, tenderedMinor: 5000 });
    expect(sale.print).toEqual({ printed: 'no-printer', jobSetId: null, problem: expect.stringMatching(/No printer on this station takes tickets/) });
    expect((await c.till.call('getOrder', { orderId: sale.order.id })).order.state).toBe('paid');
  });

  it('reports an unknown order as a problem instead of throwing', async () => {
    bare = openBare();
    const outcome = await printOrderDocuments(bare.boxOffice, '01JDQ8Z6T3M0F4R2B7C9E1H5KX');
    expect(outcome).toEqual({ printed: 'failed', jobSetId: null, problem: expect.stringMatching(/no order/) });
  });
});

describe('printing a reservation slip', () => {
  it('prints the reference, the name and the seats', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const c = await openCounter({ running: rig.boxOffice, show: true });
    const hold = await c.till.call('holdSeats', { performanceId: c.show.performanceId, unitIds: [c.show.unit('Stalls D-1')] });
    const reservation = await c.till.call('reserveSeats', { holdId: hold.holdId, customer: { name: 'Ana Lind', phone: '0117 000 000' } });
    expect(reservation.print.printed).toBe('queued');
    const [slip] = await rig.fake.waitForJobs(1);
    const words = text(slip!);
    expect(words).toContain(reservation.reference);
    expect(words).toContain('Ana Lind');
    expect(words).toContain('Stalls, row D, seat 1');
    expect(slip!.includes(DRAWER_PULSE)).toBe(false);
  });
});
