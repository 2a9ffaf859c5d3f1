import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../src-main/api/create-api.ts';
import { startPrintService } from '../../../src-main/print/print-service.ts';
import type { InputOf, OutputOf, ProcedureName } from '../../../src-shared/contract/index.ts';
import { addStation, seedShow, seedStaff } from '../../sales/fixtures.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../../helpers/temp-box-office.ts';
import { fastOptions } from '../delivery/helpers.ts';

let temp: TempBoxOffice | undefined;
afterEach(async () => {
  if (temp) {
    await startPrintService(temp.office).stop();
    temp.dispose();
  }
  temp = undefined;
});

/** What the sell screen relies on from the contract, beyond the engine's own tests. */
describe('the sell screen’s contract', () => {
  it('marks seats held by this window apart from those held by another station', async () => {
    temp = openTempBoxOffice();
    const { office } = temp;
    const show = seedShow(office);
    const people = seedStaff(office);
    const other = addStation(office, 'Box office 2');
    const api = createApi(office, { checkOutput: true });
    const here = { transport: 'test' as const, stationId: office.identity.id, sessionSecret: null };
    const there = { transport: 'test' as const, stationId: other, sessionSecret: null };
    await api.call('signIn', { staffId: people.cashier.staffId, pin: people.pins.cashier }, here);
    await api.call('signIn', { staffId: people.manager.staffId, pin: people.pins.manager }, there);
    expect((await api.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-1')] }, here)).ok).toBe(true);
    expect((await api.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-2')] }, there)).ok).toBe(true);
    const map = await api.call('getSeatMap', { performanceId: show.performanceId }, here);
    if (!map.ok) throw new Error(map.error.message);
    const seats = (map.value as OutputOf<'getSeatMap'>).seats;
    const seat = (label: string) => seats.find((s) => s.label === label)!;
    expect(seat('Stalls A-1')).toMatchObject({ state: 'held', heldByMe: true });
    expect(seat('Stalls A-2')).toMatchObject({ state: 'held', heldByMe: false });
    expect(seat('Stalls A-3')).toMatchObject({ state: 'available', heldByMe: false });
  });

  it('prices a discount code by a sale attempt without payment, which writes nothing', async () => {
    temp = openTempBoxOffice();
    const { office } = temp;
    startPrintService(office, fastOptions);
    const show = seedShow(office);
    const people = seedStaff(office);
    const api = createApi(office, { checkOutput: true });
    const ctx = { transport: 'test' as const, stationId: office.identity.id, sessionSecret: null };
    const call = async <K extends ProcedureName>(name: K, input: InputOf<K>) => api.call(name, input, ctx);
    await call('signIn', { staffId: people.manager.staffId, pin: people.pins.manager });
    expect((await call('createDiscountCode', { code: 'FRIENDS', kind: 'percent', value: 2000 })).ok).toBe(true);
    const hold = await call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls C-1'), show.unit('Stalls C-2')] });
    if (!hold.ok) throw new Error(hold.error.message);
    const held = hold.value as OutputOf<'holdSeats'>;
    const lines = held.unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult }));
    const probe = await call('bookSeats', { holdId: held.holdId, lines, payments: [], discountCode: 'FRIENDS' });
    expect(probe).toMatchObject({ ok: false, error: { code: 'PAYMENT_SHORT', details: { dueMinor: 4000 } } });
    const uses = office.records.$client.prepare(`select uses from discount_codes where code = 'FRIENDS'`).pluck().get();
    expect(uses).toBe(0);
    const sale = await call('bookSeats', {
      holdId: held.holdId,
      lines,
      payments: [{ method: 'cash', amountMinor: 4000, tenderedMinor: 5000 }],
      discountCode: 'FRIENDS',
    });
    expect(sale).toMatchObject({ ok: true, value: { order: { totalMinor: 4000 }, changeMinor: 1000, print: { printed: 'no-printer' } } });
  });
});
