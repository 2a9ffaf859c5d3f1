import { afterEach, describe, expect, it } from 'vitest';
import { MANAGER, openDemoWorld, type AdminWorld } from './helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

describe('settings', () => {
  it('reads and writes the installation settings, refusing an unknown time zone', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const { settings, dataDir } = await manager.call('getSettings', {});
    expect(dataDir).toBe(world.temp.dataDir);
    expect(settings).toMatchObject({ venueName: 'The Lyric Theatre', currency: 'GBP', timeZone: 'Europe/London' });
    const updated = await manager.call('updateSettings', { changes: { venueName: 'The New Lyric', holdMinutes: 15, invoiceFooter: 'Thank you', defaultTaxRateBp: 500 } });
    expect(updated).toMatchObject({ venueName: 'The New Lyric', holdMinutes: 15, invoiceFooter: 'Thank you', defaultTaxRateBp: 500 });
    expect((await manager.call('getStationInfo', {})).venueName).toBe('The New Lyric');
    const zone = await manager.fail('updateSettings', { changes: { timeZone: 'Mars/Olympus' } });
    expect(zone).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('Mars/Olympus') });
    const log = await manager.call('queryAuditLog', { kind: 'settings.' });
    // In words, from the settings registry's labels (issue 11, item 19).
    for (const label of ['the venue name', 'the hold time', 'the invoice footer', 'the default tax rate']) expect(log.entries[0]?.summary).toContain(label);
  });

  it('resets the demo in one go, keeping the manager signed in', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const event = await manager.call('saveEvent', { event: { title: 'Extra show', durationMinutes: 60 } });
    const result = await manager.call('resetDemo', { confirm: 'RESET DEMO' });
    expect(result.performances).toBeGreaterThan(5);
    const titles = (await manager.call('listEvents', {})).map((e) => e.title);
    expect(titles).not.toContain('Extra show');
    expect(titles).toHaveLength(3);
    expect(event.id).toBeTruthy();
    expect((await manager.call('currentStaff', {}))?.name).toBe('Morgan Hale');
    expect((await manager.call('queryAuditLog', {})).entries[0]?.kind).toBe('demo.reset');
  });

  it('refuses to reset an installation that holds real data, deleting nothing', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    await manager.call('addStaff', { name: 'Real Person', role: 'cashier', pin: '5555' });
    expect((await manager.call('getSettings', {})).demoLoaded).toBe(false);
    const refused = await manager.fail('resetDemo', { confirm: 'RESET DEMO' });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('nothing was deleted') });
    expect((await manager.call('listAllStaff', {})).some((s) => s.name === 'Real Person')).toBe(true);
    const typo = await manager.fail('resetDemo', { confirm: 'reset' as 'RESET DEMO' });
    expect(typo.code).toBe('BAD_INPUT');
  });
});
