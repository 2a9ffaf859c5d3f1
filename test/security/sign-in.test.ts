import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Dispatcher } from '../../src-main/api/dispatcher.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { resetScryptPeak, scryptCounters } from '../../src-main/staff/pin.ts';
import { SignInThrottle } from '../../src-main/staff/sign-in-throttle.ts';
import type { AppError } from '../../src-shared/errors.ts';
import type { TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openWindow, type TestWindow } from '../helpers/window.ts';
import { addStation, seedShow, type StaffFixture } from '../sales/fixtures.ts';
import { openSignInCounter } from '../staff/sign-in-counter.ts';

/**
 * Issue #10, "PIN lock-out as denial of service": wrong PINs used to lock the member everywhere
 * (18 anonymous requests locked all staff, forever), and createStaff (now createFirstAdmin) ran scrypt before checking
 * who asked (200 calls stalled every other window). Now wrong PINs slow down the window and the
 * address sending them, and scrypt runs off the main thread, two at a time, only for callers who
 * may call.
 */

let temp: TempBoxOffice;
let clock: ManualClock;
let people: StaffFixture;
let api: Dispatcher;
let windows = 0;

/** A window of its own (a stations row) calling from `peer`. */
const windowAt = (peer: string, name = `Window ${++windows}`): TestWindow => openWindow(api, addStation(temp.office, name), peer);
const started = () => scryptCounters().started;
const auditCount = (action: string) => temp.office.records.get<{ n: number }>(sql`select count(*) as n from audit_log where action = ${action}`).n;
const retryAfter = (error: AppError) => (error.details as { retryAfterMs: number }).retryAfterMs;

beforeEach(async () => {
  ({ clock, people, api, temp } = await openSignInCounter());
});
afterEach(() => temp.dispose());

describe('the lock-out flood', () => {
  it('18 wrong PINs for every member from one window and address never stop them signing in elsewhere', async () => {
    const attacker = windowAt('192.0.2.66', 'Lobby kiosk');
    const members = [people.cashier, people.manager, people.admin];
    let wrong = 0;
    let refusedBeforeScrypt = 0;
    for (let i = 0; wrong < 18; i++) {
      const before = started();
      const error = await attacker.fail('signIn', { staffId: members[i % 3]!.staffId, pin: '0000' });
      if (error.code === 'SLOW_DOWN') {
        // Refused before any hashing; the attacker waits as told and goes on.
        expect(started()).toBe(before);
        refusedBeforeScrypt++;
        clock.advance(retryAfter(error));
        continue;
      }
      expect(error.code).toBe('UNAUTHENTICATED');
      wrong++;
    }
    expect(refusedBeforeScrypt).toBeGreaterThan(0);
    expect(auditCount('staff.wrong-pin')).toBe(18);
    // Every member signs in at once at another window, from another address.
    for (const [member, pin] of [[people.cashier, '1111'], [people.manager, '2222'], [people.admin, '3333']] as const) {
      const counter = windowAt(`192.0.2.${10 + members.indexOf(member)}`);
      expect((await counter.signIn(member.staffId, pin)).id).toBe(member.staffId);
    }
  });

  it('slows down both the window and the address the wrong PINs come from', async () => {
    const kiosk = windowAt('192.0.2.66');
    for (let i = 0; i < 3; i++) await kiosk.fail('signIn', { staffId: people.manager.staffId, pin: '0000' });
    // A new window from the same address waits...
    expect((await windowAt('192.0.2.66').fail('signIn', { staffId: people.manager.staffId, pin: '2222' })).code).toBe('SLOW_DOWN');
    // ...and so does the same window from another address.
    const sameWindow = openWindow(api, kiosk.stationId, '192.0.2.67');
    expect((await sameWindow.fail('signIn', { staffId: people.manager.staffId, pin: '2222' })).code).toBe('SLOW_DOWN');
    // Anyone else is not slowed at all.
    expect((await windowAt('192.0.2.68').signIn(people.manager.staffId, '2222')).role).toBe('manager');
  });

  it('lets a burst of simultaneous guesses from one place have no more than the free tries', async () => {
    const kiosk = windowAt('192.0.2.66');
    const before = started();
    const answers = await Promise.all(Array.from({ length: 12 }, () => kiosk.result('signIn', { staffId: people.manager.staffId, pin: '0000' })));
    const codes = answers.map((a) => (a.ok ? 'OK' : a.error.code));
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'SLOW_DOWN')).toHaveLength(9);
    expect(started() - before).toBe(3);
  });
});

