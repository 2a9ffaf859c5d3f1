import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import { mayReceive } from '../../src-main/api/event-access.ts';
import { ACCESS_LEVELS, eventNames, events, procedureNames, procedures, type Access, type ProcedureName } from '../../src-shared/contract/index.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openWindow, type TestWindow } from '../helpers/window.ts';
import { seedStaff } from '../sales/fixtures.ts';

/**
 * The contract's access declarations, walked procedure by procedure through the one dispatcher: a
 * procedure added without a declaration, or declared too openly, fails here (and, without the
 * field, fails to compile).
 */

/** What the sign-in screen (and a window waiting to be paired) needs; nothing else is public. */
// getTrainingState: the TRAINING band shows on the sign-in screen too (it says only yes or no).
// getTerminalJoin, joinBoxOffice: a desktop terminal's join screen, answered by the terminal itself
// before it has a host; a box office or host answers "nothing to join" and refuses a join.
const PUBLIC: ProcedureName[] = [
  'getStationInfo', 'listStaff', 'signIn', 'signOut', 'currentStaff', 'pairingStatus', 'getTrainingState',
  'getTerminalJoin', 'joinBoxOffice',
];
/** Open only on a brand-new installation, then an admin's. */
const SETUP: ProcedureName[] = ['createFirstAdmin', 'loadDemo', 'getStartupRecovery', 'restoreAtStartup'];

const RANK: Record<Access, number> = { public: 0, setup: 3, cashier: 1, manager: 2, admin: 3 };

let temp: TempBoxOffice | undefined;
afterEach(() => {
  temp?.dispose();
  temp = undefined;
});

function world() {
  temp = openTempBoxOffice();
  const people = seedStaff(temp.office);
  const api = createApi(composeForTest(temp.office), { checkOutput: true });
  return { api, people, office: temp.office };
}

