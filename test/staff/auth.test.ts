import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createApi } from '../../src-main/api/create-api.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { createStaff, currentStaff, signIn, signOut } from '../../src-main/staff/auth.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { addStation, seedShow, seedStaff, type StaffFixture } from '../sales/fixtures.ts';

let temp: TempBoxOffice;
let clock: ManualClock;
let people: StaffFixture;
const deps = () => ({ records: temp.office.records, clock });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof MarqueeError) return error.code;
    throw error;
  }
  return 'OK';
}

beforeEach(() => {
  clock = new ManualClock(Date.UTC(2026, 10, 22, 9));
  temp = openTempBoxOffice({ clock });
  people = seedStaff(temp.office);
});
afterEach(() => temp.dispose());

describe('signing in', () => {
  it('keeps one session per window; signing in replaces only that window', () => {
    const w2 = addStation(temp.office, 'Window 2');
    signIn(deps(), temp.office.identity.id, people.cashier.staffId, '1111');
    signIn(deps(), w2, people.manager.staffId, '2222');
    expect(currentStaff(temp.office.records, temp.office.identity.id)?.role).toBe('cashier');
    signIn(deps(), temp.office.identity.id, people.admin.staffId, '3333');
    expect(currentStaff(temp.office.records, temp.office.identity.id)?.name).toBe('Ada Admin');
    expect(currentStaff(temp.office.records, w2)?.name).toBe('Mona Manager');
    signOut(deps(), w2);
    expect(currentStaff(temp.office.records, w2)).toBeNull();
  });

  it('locks a member after five wrong PINs, then lets them in once the lock has passed', () => {
    const station = temp.office.identity.id;
    for (let i = 0; i < 4; i++) expect(codeOf(() => signIn(deps(), station, people.cashier.staffId, '0000'))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => signIn(deps(), station, people.cashier.staffId, '0000'))).toBe('LOCKED');
    // Even the right PIN is refused while locked.
    expect(codeOf(() => signIn(deps(), station, people.cashier.staffId, '1111'))).toBe('LOCKED');
    clock.advance(5 * 60_000);
    expect(codeOf(() => signIn(deps(), station, people.cashier.staffId, '1111'))).toBe('OK');
    const audit = temp.office.records.all<{ action: string }>(sql`select action from audit_log order by seq`);
    expect(audit.map((a) => a.action)).toContain('staff.locked');
  });

  it('stores PINs only as salted scrypt hashes', () => {
    const rows = temp.office.records.all<{ pin_hash: string; pin_salt: string }>(sql`select pin_hash, pin_salt from staff`);
    const salts = new Set(rows.map((r) => r.pin_salt));
    expect(salts.size).toBe(rows.length);
    for (const r of rows) expect(r.pin_hash).not.toMatch(/^\d{4}$/);
  });

  it('lets only an admin add staff, except the first admin of a new installation', () => {
    expect(codeOf(() => createStaff(deps(), people.manager, { name: 'New', role: 'cashier', pin: '4444' }))).toBe('FORBIDDEN');
    expect(createStaff(deps(), people.admin, { name: 'New', role: 'cashier', pin: '4444' }).role).toBe('cashier');
    const fresh = openTempBoxOffice();
    try {
      const d = { records: fresh.office.records, clock };
      expect(codeOf(() => createStaff(d, null, { name: 'First', role: 'cashier', pin: '4444' }))).toBe('FORBIDDEN');
      expect(createStaff(d, null, { name: 'First', role: 'admin', pin: '4444' }).role).toBe('admin');
      expect(codeOf(() => createStaff(d, null, { name: 'Second', role: 'admin', pin: '4444' }))).toBe('FORBIDDEN');
    } finally {
      fresh.dispose();
    }
  });
});

describe('through the contract', () => {
  it('refuses sales until someone signs in at the window, and checks roles in the core', async () => {
    const show = seedShow(temp.office);
    const api = createApi(temp.office, { checkOutput: true });
    const ctx = { transport: 'test' as const, stationId: temp.office.identity.id, sessionToken: null };
    const hold = await api.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-1')] }, ctx);
    expect(hold).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await api.call('signIn', { staffId: people.cashier.staffId, pin: '1111' }, ctx)).toMatchObject({ ok: true, value: { role: 'cashier' } });
    const held = await api.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-1')] }, ctx);
    expect(held.ok).toBe(true);
    const blocked = await api.call('blockSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-2')], name: 'House' }, ctx);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const approved = await api.call(
      'blockSeats',
      { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-2')], name: 'House', approval: { staffId: people.manager.staffId, pin: '2222' } },
      ctx,
    );
    expect(approved.ok).toBe(true);
    const bands = await api.call('listPriceBands', { performanceId: show.performanceId }, ctx);
    expect(bands.ok && (bands.value as unknown[]).length).toBe(5);
    if (!held.ok) throw new Error('hold failed');
    const { holdId, unitIds } = held.value as { holdId: string; unitIds: number[] };
    const sold = await api.call('bookSeats', { holdId, lines: [{ unitId: unitIds[0], priceBandId: show.bands.adult }], payments: [{ method: 'cash', amountMinor: 2500, tenderedMinor: 3000 }] }, ctx);
    expect(sold).toMatchObject({ ok: true, value: { changeMinor: 500 } });
    const orderId = (sold as { value: { order: { id: string } } }).value.order.id;
    expect(await api.call('getOrder', { orderId }, ctx)).toMatchObject({ ok: true });
    expect(await api.call('signOut', {}, ctx)).toMatchObject({ ok: true });
    expect(await api.call('currentStaff', {}, ctx)).toEqual({ ok: true, value: null });
  });
});