describe('back-off, then a pause', () => {
  it('waits 1 s after three wrong PINs, doubling, then pauses five minutes after ten', async () => {
    const w = windowAt('192.0.2.20');
    const waits = [0, 0, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 300_000];
    const before = started();
    for (const [i, wait] of waits.entries()) {
      const wrong = await w.fail('signIn', { staffId: people.cashier.staffId, pin: '0000' });
      expect(wrong.code, `wrong PIN ${i + 1}`).toBe('UNAUTHENTICATED');
      if (wait === 0) continue;
      // Even the right PIN is refused until the wait has passed, with a sentence saying how long.
      const refused = await w.fail('signIn', { staffId: people.cashier.staffId, pin: '1111' });
      expect(refused.code).toBe('SLOW_DOWN');
      expect(retryAfter(refused)).toBe(wait);
      if (wait < 300_000) {
        expect(refused.message).toMatch(new RegExp(`wait ${wait / 1_000} seconds?`));
        clock.advance(wait);
      }
    }
    const paused = await w.fail('signIn', { staffId: people.cashier.staffId, pin: '1111' });
    expect(paused.message).toMatch(/paused for 5 minutes.*manager/);
    clock.advance(4 * 60_000);
    expect((await w.fail('signIn', { staffId: people.cashier.staffId, pin: '1111' })).message).toMatch(/paused for 60 seconds/);
    clock.advance(60_000);
    expect((await w.signIn(people.cashier.staffId, '1111')).role).toBe('cashier');
    // Only the PINs that were checked ran scrypt; each wrong one wrote its audit row.
    expect(started() - before).toBe(11);
    expect(auditCount('staff.wrong-pin')).toBe(10);
  });

  it('keeps wrong PINs against the place even after a right one, and forgets them after a quiet quarter of an hour', async () => {
    const w = windowAt('192.0.2.21');
    for (let i = 0; i < 2; i++) await w.fail('signIn', { staffId: people.manager.staffId, pin: '0000' });
    // A cashier's own PIN between guesses at a manager's does not wipe the slate.
    await w.signIn(people.cashier.staffId, '1111');
    await w.fail('signIn', { staffId: people.manager.staffId, pin: '0000' });
    expect((await w.fail('signIn', { staffId: people.manager.staffId, pin: '0000' })).code).toBe('SLOW_DOWN');
    clock.advance(15 * 60_000 + 1);
    await w.fail('signIn', { staffId: people.manager.staffId, pin: '0000' });
    expect((await w.signIn(people.manager.staffId, '2222')).role).toBe('manager');
  });

  it('applies to approval PINs typed at a cashier window too', async () => {
    const till = windowAt('192.0.2.22');
    await till.signIn(people.cashier.staffId, '1111');
    const show = seedShow(temp.office);
    const seat = show.unit('Stalls A-1');
    const { holdId } = await till.call('holdSeats', { performanceId: show.performanceId, unitIds: [seat] });
    // A price override needs a manager's PIN typed at this window.
    const sale = (pin: string) => ({
      holdId,
      lines: [{ unitId: seat, priceBandId: show.bands.adult, priceMinor: 1000 }],
      payments: [{ method: 'card' as const, amountMinor: 1000 }],
      approval: { staffId: people.manager.staffId, pin },
    });
    for (let i = 0; i < 3; i++) expect((await till.fail('bookSeats', sale('9999'))).code).toBe('UNAUTHENTICATED');
    const before = started();
    expect((await till.fail('bookSeats', sale('2222'))).code).toBe('SLOW_DOWN');
    expect(started()).toBe(before);
    clock.advance(1_000);
    expect((await till.call('bookSeats', sale('2222'))).order.approvedBy).toBe(people.manager.staffId);
  });
});