/** Counts the rows any handler could have written: a refused call must leave all of them as they were. */
function writtenRows(office: TempBoxOffice['office']): Record<string, number> {
  const db = office.records.$client;
  const tables = ['ledger', 'orders', 'reservations', 'blocks', 'staff', 'events', 'venues', 'price_bands', 'audit_log', 'settings', 'stations', 'paired_windows'];
  const counts = Object.fromEntries(tables.map((t) => [t, (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n]));
  // total_changes() counts every row any statement changed on this connection: updates included.
  return { ...counts, changes: (db.prepare('select total_changes() as n').get() as { n: number }).n };
}

describe('access is declared in the contract', () => {
  it('every procedure declares one of the known levels, and every event who may receive it', () => {
    for (const name of procedureNames) expect(ACCESS_LEVELS, name).toContain(procedures[name].access);
    for (const name of eventNames) expect(['cashier', 'manager', 'admin'], name).toContain(events[name].access);
  });

  it('keeps the public set to what the sign-in screen needs, and setup to the first start', () => {
    expect(procedureNames.filter((n) => procedures[n].access === 'public').sort()).toEqual([...PUBLIC].sort());
    expect(procedureNames.filter((n) => procedures[n].access === 'setup').sort()).toEqual([...SETUP].sort());
  });
});

describe('the dispatcher enforces the declarations before anything runs', () => {
  async function refusedAbove(window: TestWindow | null, level: number, call: (name: ProcedureName) => Promise<unknown>) {
    const refused: string[] = [];
    for (const name of procedureNames) {
      if (RANK[procedures[name].access] <= level) continue;
      const result = (await call(name)) as { ok: boolean; error?: { code: string; message: string } };
      expect(result.ok, name).toBe(false);
      expect(result.error?.code, name).toBe(window ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      expect(result.error?.message, name).toMatch(/^(Nobody is signed in|This needs)/);
      refused.push(name);
    }
    return refused;
  }

  it('refuses an anonymous window everything above public, whatever the input', async () => {
    const { api, office } = world();
    const before = writtenRows(office);
    const anonymous = openWindow(api);
    // Garbage input on purpose: the refusal comes before parsing, so no handler and no zod ran.
    const refused = await refusedAbove(null, 0, (name) => anonymous.result(name, { garbage: 'x'.repeat(100) } as never));
    expect(refused.length).toBe(procedureNames.length - PUBLIC.length);
    expect(writtenRows(office)).toEqual(before);
  });

  it('refuses a cashier everything above cashier, and a manager everything above manager', async () => {
    const { api, people, office } = world();
    const cashier = openWindow(api);
    await cashier.signIn(people.cashier.staffId, people.pins.cashier);
    const before = writtenRows(office);
    const forCashier = await refusedAbove(cashier, 1, (name) => cashier.result(name, {} as never));
    expect(forCashier).toEqual(expect.arrayContaining(['savePrinter', 'addStaff', 'createFirstAdmin', 'loadDemo', 'previewLayout', 'reprintJob', 'configureSync']));
    expect(writtenRows(office)).toEqual(before);
    const manager = openWindow(api);
    await manager.signIn(people.manager.staffId, people.pins.manager);
    const beforeManager = writtenRows(office);
    const forManager = await refusedAbove(manager, 2, (name) => manager.result(name, {} as never));
    expect(forManager).toEqual(expect.arrayContaining(['createFirstAdmin', 'loadDemo']));
    expect(writtenRows(office)).toEqual(beforeManager);
  });

  it('lets setup procedures through anonymously only while the installation has no staff', async () => {
    temp = openTempBoxOffice();
    const api = createApi(composeForTest(temp.office), { checkOutput: true });
    const first = openWindow(api);
    const admin = await first.call('createFirstAdmin', { name: 'First Admin', pin: '13579' });
    expect(admin.role).toBe('admin');
    expect(await openWindow(api).fail('createFirstAdmin', { name: 'Mallory', pin: '0000' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    await first.signIn(admin.id, '13579');
    expect(await first.fail('createFirstAdmin', { name: 'Second Admin', pin: '24680' })).toMatchObject({ code: 'CONFLICT' });
    expect((await first.call('addStaff', { name: 'Second', role: 'cashier', pin: '24680' })).name).toBe('Second');
  });

  it('never accepts a session secret at another window, nor a guessed one', async () => {
    const { api, people } = world();
    const manager = openWindow(api, 'window-manager');
    await manager.signIn(people.manager.staffId, people.pins.manager);
    expect(manager.ctx.sessionSecret).toMatch(/^[\w-]{43}$/);
    // The same secret presented by another window names nobody there.
    const thief = openWindow(api, 'window-thief');
    thief.ctx.sessionSecret = manager.ctx.sessionSecret;
    expect(await thief.fail('addStaff', { name: 'Mallory', role: 'manager', pin: '9999' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    // Nor does a made-up secret at the manager's own window.
    const guess = openWindow(api, 'window-manager');
    guess.ctx.sessionSecret = 'A'.repeat(43);
    expect(await guess.fail('addStaff', { name: 'Mallory', role: 'manager', pin: '9999' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    // And signing out from a window without the secret does not sign the manager out.
    await guess.call('signOut', {});
    expect((await manager.call('currentStaff', {}))?.id).toBe(people.manager.staffId);
  });

  it('ends a session on sign-out and after the idle time-out', async () => {
    const { api, people, office } = world();
    // The shortest idle time-out the settings registry accepts (a shorter stored value reads as the default).
    office.records.$client.prepare("insert into settings (key, value) values ('staff.sessionIdleMinutes', '5')").run();
    const counter = openWindow(api);
    await counter.signIn(people.cashier.staffId, people.pins.cashier);
    const secret = counter.ctx.sessionSecret;
    await counter.call('signOut', {});
    expect(counter.ctx.sessionSecret).toBeNull();
    counter.ctx.sessionSecret = secret;
    expect(await counter.call('currentStaff', {})).toBeNull();

    await counter.signIn(people.cashier.staffId, people.pins.cashier);
    office.records.$client.prepare('update staff_sessions set last_seen_at = last_seen_at - 360000').run();
    expect(await counter.fail('listPerformances', {})).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('does not count events pushed to a window as its activity', async () => {
    const { api, people, office } = world();
    const counter = openWindow(api);
    await counter.signIn(people.cashier.staffId, people.pins.cashier);
    const db = office.records.$client;
    // Seen 20 s ago: a call now would write the time, an event pushed now must not.
    const seen = Date.now() - 20_000;
    db.prepare('update staff_sessions set last_seen_at = ?').run(seen);
    expect(mayReceive(api.sessions, counter.stationId, counter.ctx.sessionSecret, 'performancesChanged')).toBe(true);
    expect(db.prepare('select last_seen_at as t from staff_sessions').get()).toEqual({ t: seen });
    await counter.call('currentStaff', {});
    expect((db.prepare('select last_seen_at as t from staff_sessions').get() as { t: number }).t).toBeGreaterThan(seen);
  });
});
