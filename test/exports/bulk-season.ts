import type { BoxOffice } from '../../src-main/core/box-office.ts';
import { newId } from '../../src-main/sales/ids.ts';
import { seedShow, seedStaff } from '../sales/fixtures.ts';

/**
 * A season's worth of sales written straight into the records (two tickets an order, one card
 * payment each), for what only size shows: the export benchmark (1,000,000 tickets) and the queue
 * surviving a kill part-way. Sales through the engine would take minutes at this size; the
 * exports read these tables only, so plain rows serve.
 */
export function seedBulkSales(office: BoxOffice, tickets: number): { performanceId: string; day: number } {
  const show = seedShow(office, { rows: 20, seatsPerRow: 25 });
  const people = seedStaff(office);
  const db = office.records.$client;
  const startsAt = db.prepare('SELECT starts_at FROM performances WHERE id = ?').pluck().get(show.performanceId) as number;
  const order = db.prepare(`INSERT INTO orders (id, performance_id, customer_name, customer_email, currency, subtotal_minor, discount_minor, tax_minor,
    total_minor, state, station_id, staff_id, created_at, updated_at) VALUES (?, ?, ?, ?, 'GBP', 5000, 0, 833, 5000, 'paid', ?, ?, ?, ?)`);
  const ticket = db.prepare(`INSERT INTO tickets (id, order_id, performance_id, unit_id, price_band_id, band_name, list_price_minor, discount_minor,
    tax_minor, total_minor, code, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'Adult', 2500, 0, 417, 2500, ?, 'valid', ?, ?)`);
  const payment = db.prepare(`INSERT INTO payments (id, order_id, method, amount_minor, station_id, staff_id, at) VALUES (?, ?, 'card', 5000, ?, ?, ?)`);
  const station = office.identity.id;
  const at = startsAt - 86_400_000;
  const insert = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i += 2) {
      const orderId = newId(at);
      order.run(orderId, show.performanceId, `Customer ${i} Zoë`, `c${i}@example.org`, station, people.cashier.staffId, at, at);
      for (let k = 0; k < 2 && i + k < to; k++) {
        const id = newId(at);
        ticket.run(id, orderId, show.performanceId, show.seatUnitIds[(i + k) % show.seatUnitIds.length]!, show.bands.adult, `${id}.0123456789abcdef`, at, at);
      }
      payment.run(newId(at), orderId, station, people.cashier.staffId, at);
    }
  });
  for (let from = 0; from < tickets; from += 50_000) insert(from, Math.min(tickets, from + 50_000));
  return { performanceId: show.performanceId, day: startsAt };
}