describe('a manager clears a pause', () => {
  async function pause(w: TestWindow): Promise<void> {
    for (let i = 0; i < 10; i++) {
      const e = await w.fail('signIn', { staffId: people.cashier.staffId, pin: '0000' });
      if (e.code === 'SLOW_DOWN') {
        clock.advance(retryAfter(e));
        i--;
      }
    }
    expect((await w.fail('signIn', { staffId: people.cashier.staffId, pin: '1111' })).message).toMatch(/paused/);
  }

  it("lifts one window's pause, and its address's, from the manager's own session, with an audit row", async () => {
    const paused = windowAt('192.0.2.30');
    await pause(paused);
    const office = windowAt('192.0.2.31');
    await office.signIn(people.manager.staffId, '2222');
    expect(await office.call('clearSignInPause', { windowId: paused.stationId })).toEqual({ cleared: 2 });
    expect((await paused.signIn(people.cashier.staffId, '1111')).role).toBe('cashier');
    const row = temp.office.records.get<{ staff_id: string; details: string }>(sql`select staff_id, details from audit_log where action = 'staff.sign-in-pause-cleared'`);
    expect(row?.staff_id).toBe(people.manager.staffId);
    expect(JSON.parse(row!.details)).toMatchObject({ windowId: paused.stationId, cleared: 2 });
  });

  it('lifts every pause when no window is named, and only a manager may', async () => {
    const a = windowAt('192.0.2.32');
    const b = windowAt('192.0.2.33');
    await pause(a);
    await pause(b);
    expect((await openWindow(api, addStation(temp.office, 'Anon'), '192.0.2.34').fail('clearSignInPause', {})).code).toBe('UNAUTHENTICATED');
    const till = windowAt('192.0.2.35');
    await till.signIn(people.cashier.staffId, '1111');
    expect((await till.fail('clearSignInPause', {})).code).toBe('FORBIDDEN');
    const office = windowAt('192.0.2.36');
    await office.signIn(people.admin.staffId, '3333');
    expect(await office.call('clearSignInPause', {})).toEqual({ cleared: 4 });
    expect((await a.signIn(people.cashier.staffId, '1111')).role).toBe('cashier');
    expect((await b.signIn(people.cashier.staffId, '1111')).role).toBe('cashier');
  });
});

describe('PIN length', () => {
  it('takes 4 to 8 digits, and a setting raises the minimum for every PIN given or reset', async () => {
    const office = windowAt('192.0.2.40');
    await office.signIn(people.admin.staffId, '3333');
    expect((await office.call('getSettings', {})).settings.minPinLength).toBe(4);
    expect((await office.fail('addStaff', { name: 'Nine', role: 'cashier', pin: '123456789' })).code).toBe('BAD_INPUT');
    expect((await office.fail('updateSettings', { changes: { minPinLength: 9 } })).message).toMatch(/shortest PIN: a PIN is at most 8 digits/);
    expect((await office.fail('updateSettings', { changes: { minPinLength: 3 } })).message).toMatch(/shortest PIN: a PIN is at least 4 digits/);
    expect((await office.call('updateSettings', { changes: { minPinLength: 6 } })).minPinLength).toBe(6);

    const before = started();
    const short = await office.fail('addStaff', { name: 'Sam Usher', role: 'cashier', pin: '4321' });
    expect(short).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/A PIN must be 6 to 8 digits here/) });
    expect((await office.fail('resetStaffPin', { staffId: people.cashier.staffId, pin: '43210' })).code).toBe('BAD_INPUT');
    // Refused before any hashing.
    expect(started()).toBe(before);

    const sam = await office.call('addStaff', { name: 'Sam Usher', role: 'cashier', pin: '432100' });
    await office.call('resetStaffPin', { staffId: people.cashier.staffId, pin: '11112222' });
    expect((await office.call('addStaff', { name: 'Pat Porter', role: 'cashier', pin: '135790' })).name).toBe('Pat Porter');
    expect((await windowAt('192.0.2.41').signIn(sam.id, '432100')).name).toBe('Sam Usher');
    expect((await windowAt('192.0.2.42').signIn(people.cashier.staffId, '11112222')).name).toBe('Cass Cashier');
    // PINs set before the change keep working until they are reset.
    expect((await windowAt('192.0.2.43').signIn(people.manager.staffId, '2222')).role).toBe('manager');
    await office.call('updateSettings', { changes: { minPinLength: 8 } });
    expect((await office.fail('addStaff', { name: 'Max', role: 'cashier', pin: '1234567' })).message).toMatch(/exactly 8 digits/);
  });
});

