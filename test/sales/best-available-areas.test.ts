import { afterEach, describe, expect, it } from 'vitest';
import { suggestPlaces, type CandidateArea, type CandidateSeat } from '../../src-main/sales/best-available.ts';
import { CASHIER, openDemoWorld, type AdminWorld } from '../admin/helpers.ts';
import { openCounter, type Counter } from '../helpers/counter.ts';

const seat = (unitId: number, row: string, x: number, rank: number, selectable = true): CandidateSeat => ({ unitId, zone: 'Stalls', row, number: String(x), x, rank, selectable });
const area = (areaId: string, free: number, first: number): CandidateArea => ({ areaId, free, unitIds: Array.from({ length: Math.min(free, 10) }, (_, i) => first + i) });

describe('suggestPlaces (pure)', () => {
  it('takes a party from a standing area when the venue has no seats', () => {
    expect(suggestPlaces([], () => [area('floor', 120, 1)], 4)).toEqual({ unitIds: [1, 2, 3, 4], adjacent: true, areaIds: ['floor', 'floor', 'floor', 'floor'] });
  });

  it('prefers seats together, then a split of seats, then one area for the whole party, then seats topped up with places', () => {
    const seats = [seat(1, 'A', 1, 0), seat(2, 'A', 2, 1), seat(3, 'B', 1, 2, true), seat(4, 'B', 2, 3, false), seat(5, 'B', 3, 4)];
    let areasRead = 0;
    const areas = () => {
      areasRead++;
      return [area('pit', 6, 100)];
    };
    expect(suggestPlaces(seats, areas, 2)).toEqual({ unitIds: [1, 2], adjacent: true });
    expect(suggestPlaces(seats, areas, 3)).toMatchObject({ adjacent: false, unitIds: expect.arrayContaining([1, 2]) });
    expect(areasRead).toBe(0);
    expect(suggestPlaces(seats, areas, 5)).toEqual({ unitIds: [100, 101, 102, 103, 104], adjacent: true, areaIds: Array(5).fill('pit') });
    expect(suggestPlaces(seats, areas, 8)).toEqual({ unitIds: [1, 2, 3, 5, 100, 101, 102, 103], adjacent: false, areaIds: [null, null, null, null, 'pit', 'pit', 'pit', 'pit'] });
    expect(suggestPlaces(seats, areas, 11)).toBeNull();
  });
});

let world: AdminWorld | null = null;
let counter: Counter | null = null;
afterEach(() => {
  world?.dispose();
  counter?.dispose();
  world = counter = null;
});

describe('best available through the contract', () => {
  it('holds 4 of the demo Studio’s 120 standing places (it answered "Only 0 seat(s) are left")', async () => {
    world = openDemoWorld();
    const cashier = await world.window(...CASHIER);
    const list = await cashier.call('listPerformances', { days: 7 });
    const studio = list.find((p) => p.planName !== '' && p.venueName.includes('Studio') && p.startsAt > world!.clock.now())!;
    const hold = await cashier.call('holdBestAvailable', { performanceId: studio.id, quantity: 4 });
    expect(hold.unitIds).toHaveLength(4);
    const map = await cashier.call('getSeatMap', { performanceId: studio.id });
    const floor = map.areas.find((a) => a.capacity > 0)!;
    expect(hold.areaIds).toEqual([floor.id, floor.id, floor.id, floor.id]);
    expect(floor.available).toBe(116);
    const suggestion = await cashier.call('suggestBestAvailable', { performanceId: studio.id, quantity: 2 });
    expect(suggestion.unitIds).toHaveLength(2);
  });

  it('serves a mixed venue: seats first, the standing area for a party the seats cannot take, both when neither is enough', async () => {
    counter = await openCounter({ show: { rows: 1, seatsPerRow: 3, standing: 10 } });
    const { till, show } = counter;
    const pair = await till.call('holdBestAvailable', { performanceId: show.performanceId, quantity: 2 });
    expect(pair.areaIds).toBeUndefined();
    expect(pair.unitIds.every((id) => show.seatUnitIds.includes(id))).toBe(true);
    const party = await till.call('holdBestAvailable', { performanceId: show.performanceId, quantity: 5 });
    expect(party.areaIds).toEqual(Array(5).fill(show.areaId));
    // 1 seat and 5 places are left.
    const refused = await till.fail('holdBestAvailable', { performanceId: show.performanceId, quantity: 7 });
    expect(refused).toMatchObject({ code: 'SEATS_UNAVAILABLE', message: 'Only 6 seat(s) or place(s) are left; 7 were asked for.' });
    const rest = await till.call('holdBestAvailable', { performanceId: show.performanceId, quantity: 6 });
    expect(rest.areaIds?.filter((a) => a === null)).toHaveLength(1);
  });
});
