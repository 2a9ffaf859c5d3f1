import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceRoot } from '../../src-main/paths.ts';
import { focusOf, namesFocus } from '../../src-main/plans/rank-seats.ts';
import { parsePlan } from '../../src-main/plans/import-plan.ts';
import { CASHIER, MANAGER, openDemoWorld, type AdminWorld, type Window } from '../admin/helpers.ts';

const arena = () => readFileSync(join(sourceRoot, 'test/fixtures/plans/arena.seating.json'), 'utf8');

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

/** The arena imported by a manager, an event priced for every category, one performance on sale. */
async function arenaOnSale(focus?: { x: number; y: number }) {
  world = openDemoWorld();
  const manager = await world.window(...MANAGER);
  const venue = await manager.call('createVenue', { name: 'Test Arena' });
  const imported = await manager.call('importSeatingPlan', { venueId: venue.id, name: 'Match day', format: 'pretix', fileName: 'arena.seating.json', content: arena(), ...(focus ? { focus } : {}) });
  const event = await manager.call('saveEvent', { event: { title: 'Cup final', durationMinutes: 120 } });
  await manager.call('savePriceBand', { eventId: event.id, band: { name: 'Adult', category: null, priceMinor: 3000, taxRateBp: 2000, taxIncluded: true } });
  const run = await manager.call('createRun', { eventId: event.id, planId: imported.planId, firstDate: '2026-12-05', lastDate: '2026-12-05', slots: [{ weekdays: [6], time: '15:00' }] });
  const cashier = await world.window(...CASHIER);
  return { manager, cashier, imported, performanceId: run.performanceIds[0]! };
}

async function rowsOf(cashier: Window, performanceId: string, unitIds: number[]) {
  const map = await cashier.call('getSeatMap', { performanceId });
  return unitIds.map((id) => map.seats.find((s) => s.unitId === id)!).map((s) => `${s.zone} row ${s.row}`);
}

describe('the focus point best-available measures from', () => {
  it('is an area named like a stage or pitch, in the languages plans are drawn in', () => {
    for (const name of ['Stage', 'Main stage', 'PITCH', 'Centre court', 'Screen 1', 'Ice rink', 'Boxing ring', 'Bühne', 'Spielfeld', 'Leinwand', 'Scène', 'écran', 'Escenario', 'Palco', 'Podium', 'Field']) {
      expect(namesFocus(name), name).toBe(true);
    }
    for (const name of ['Standing', 'Bar', 'Ringside seats', 'Screening room', 'Backstage bar', 'Stalls']) {
      expect(namesFocus(name), name).toBe(false);
    }
  });

  it('falls back to the top centre of a plan that has no such area', () => {
    const plan = parsePlan('pretix', 'arena.json', arena().replace('"Spielfeld"', '"Grass"'));
    expect(focusOf(plan.areas, plan.width)).toEqual({ x: 500, y: 0, source: 'top', areaName: null });
  });

  it('is shown in the import preview at the pitch, whose name is kept for the map', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const preview = await manager.call('previewSeatingPlan', { format: 'pretix', fileName: 'arena.seating.json', content: arena() });
    expect(preview.focus).toEqual({ x: 500, y: 400, source: 'area', areaName: 'Spielfeld' });
    expect(preview.areas.map((a) => a.name)).toContain('Spielfeld');
  });
});

describe('best available on an imported arena plan', () => {
  it('picks seats in the front rows nearest the pitch, not the back row nearest the top of the plan', async () => {
    const { cashier, performanceId } = await arenaOnSale();
    const first = await cashier.call('holdBestAvailable', { performanceId, quantity: 4 });
    expect(first.adjacent).toBe(true);
    const second = await cashier.call('holdBestAvailable', { performanceId, quantity: 4 });
    const rows = [...(await rowsOf(cashier, performanceId, first.unitIds)), ...(await rowsOf(cashier, performanceId, second.unitIds))];
    // Both stands' row 1 face the pitch at the same distance: the first parties sit there.
    for (const row of rows) expect(row).toMatch(/^Block [NS] row 1$/);
  });

  it('follows the focus point a manager moves, on import and on a saved plan', async () => {
    const { manager, cashier, imported, performanceId } = await arenaOnSale({ x: 500, y: 820 });
    expect(imported.focus).toMatchObject({ x: 500, y: 820, source: 'manager' });
    const south = await cashier.call('holdBestAvailable', { performanceId, quantity: 2 });
    expect(await rowsOf(cashier, performanceId, south.unitIds)).toEqual(['Block S row 8', 'Block S row 8']);

    const moved = await manager.call('movePlanFocus', { planId: imported.planId, focus: { x: 500, y: -50 } });
    expect(moved).toEqual({ x: 500, y: 0, source: 'manager', areaName: null });
    const north = await cashier.call('holdBestAvailable', { performanceId, quantity: 2 });
    expect(await rowsOf(cashier, performanceId, north.unitIds)).toEqual(['Block N row 8', 'Block N row 8']);
    expect((await cashier.fail('movePlanFocus', { planId: imported.planId, focus: { x: 1, y: 1 } })).code).toBe('FORBIDDEN');
  });
});