describe('the CPU flood', () => {
  it('200 anonymous createFirstAdmin calls on an installation with staff never start scrypt, and another window signs in meanwhile', async () => {
    const before = started();
    const flood = Array.from({ length: 200 }, (_, i) =>
      openWindow(api, `flood-${i}`, '192.0.2.99').result('createFirstAdmin', { name: `Mallory ${i}`, pin: '1234' }),
    );
    const counter = windowAt('192.0.2.50');
    const [signedIn, ...answers] = await Promise.all([counter.signIn(people.cashier.staffId, '1111'), ...flood]);
    expect(signedIn.role).toBe('cashier');
    expect(answers.every((a) => !a.ok && a.error.code === 'UNAUTHENTICATED')).toBe(true);
    // The one scrypt is the cashier's sign-in.
    expect(started() - before).toBe(1);
    expect(temp.office.records.get<{ n: number }>(sql`select count(*) as n from staff`).n).toBe(3);
  });
});

describe('the concurrency cap', () => {
  it('never runs more than two scrypts at once, however many windows sign in together', async () => {
    const members = [[people.cashier, '1111'], [people.manager, '2222'], [people.admin, '3333']] as const;
    const ws = Array.from({ length: 9 }, (_, i) => windowAt(`192.0.2.${60 + i}`));
    resetScryptPeak();
    const answers = await Promise.all(ws.map((w, i) => w.signIn(members[i % 3]![0].staffId, members[i % 3]![1])));
    expect(answers.map((a) => a.role)).toEqual(ws.map((_, i) => members[i % 3]![0].role));
    expect(scryptCounters().peak).toBe(2);
    expect(scryptCounters().running).toBe(0);
  });

  it('refuses with SLOW_DOWN, before hashing, once the queue behind the two is full', async () => {
    const ws = Array.from({ length: 15 }, (_, i) => windowAt(`192.0.2.${80 + i}`));
    resetScryptPeak();
    const before = started();
    const answers = await Promise.all(ws.map((w) => w.result('signIn', { staffId: people.cashier.staffId, pin: '1111' })));
    const refused = answers.filter((a) => !a.ok);
    // Two running and eight waiting are served; the rest are told to come back.
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(refused.map((a) => !a.ok && a.error)).toEqual(Array(5).fill(expect.objectContaining({ code: 'SLOW_DOWN', message: expect.stringMatching(/busy checking PINs/) })));
    expect(started() - before).toBe(10);
    expect(scryptCounters().peak).toBe(2);
    // A refused window is not held against: it signs in on its next try.
    const again = ws[answers.findIndex((a) => !a.ok)]!;
    expect((await again.signIn(people.cashier.staffId, '1111')).role).toBe('cashier');
  });
});

describe('the throttle itself', () => {
  it('stays bounded in memory whatever number of places send wrong PINs', () => {
    const throttle = new SignInThrottle(clock);
    for (let i = 0; i < 6_000; i++) {
      const attempt = throttle.begin({ stationId: `window-${i}`, peer: `198.51.${i >> 8}.${i & 255}` });
      attempt.wrong();
      attempt.done();
    }
    expect(throttle.size).toBe(4_096);
    // The newest places are the ones kept.
    expect(() => throttle.begin({ stationId: 'window-5999', peer: 'elsewhere' })).not.toThrow();
  });

  it('forgets a place whose PINs were right', () => {
    const throttle = new SignInThrottle(clock);
    const attempt = throttle.begin({ stationId: 'w', peer: 'p' });
    attempt.done();
    expect(throttle.size).toBe(0);
  });
});
