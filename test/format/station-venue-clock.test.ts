import { afterEach, describe, expect, it } from 'vitest';
import { MANAGER, openDemoWorld, type AdminWorld } from '../admin/helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

describe("the station info carries the venue's clock for the screens", () => {
  it('sends the time zone, locale and currency, follows a change, and refuses a locale Intl does not know', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    expect(await manager.call('getStationInfo', {})).toMatchObject({ timeZone: 'Europe/London', locale: 'en-GB', currency: 'GBP' });

    await manager.call('updateSettings', { changes: { timeZone: 'America/New_York', locale: 'en-US' } });
    expect(await manager.call('getStationInfo', {})).toMatchObject({ timeZone: 'America/New_York', locale: 'en-US' });

    const refused = await manager.fail('updateSettings', { changes: { locale: 'not-a-locale' } });
    expect(refused).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('not-a-locale') });
    expect((await manager.call('getSettings', {})).settings.locale).toBe('en-US');
  });
});
