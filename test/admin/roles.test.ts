import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf, ProcedureName } from '../../src-shared/contract/index.ts';
import { CASHIER, MANAGER, openDemoWorld, type AdminWorld } from './helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

const SOME_ID = '01JZZZZZZZZZZZZZZZZZZZZZZZ';

/** One valid call to each manager-only procedure: a cashier must be refused before anything runs. */
const managerOnly: { [K in ProcedureName]?: InputOf<K> } = {
  listEvents: {},
  saveEvent: { event: { title: 'Sneaky', durationMinutes: 60 } },
  listEventPerformances: { eventId: SOME_ID },
  createRun: { eventId: SOME_ID, planId: SOME_ID, firstDate: '2026-12-01', lastDate: '2026-12-02', slots: [{ weekdays: [2], time: '19:30' }] },
  updatePerformance: { performanceId: SOME_ID, state: 'cancelled' },
  putEventOnSale: { eventId: SOME_ID },
  performanceImpact: { performanceId: SOME_ID },
  createVenue: { name: 'Shed' },
  previewSeatingPlan: { format: 'csv', fileName: 'a.csv', content: 'section,row,seat,x,y,category\nA,1,1,0,0,Stalls' },
  planCategories: { planId: SOME_ID },
  listBlocks: { performanceId: SOME_ID },
  listEventPriceBands: { eventId: SOME_ID },
  savePriceBand: { eventId: SOME_ID, band: { name: 'Free', category: null, priceMinor: 0, taxRateBp: 0, taxIncluded: true } },
  removePriceBand: { id: SOME_ID },
  listDiscountCodes: {},
  deactivateDiscountCode: { id: SOME_ID },
  listAllStaff: {},
  addStaff: { name: 'Mallory', role: 'manager', pin: '9999' },
  updateStaff: { staffId: SOME_ID, role: 'manager' },
  resetStaffPin: { staffId: SOME_ID, pin: '9999' },
  queryAuditLog: {},
  getSettings: {},
  updateSettings: { changes: { holdMinutes: 60 } },
  resetDemo: { confirm: 'RESET DEMO' },
  importSeatingPlan: { venueId: SOME_ID, name: 'x', format: 'csv', fileName: 'a.csv', content: 'section,row,seat,x,y,category\nA,1,1,0,0,Stalls' },
};

describe('manager-only procedures', () => {
  it('refuse a cashier with FORBIDDEN and a sentence, and refuse a window nobody signed in at', async () => {
    world = openDemoWorld();
    const cashier = await world.window(...CASHIER);
    const names = Object.keys(managerOnly) as ProcedureName[];
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const error = await cashier.fail(name, managerOnly[name] as never);
      expect(error.code, name).toBe('FORBIDDEN');
      expect(error.message, name).toMatch(/needs a manager's approval\.|manager/);
      expect(error.message.endsWith('.'), name).toBe(true);
    }
    const nobody = await world.api.call('listEvents', {}, { transport: 'test', stationId: 'window-empty', sessionSecret: null });
    expect(nobody).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Nothing the cashier tried was written.
    const db = world.temp.office.records.$client;
    expect((db.prepare("select count(*) as n from events where title = 'Sneaky'").get() as { n: number }).n).toBe(0);
    expect((db.prepare("select count(*) as n from staff where name = 'Mallory'").get() as { n: number }).n).toBe(0);
  });

  it('let a manager through', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const events = await manager.call('listEvents', {});
    expect(events.length).toBe(3);
    const total = (world.temp.office.records.$client.prepare('select count(*) as n from performances').get() as { n: number }).n;
    expect(events.reduce((n, e) => n + e.performances, 0)).toBe(total);
    expect(events.every((e) => e.performances > 0 && e.performances < total)).toBe(true);
    expect((await manager.call('getSettings', {})).demoLoaded).toBe(true);
  });
});
