import { ManualClock } from '../src-main/core/clock.ts';
import { SalesEngine } from '../src-main/sales/engine.ts';
import { Till } from '../src-main/shifts/till.ts';
import type { Actor } from '../src-main/staff/actor.ts';
import { openTempBoxOffice } from '../test/helpers/temp-box-office.ts';
import { seedAnotherPerformance, seedShow, seedStaff } from '../test/sales/fixtures.ts';
import { median, row, type BenchArea } from './types.ts';

const WINDOWS = 10;
const PERFORMANCES = 4;
const SEATS_PER_PERFORMANCE = 5000; // 20,000 tickets in the day
const RUNS = 9;

/** The median of RUNS timings of `fn`, after one run to warm the page cache and the prepared statements. */
function medianMs(fn: () => unknown): number {
  fn();
  return median(
    Array.from({ length: RUNS }, () => {
      const started = performance.now();
      fn();
      return performance.now() - started;
    }),
  );
}

/**
 * A venue's day through the real engine and till: 10 windows, 20,000 tickets sold two at a time
 * (cash and card, one sale in fifty refunded, a cash-out per window), then an X report of one
 * window's open shift and the venue's Z figures over the whole day. Each floor is the plain SQL
 * the report cannot do without: sums of the payments by method and of the tickets by band and rate.
 */
export const cashUpBench: BenchArea = {
  area: 'cash-up',
  async run() {
    const clock = new ManualClock(Date.UTC(2026, 11, 3, 9, 0));
    const temp = openTempBoxOffice({ clock });
    try {
      const { office } = temp;
      const people = seedStaff(office);
      const show = seedShow(office, { rows: 50, seatsPerRow: 100, standing: 0, startsAt: clock.now() + 86_400_000 });
      const performances = [show.performanceId];
      for (let i = 1; i < PERFORMANCES; i++) performances.push(seedAnotherPerformance(office, show, clock.now() + 86_400_000 + i * 3_600_000));
      const unitsOf = office.records.$client.prepare('SELECT id FROM units WHERE performance_id = ? ORDER BY id').pluck();
      const engine = new SalesEngine(office);
      const till = new Till({ records: office.records, clock });
      const windows: Actor[] = Array.from({ length: WINDOWS }, (_, i) => ({ stationId: `W${i + 1}`, staffId: people.cashier.staffId, role: 'cashier' }));
      for (const w of windows) till.open(w, { amountMinor: 20_000 });
      let sale = 0;
      for (const performanceId of performances) {
        const units = unitsOf.all(performanceId) as number[];
        for (let i = 0; i + 1 < units.length && i < SEATS_PER_PERFORMANCE; i += 2) {
          const who = windows[sale % WINDOWS]!;
          clock.advance(50);
          const unitIds = [units[i]!, units[i + 1]!];
          const hold = engine.holdSeats(who, { performanceId, unitIds });
          const booked = engine.book(who, { holdId: hold.holdId, lines: unitIds.map((unitId) => ({ unitId, priceBandId: show.bands.adult })), payments: [{ method: sale % 3 === 0 ? 'cash' : 'card' }] });
          if (sale % 50 === 7) engine.refund(who, { orderId: booked.order.id, method: 'card', ticketIds: [booked.tickets[0]!.ticketId] });
          sale++;
        }
      }
      for (const w of windows) till.moveCash(w, { direction: 'out', amountMinor: 1000, reason: 'Paid out' });
      const db = office.records.$client;
      const xFloorSql = [
        db.prepare(`SELECT method, sum(amount_minor) FROM payments WHERE station_id = ? GROUP BY method`),
        db.prepare(`SELECT t.price_band_id, sum(t.total_minor), sum(t.tax_minor) FROM tickets t JOIN orders o ON o.id = t.order_id WHERE o.station_id = ? GROUP BY t.price_band_id`),
      ];
      const zFloorSql = [
        db.prepare(`SELECT method, sum(amount_minor) FROM payments GROUP BY method`),
        db.prepare(`SELECT price_band_id, state, sum(total_minor), sum(tax_minor) FROM tickets GROUP BY price_band_id, state`),
      ];
      const x = medianMs(() => till.xReport('W1'));
      const xFloor = medianMs(() => xFloorSql.forEach((s) => s.all('W1')));
      for (const w of windows) till.close(w, { amountMinor: till.xReport(w.stationId).cash.expectedMinor });
      const z = medianMs(() => till.dayReport());
      const zFloor = medianMs(() => zFloorSql.forEach((s) => s.all()));
      const t = performance.now();
      const closed = till.closeDay({ ...windows[0]!, role: 'manager', staffId: people.manager.staffId }, '2026-12-03');
      const closeDay = performance.now() - t;
      if (closed.figures.ticketsSold !== PERFORMANCES * SEATS_PER_PERFORMANCE) throw new Error(`The day sold ${closed.figures.ticketsSold} tickets, not ${PERFORMANCES * SEATS_PER_PERFORMANCE}.`);
      return [
        row('X report, one window mid-shift (2,000 tickets)', x, 'ms', xFloor, '<= 50 ms', (v) => v <= 50),
        row('Z figures, venue day of 20,000 tickets at 10 windows', z, 'ms', zFloor, '<= 50 ms', (v) => v <= 50),
        row('Close the day once, cold (Z figures written and numbered in one transaction)', closeDay, 'ms', zFloor, '<= 150 ms', (v) => v <= 150),
      ];
    } finally {
      temp.dispose();
    }
  },
};
