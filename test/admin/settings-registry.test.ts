import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src-main/api/create-api.ts';
import type { Dispatcher } from '../../src-main/api/dispatcher.ts';
import { ManualClock } from '../../src-main/core/clock.ts';
import { readSetting, writeSetting } from '../../src-main/core/settings.ts';
import { BoxOfficeSettingsSchema } from '../../src-shared/contract/settings.ts';
import { screenSettingDefaults, settingDefault, settingKeys, settingsRegistry } from '../../src-shared/settings-registry.ts';
import { composeForTest, openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';
import { openWindow } from '../helpers/window.ts';
import { addStation, seedShow, seedStaff, type StaffFixture } from '../sales/fixtures.ts';

let temp: TempBoxOffice;
let people: StaffFixture;
let api: Dispatcher;

beforeEach(() => {
  temp = openTempBoxOffice({ clock: new ManualClock(Date.UTC(2026, 10, 22, 9)) });
  people = seedStaff(temp.office);
  api = createApi(composeForTest(temp.office), { checkOutput: true });
});
afterEach(() => {
  vi.restoreAllMocks();
  temp.dispose();
});

const storeRaw = (key: string, text: string) =>
  temp.office.records.$client.prepare('insert or replace into settings (key, value) values (?, ?)').run(key, text);
const storedRaw = (key: string) => temp.office.records.$client.prepare('select value from settings where key = ?').pluck().get(key);

async function signedIn(member: 'manager' | 'admin') {
  const window = openWindow(api, addStation(temp.office, `${member} desk`));
  await window.signIn(people[member].staffId, member === 'manager' ? '2222' : '3333');
  return window;
}

describe('the settings registry', () => {
  it('gives every default to an empty installation, and every default passes its own type', async () => {
    for (const key of settingKeys) {
      const { type, default: fallback } = settingsRegistry[key];
      expect(type.safeParse(fallback).success, key).toBe(true);
      expect(readSetting(temp.office.records, key), key).toEqual(fallback);
    }
    const manager = await signedIn('manager');
    const { settings } = await manager.call('getSettings', {});
    expect(settings).toEqual(screenSettingDefaults);
    expect(settings).toMatchObject({ currency: 'GBP', holdMinutes: 10, minPinLength: 4, sessionIdleMinutes: 30 });
    // The contract is the registry's screen settings, no more and no fewer.
    expect(Object.keys(BoxOfficeSettingsSchema.shape).sort()).toEqual(Object.keys(screenSettingDefaults).sort());
  });

  it('writes and reads back typed values as JSON rows of the real settings table', async () => {
    const { records } = temp.office;
    writeSetting(records, 'holds.minutes', 25);
    writeSetting(records, 'tax.defaultIncluded', false);
    writeSetting(records, 'venue.name', 'The Lantern');
    writeSetting(records, 'installation.id', 'inst-1');
    expect(readSetting(records, 'holds.minutes')).toBe(25);
    expect(readSetting(records, 'tax.defaultIncluded')).toBe(false);
    expect(readSetting(records, 'venue.name')).toBe('The Lantern');
    expect(readSetting(records, 'installation.id')).toBe('inst-1');
    expect(storedRaw('holds.minutes')).toBe('25');
    expect(storedRaw('venue.name')).toBe('"The Lantern"');
    // A value outside the type never reaches the table, whatever a caller's cast says.
    expect(() => writeSetting(records, 'holds.minutes', 0)).toThrow(/hold time/);
    expect(readSetting(records, 'holds.minutes')).toBe(25);

    const manager = await signedIn('manager');
    const updated = await manager.call('updateSettings', { changes: { holdMinutes: 15, sessionIdleMinutes: 45 } });
    expect(updated).toMatchObject({ holdMinutes: 15, sessionIdleMinutes: 45 });
    expect(readSetting(records, 'staff.sessionIdleMinutes')).toBe(45);
    expect(storedRaw('staff.sessionIdleMinutes')).toBe('45');
  });

  it('reads a damaged stored value as the default with a log line, and a sale still goes through', async () => {
    const warn = vi.spyOn(console, 'warn');
    storeRaw('currency', '"pounds"');
    storeRaw('holds.minutes', '{not json');
    storeRaw('staff.minPinLength', '"six"');
    expect(readSetting(temp.office.records, 'currency')).toBe(settingDefault('currency'));
    expect(readSetting(temp.office.records, 'holds.minutes')).toBe(10);
    expect(readSetting(temp.office.records, 'staff.minPinLength')).toBe(4);
    const lines = warn.mock.calls.map((c) => String(c[0]));
    expect(lines.some((l) => l.includes('currency') && l.includes('damaged'))).toBe(true);
    expect(lines.some((l) => l.includes('holds.minutes') && l.includes('not JSON'))).toBe(true);

    // The sales engine reads the same rows in its own statements: the sale is in the default currency.
    const show = seedShow(temp.office);
    const till = openWindow(api, addStation(temp.office, 'Till'));
    await till.signIn(people.cashier.staffId, '1111');
    await till.call('openShift', { amountMinor: 10_000 }); // cash needs an open shift
    const unitId = show.unit('Stalls A-1');
    const hold = await till.call('holdSeats', { performanceId: show.performanceId, unitIds: [unitId] });
    expect(hold.expiresAt - temp.office.clock.now()).toBe(10 * 60_000);
    const sale = await till.call('bookSeats', {
      holdId: hold.holdId,
      lines: [{ unitId, priceBandId: show.bands.adult }],
      payments: [{ method: 'cash', tenderedMinor: 2500 }],
    });
    expect(sale.order.currency).toBe('GBP');
    const manager = await signedIn('manager');
    expect((await manager.call('getSettings', {})).settings).toMatchObject({ currency: 'GBP', holdMinutes: 10, minPinLength: 4 });
  });

  it('refuses a manager an admin-only setting with a sentence, and lets an admin change it', async () => {
    expect(settingsRegistry.currency.changedBy).toBe('admin');
    const manager = await signedIn('manager');
    const refused = await manager.fail('updateSettings', { changes: { currency: 'EUR', holdMinutes: 20 } });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Only an administrator may change the currency; nothing was saved.' });
    // Nothing of the refused change was written, not even the part the manager may change.
    expect(readSetting(temp.office.records, 'holds.minutes')).toBe(10);
    // The screen sends the whole form: the currency unchanged is no change, so the rest is saved.
    expect(await manager.call('updateSettings', { changes: { currency: 'GBP', holdMinutes: 20 } })).toMatchObject({ holdMinutes: 20 });

    const admin = await signedIn('admin');
    expect((await admin.call('updateSettings', { changes: { currency: 'EUR' } })).currency).toBe('EUR');
    expect(readSetting(temp.office.records, 'currency')).toBe('EUR');
  });
});
