import { ulid } from 'ulid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPerformance } from '../../src-main/catalog/create-performance.ts';
import { getSeatMap } from '../../src-main/catalog/seat-map.ts';
import { events } from '../../src-main/db/records/schema.ts';
import { importSeatingPlan } from '../../src-main/plans/import-plan.ts';
import { parsePretixPlan } from '../../src-main/plans/parse-pretix.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { openTempVenue, thrownBy, type TempVenue } from './plan-import-kit.ts';

/** A pretix plan of one zone whose rows say where their names go (or say nothing). */
function planWith(rows: { row: string; position?: unknown }[]) {
  return JSON.stringify({
    name: 'Rows',
    categories: [{ name: 'Stalls', color: '#123456' }],
    zones: [
      {
        name: 'Block E',
        position: { x: 0, y: 0 },
        rows: rows.map((r, i) => ({
          row_number: r.row,
          ...(r.position === undefined ? {} : { row_number_position: r.position }),
          position: { x: 40, y: 40 + i * 30 },
          seats: [1, 2, 3].map((n) => ({ seat_guid: `${r.row}-${n}`, seat_number: String(n), position: { x: n * 25, y: 0 }, category: 'Stalls' })),
        })),
      },
    ],
  });
}

describe('row_number_position in a pretix plan', () => {
  it('is read per row: start, end, both, none, and the left/right some editors write', () => {
    const plan = parsePretixPlan('rows.json', planWith([
      { row: '12', position: 'start' },
      { row: '13', position: 'end' },
      { row: '14', position: 'both' },
      { row: '15', position: 'none' },
      { row: '16', position: 'left' },
      { row: '17', position: 'right' },
      { row: '18' },
    ]));
    expect(plan.rows).toEqual([
      { zone: 'Block E', row: '12', numberPosition: 'start' },
      { zone: 'Block E', row: '13', numberPosition: 'end' },
      { zone: 'Block E', row: '14', numberPosition: 'both' },
      { zone: 'Block E', row: '15', numberPosition: 'none' },
      { zone: 'Block E', row: '16', numberPosition: 'start' },
      { zone: 'Block E', row: '17', numberPosition: 'end' },
    ]);
  });

  it('refuses a position it does not know with a sentence naming the row', () => {
    const error = thrownBy(() => parsePretixPlan('rows.json', planWith([{ row: '12', position: 'middle' }])));
    expect(error).toBeInstanceOf(MarqueeError);
    expect((error as MarqueeError).message).toMatch(/zones\[0\]\.rows\[0\]\.row_number_position/);
    expect((error as MarqueeError).message).toMatch(/must be "start", "end", "both" or "none", not the text "middle"/);
  });
});

describe('the cashier’s seat map', () => {
  let venue: TempVenue;
  beforeEach(() => {
    venue = openTempVenue('Arena');
  });
  afterEach(() => venue.temp.dispose());

  it('carries each row’s label position as imported, and seat labels in words', () => {
    const { planId } = importSeatingPlan(venue.records, {
      venueId: venue.venueId,
      name: 'Arena',
      format: 'pretix',
      fileName: 'rows.json',
      content: planWith([{ row: '14', position: 'start' }, { row: '15', position: 'none' }, { row: '16' }]),
    });
    const eventId = ulid();
    venue.records.insert(events).values({ id: eventId, title: 'Cup final' }).run();
    const { id } = createPerformance(venue.records, { eventId, planId, startsAt: Date.now() + 86_400_000 });
    const map = getSeatMap(venue.records, id, Date.now());
    expect(map.rowLabels).toEqual([
      { zone: 'Block E', row: '14', position: 'start' },
      { zone: 'Block E', row: '15', position: 'none' },
    ]);
    expect(map.seats.find((s) => s.row === '14' && s.number === '3')!.label).toBe('Block E, row 14, seat 3');
  });
});
