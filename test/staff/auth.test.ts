import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Dispatcher } from '../../src-main/api/dispatcher.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { authorize, createFirstAdmin, verifyApproval, type VerifiedApprover } from '../../src-main/staff/auth.ts';
import { scryptCounters } from '../../src-main/staff/pin.ts';
import { SignInThrottle } from '../../src-main/staff/sign-in-throttle.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openWindow } from '../helpers/window.ts';
import { addStation, seedShow, type StaffFixture } from '../sales/fixtures.ts';
import { openSignInCounter } from './sign-in-counter.ts';

let temp: TempBoxOffice;
let clock: ManualClock;
let people: StaffFixture;
let api: Dispatcher;
const deps = () => ({ records: temp.office.records, clock });

async function codeOf(work: () => unknown): Promise<string> {
  try {
    await work();
  } catch (error) {
    if (error instanceof MarqueeError) return error.code;
    throw error;
  }
  return 'OK';
}

beforeEach(async () => {
  ({ clock, people, api, temp } = await openSignInCounter());
});
afterEach(() => temp.dispose());

describe('signing in', () => {
  it('keeps one session per window; signing in replaces only that window', async () => {
    const w1 = openWindow(api, temp.office.identity.id);
    const w2 = openWindow(api, addStation(temp.office, 'Window 2'));
    await w1.signIn(people.cashier.staffId, '1111');
    await w2.signIn(people.manager.staffId, '2222');
    expect((await w1.call('currentStaff', {}))?.role).toBe('cashier');
    await w1.signIn(people.admin.staffId, '3333');
    expect((await w1.call('currentStaff', {}))?.name).toBe('Ada Admin');
    expect((await w2.call('currentStaff', {}))?.name).toBe('Mona Manager');
    await w2.call('signOut', {});
    expect(await w2.call('currentStaff', {})).toBeNull();
    expect((await w1.call('currentStaff', {}))?.name).toBe('Ada Admin');
  });

  it('slows down the window that types wrong PINs, never the member, and lets it in once the wait has passed', async () => {
    const station = openWindow(api, temp.office.identity.id, '10.0.0.5');
    for (let i = 0; i < 3; i++) expect(await station.fail('signIn', { staffId: people.cashier.staffId, pin: '0000' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Even the right PIN waits its turn here: the wait is the window's...
    expect(await station.fail('signIn', { staffId: people.cashier.staffId, pin: '1111' })).toMatchObject({ code: 'SLOW_DOWN', message: expect.stringMatching(/wait 1 second/) });
    // ...not the member's: at another window, from another address, they sign in at once.
    const elsewhere = openWindow(api, addStation(temp.office, 'Window 2'), '10.0.0.6');
    expect((await elsewhere.signIn(people.cashier.staffId, '1111')).role).toBe('cashier');
    clock.advance(1_000);
    expect((await station.signIn(people.cashier.staffId, '1111')).role).toBe('cashier');
    const audit = temp.office.records.all<{ action: string; staff_id: string }>(sql`select action, staff_id from audit_log where action = 'staff.wrong-pin'`);
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.staff_id === people.cashier.staffId)).toBe(true);
    // The member columns of the old lock-out stay untouched.
    const row = temp.office.records.get<{ failed_attempts: number; locked_until: number | null }>(sql`select failed_attempts, locked_until from staff where id = ${people.cashier.staffId}`);
    expect(row).toEqual({ failed_attempts: 0, locked_until: null });
  });

  it('stores PINs only as salted scrypt hashes', () => {
    const rows = temp.office.records.all<{ pin_hash: string; pin_salt: string }>(sql`select pin_hash, pin_salt from staff`);
    const salts = new Set(rows.map((r) => r.pin_salt));
    expect(salts.size).toBe(rows.length);
    for (const r of rows) expect(r.pin_hash).not.toMatch(/^\d{4}$/);
  });

  it('creates only the first admin of an empty installation, and refuses before hashing once there is staff', async () => {
    const before = scryptCounters().started;
    expect(await codeOf(() => createFirstAdmin(deps(), 'setup', { name: 'New', pin: '4444' }))).toBe('CONFLICT');
    // Refused before hashing: a caller who may not add staff costs no scrypt.
    expect(scryptCounters().started).toBe(before);
    const fresh = openTempBoxOffice();
    try {
      const d = { records: fresh.office.records, clock };
      expect((await createFirstAdmin(d, 'setup', { name: 'First', pin: '4444' })).role).toBe('admin');
      expect(await codeOf(() => createFirstAdmin(d, 'setup', { name: 'Second', pin: '4444' }))).toBe('CONFLICT');
    } finally {
      fresh.dispose();
    }
  });
});

describe('manager approvals', () => {
  const where = () => ({ stationId: people.cashier.stationId, peer: 'test' });

  it('checks the approving PIN before the engine, and the engine takes only an approver checked that way', async () => {
    const pinDeps = { ...deps(), throttle: new SignInThrottle(clock) };
    expect(await codeOf(() => verifyApproval(pinDeps, people.cashier, { staffId: people.manager.staffId, pin: '9999' }, where()))).toBe('UNAUTHENTICATED');
    const approver = await verifyApproval(pinDeps, people.cashier, { staffId: people.manager.staffId, pin: '2222' }, where());
    expect(authorize(deps(), people.cashier, 'manager', 'Blocking seats', approver)).toBe(people.manager.staffId);
    const forged: VerifiedApprover = { staffId: people.manager.staffId, name: 'Mona Manager', role: 'manager' };
    expect(() => authorize(deps(), people.cashier, 'manager', 'Blocking seats', forged)).toThrow(/without its PIN being checked/);
    expect(await codeOf(() => authorize(deps(), people.cashier, 'manager', 'Blocking seats', null))).toBe('FORBIDDEN');
  });

  it("spends no scrypt on an approval a manager's own role makes needless", async () => {
    const pinDeps = { ...deps(), throttle: new SignInThrottle(clock) };
    const before = scryptCounters().started;
    expect(await verifyApproval(pinDeps, people.manager, { staffId: people.admin.staffId, pin: '0000' }, where())).toBeUndefined();
    expect(scryptCounters().started).toBe(before);
  });

  it('slows down a window whose approvals carry wrong PINs, as a sign-in would', async () => {
    const pinDeps = { ...deps(), throttle: new SignInThrottle(clock) };
    const wrong = () => verifyApproval(pinDeps, people.cashier, { staffId: people.manager.staffId, pin: '9999' }, where());
    for (let i = 0; i < 3; i++) expect(await codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(await codeOf(() => verifyApproval(pinDeps, people.cashier, { staffId: people.manager.staffId, pin: '2222' }, where()))).toBe('SLOW_DOWN');
  });
});

describe('through the contract', () => {
  it('refuses sales until someone signs in at the window, and checks roles and approvals in the core', async () => {
    const show = seedShow(temp.office);
    const till = openWindow(api, temp.office.identity.id);
    const units = [show.unit('Stalls A-1'), show.unit('Stalls A-2')];
    const hold = await till.result('holdSeats', { performanceId: show.performanceId, unitIds: units });
    expect(hold).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await till.result('signIn', { staffId: people.cashier.staffId, pin: '1111' })).toMatchObject({ ok: true, value: { role: 'cashier' } });
    const held = await till.call('holdSeats', { performanceId: show.performanceId, unitIds: [units[0]!] });
    const blocked = await till.result('blockSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-3')], name: 'House' });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bands = await till.result('listPriceBands', { performanceId: show.performanceId });
    expect(bands.ok && (bands.value as unknown[]).length).toBe(5);
    const { holdId, unitIds } = held;
    // A price override needs a manager's PIN typed at this window.
    const override = { holdId, lines: [{ unitId: unitIds[0]!, priceBandId: show.bands.adult, priceMinor: 1000 }], payments: [{ method: 'card' as const, amountMinor: 1000 }] };
    expect(await till.result('bookSeats', override)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const wrongApproval = await till.result('bookSeats', { ...override, approval: { staffId: people.manager.staffId, pin: '9999' } });
    expect(wrongApproval).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const approved = await till.result('bookSeats', { ...override, approval: { staffId: people.manager.staffId, pin: '2222' } });
    expect(approved).toMatchObject({ ok: true, value: { order: { approvedBy: people.manager.staffId } } });
    const second = await till.call('holdSeats', { performanceId: show.performanceId, unitIds: [units[1]!] });
    await till.call('openShift', { amountMinor: 10_000 }); // cash needs an open shift
    const sold = await till.result('bookSeats', { holdId: second.holdId, lines: [{ unitId: units[1]!, priceBandId: show.bands.adult }], payments: [{ method: 'cash', amountMinor: 2500, tenderedMinor: 3000 }] });
    expect(sold).toMatchObject({ ok: true, value: { changeMinor: 500 } });
    const orderId = (sold as { value: { order: { id: string } } }).value.order.id;
    expect(await till.result('getOrder', { orderId })).toMatchObject({ ok: true });
    expect(await till.result('signOut', {})).toMatchObject({ ok: true });
    expect(await till.result('currentStaff', {})).toEqual({ ok: true, value: null });
  });
});
