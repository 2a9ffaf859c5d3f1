import { monotonicFactory } from 'ulid';
import { findOrders } from '../src-main/orders/find-orders.ts';
import { orderHistory } from '../src-main/orders/order-history.ts';
import { orderReference } from '../src-shared/contract/orders.ts';
import { openTempBoxOffice } from '../test/helpers/temp-box-office.ts';
import { seedShow } from '../test/sales/fixtures.ts';
import { median, row, type BenchArea } from './types.ts';

const ORDERS = 100_000; // two tickets each: a busy venue's season
const RUNS = 9;

function timed(fn: () => unknown): number[] {
  fn(); // warm the page cache and the prepared statement
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return times;
}

/**
 * The Orders and Collect searches over a season of sales. The rows are written straight into the
 * tables (the shape the engine writes, without its checks) so the bench measures reading only.
 * Each floor is the bare better-sqlite3 query the search cannot do without: a LIKE scan of the
 * names, a scan of the order ids' index for a reference, a primary-key lookup of a ticket, and a
 * scan of the ledger for one order (which the history avoids through the ledger's id index).
 */
export const ordersBench: BenchArea = {
  area: 'orders',
  async run() {
    const temp = openTempBoxOffice();
    try {
      const { office } = temp;
      const db = office.records.$client;
      const show = seedShow(office, { rows: 2, seatsPerRow: 2, standing: 0 });
      const nextId = monotonicFactory();
      const insertOrder = db.prepare(
        `INSERT INTO orders (id, performance_id, customer_name, customer_phone, currency, subtotal_minor, discount_minor, tax_minor, total_minor, state, station_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'GBP', 5000, 0, 833, 5000, 'paid', ?, ?, ?)`,
      );
      const insertTicket = db.prepare(
        `INSERT INTO tickets (id, order_id, performance_id, unit_id, price_band_id, band_name, list_price_minor, discount_minor, tax_minor, total_minor, code, state, print_count, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'Adult', 2500, 0, 417, 2500, ?, 'valid', 1, ?, ?)`,
      );
      const insertLedger = db.prepare(
        `INSERT INTO ledger (id, at, kind, station_id, staff_id, performance_id, order_id, payload) VALUES (?, ?, 'order.booked', ?, NULL, ?, ?, ?)`,
      );
      const unitId = show.seatUnitIds[0]!;
      let sample = { orderId: '', code: '' };
      let newest = '';
      db.transaction(() => {
        for (let i = 0; i < ORDERS; i++) {
          const at = 1_700_000_000_000 + i * 1000;
          const orderId = nextId(at);
          insertOrder.run(orderId, show.performanceId, `Customer ${i} Smith${i % 1000}`, `07700 ${String(i).padStart(6, '0')}`, office.identity.id, at, at);
          const tickets = [nextId(at), nextId(at)].map((id) => ({ id, orderId, unitId, code: `${id}${'0'.repeat(16)}` }));
          for (const t of tickets) insertTicket.run(t.id, orderId, show.performanceId, unitId, show.bands.adult, t.code, at, at);
          insertLedger.run(nextId(at), at, office.identity.id, show.performanceId, orderId, JSON.stringify({ rows: { tickets } }));
          if (i === ORDERS / 2) sample = { orderId, code: tickets[0]!.code };
          newest = orderId;
        }
      })();

      const floors = {
        name: db.prepare(`SELECT id FROM orders WHERE customer_name LIKE ? ORDER BY created_at DESC LIMIT 50`),
        reference: db.prepare(`SELECT id FROM orders WHERE substr(id, 19) = ?`),
        code: db.prepare(`SELECT order_id FROM tickets WHERE id = ?`),
        ledger: db.prepare(`SELECT seq FROM ledger WHERE order_id = ?`),
      };
      const byName = timed(() => findOrders(office.records, 'smith517'));
      const nameFloor = timed(() => floors.name.all('%smith517%'));
      const byReference = timed(() => findOrders(office.records, orderReference(sample.orderId)));
      const referenceFloor = timed(() => floors.reference.all(orderReference(sample.orderId)));
      const byCode = timed(() => findOrders(office.records, sample.code));
      const codeFloor = timed(() => floors.code.get(sample.code.slice(0, 26)));
      const history = timed(() => orderHistory(office.records, sample.orderId));
      const recentHistory = timed(() => orderHistory(office.records, newest));
      const historyFloor = timed(() => floors.ledger.all(sample.orderId));

      // A search does several lookups in one statement, so it may cost a few times its floor; a
      // cashier waits for it, so it must also stay well under a tenth of a second.
      const target = (limitMs: number, ratio: number) => `<= ${limitMs} ms and ratio <= ${ratio}`;
      return [
        row(`findOrders by part of a name, ${ORDERS} orders`, median(byName), 'ms', median(nameFloor), target(100, 4), (v, r) => v <= 100 && r <= 4),
        row('findOrders by order reference', median(byReference), 'ms', median(referenceFloor), target(100, 4), (v, r) => v <= 100 && r <= 4),
        row('findOrders by ticket code', median(byCode), 'ms', median(codeFloor), '<= 100 ms', (v) => v <= 100),
        row(`getOrderHistory, order half-way through a ledger of ${ORDERS}`, median(history), 'ms', median(historyFloor), target(150, 3), (v, r) => v <= 150 && r <= 3),
        // Most orders opened at the counter are recent: the id range leaves the old ledger unread.
        row("getOrderHistory, today's order", median(recentHistory), 'ms', median(historyFloor), 'ratio <= 0.1', (_v, r) => r <= 0.1),
      ];
    } finally {
      temp.dispose();
    }
  },
};
