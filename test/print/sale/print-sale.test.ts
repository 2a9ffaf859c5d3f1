import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src-main/api/create-api.ts';
import type { Dispatcher } from '../../../src-main/api/dispatcher.ts';
import type { InputOf, OutputOf, ProcedureName } from '../../../src-shared/contract/index.ts';
import { printOrder } from '../../../src-main/print/print-sale.ts';
import { decodeEscPos, decodedTextLines } from '../../../src-main/print/render/index.ts';
import { seedShow, seedStaff, type ShowFixture } from '../../sales/fixtures.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../../helpers/temp-box-office.ts';
import { openPrintingRig, type PrintingRig } from '../delivery/helpers.ts';
import { startPrintService } from '../../../src-main/print/print-service.ts';
import { fastOptions } from '../delivery/helpers.ts';

const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x32, 0xfa]);

let rig: PrintingRig | undefined;
let bare: TempBoxOffice | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
  if (bare) {
    await startPrintService(bare.office).stop();
    bare.dispose();
  }
  bare = undefined;
});

interface Counter {
  api: Dispatcher;
  show: ShowFixture;
  ctx: { transport: 'test'; stationId: string; sessionSecret: null };
  call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
}

/** A signed-in cashier at the office's own window, with a small show on sale. */
async function counter(office: TempBoxOffice['office']): Promise<Counter> {
  const show = seedShow(office);
  const people = seedStaff(office);
  const api = createApi(office, { checkOutput: true });
  const ctx = { transport: 'test' as const, stationId: office.identity.id, sessionSecret: null };
  const call = async <K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const result = await api.call(name, input, ctx);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as OutputOf<K>;
  };
  await call('signIn', { staffId: people.cashier.staffId, pin: people.pins.cashier });
  return { api, show, ctx, call };
}

async function sellTwo(c: Counter, payment: InputOf<'bookSeats'>['payments'][number]) {
  const hold = await c.call('holdSeats', { performanceId: c.show.performanceId, unitIds: [c.show.unit('Stalls C-3'), c.show.unit('Stalls C-4')] });
  return c.call('bookSeats', {
    holdId: hold.holdId,
    lines: hold.unitIds.map((unitId) => ({ unitId, priceBandId: c.show.bands.adult })),
    payments: [payment],
  });
}

const text = (bytes: Buffer) => decodedTextLines(decodeEscPos(bytes)).join('\n');

describe('printing a sale', () => {
  it('prints the tickets then the receipt after opening the drawer for cash', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const c = await counter(rig.office);
    const sale = await sellTwo(c, { method: 'cash', amountMinor: 5000, tenderedMinor: 6000 });
    expect(sale.print).toEqual({ printed: 'queued', jobSetId: expect.any(String), problem: null });
    const printed = await rig.fake.waitForJobs(4);
    expect(printed[0]).toEqual(DRAWER_PULSE);
    const [first, second, receipt] = printed.slice(1).map(text);
    expect(first).toContain('Stalls C-3');
    expect(first).toContain(sale.tickets[0]!.code);
    expect(second).toContain('Stalls C-4');
    expect(second).toContain(sale.tickets[1]!.code);
    expect(receipt).toMatch(/Adult/);
    expect(receipt).toContain('50.00');
    expect(receipt).toContain('10.00'); // change from £60
  });

  it('keeps the drawer shut for a card payment', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const c = await counter(rig.office);
    await sellTwo(c, { method: 'card', amountMinor: 5000, reference: 'AUTH-1' });
    const printed = await rig.fake.waitForJobs(3);
    expect(printed.some((b) => b.equals(DRAWER_PULSE))).toBe(false);
    expect(text(printed[2]!)).toMatch(/Paid by card +£50\.00/);
  });

  it('leaves the sale committed when the printer is dead, and prints it on retry', async () => {
    rig = await openPrintingRig();
    const c = await counter(rig.office);
    await rig.fake.setOffline(true);
    const sale = await sellTwo(c, { method: 'card', amountMinor: 5000 });
    expect(sale.print.printed).toBe('queued');
    const order = await c.call('getOrder', { orderId: sale.order.id });
    expect(order.order.state).toBe('paid');
    expect(order.tickets).toHaveLength(2);
    await rig.fake.setOffline(false);
    // The queue keeps the first set and delivers it once the printer answers again.
    const printed = await rig.fake.waitForJobs(3);
    expect(text(printed[0]!)).toContain(sale.tickets[0]!.code);
    const retry = await c.call('printOrder', { orderId: sale.order.id });
    expect(retry.printed).toBe('queued');
    const again = await rig.fake.waitForJobs(6);
    expect(text(again[3]!)).toContain(sale.tickets[0]!.code);
  });

  it('says so, and still sells, when the station has no printer', async () => {
    bare = openTempBoxOffice();
    startPrintService(bare.office, fastOptions);
    const c = await counter(bare.office);
    const sale = await sellTwo(c, { method: 'cash', amountMinor: 5000, tenderedMinor: 5000 });
    expect(sale.print).toEqual({ printed: 'no-printer', jobSetId: null, problem: expect.stringMatching(/No printer on this station takes tickets/) });
    expect((await c.call('getOrder', { orderId: sale.order.id })).order.state).toBe('paid');
  });

  it('reports an unknown order as a problem instead of throwing', async () => {
    bare = openTempBoxOffice();
    startPrintService(bare.office, fastOptions);
    const outcome = await printOrder(bare.office, '01JDQ8Z6T3M0F4R2B7C9E1H5KX');
    expect(outcome).toEqual({ printed: 'failed', jobSetId: null, problem: expect.stringMatching(/no order/) });
  });
});

describe('printing a reservation slip', () => {
  it('prints the reference, the name and the seats', async () => {
    rig = await openPrintingRig({ printer: { drawerPin: 2 } });
    const c = await counter(rig.office);
    const hold = await c.call('holdSeats', { performanceId: c.show.performanceId, unitIds: [c.show.unit('Stalls D-1')] });
    const reservation = await c.call('reserveSeats', { holdId: hold.holdId, customer: { name: 'Ana Lind', phone: '0117 000 000' } });
    expect(reservation.print.printed).toBe('queued');
    const [slip] = await rig.fake.waitForJobs(1);
    const words = text(slip!);
    expect(words).toContain(reservation.reference);
    expect(words).toContain('Ana Lind');
    expect(words).toContain('Stalls D-1');
    expect(slip!.includes(DRAWER_PULSE)).toBe(false);
  });
});
