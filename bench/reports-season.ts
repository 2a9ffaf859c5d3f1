import type Database from 'better-sqlite3';
import type { BoxOffice } from '../src-main/core/box-office.ts';
import { writeSetting } from '../src-main/core/settings.ts';
import { events, performances } from '../src-main/db/records/schema.ts';
import { newId } from '../src-main/sales/ids.ts';
import { LedgerWriter } from '../src-main/sales/ledger.ts';
import { seedShow, seedStaff, addStation } from '../test/sales/fixtures.ts';

const DAY = 86_400_000;
/** How long before its performance a seat sells, at the most. */
const SELLING_DAYS = 60;
const BANDS = [
  { name: 'Adult', price: 2500 },
  { name: 'Concession', price: 1800 },
  { name: 'Premium Adult', price: 4000 },
  { name: 'Child', price: 1200 },
];

export interface Season {
  performanceIds: string[];
  eventIds: string[];
  stationIds: string[];
  staffIds: string[];
  /** Venue-local first and last day of sales. */
  firstDay: string;
  lastDay: string;
  orders: number;
  tickets: number;
}

/** A seeded pseudo-random sequence, so every run of the bench builds the same season. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A season of `tickets` tickets, two per order, sold over the 60 days before each of its
 * performances (two a day, ten events) at six windows by twelve cashiers; 5 % of orders with a
 * discount code, 2 % refunded in full three days later. Rows are written in the shape the engine
 * writes, without its checks (no seats are claimed), and the ledger rows go through the engine's
 * own LedgerWriter, so the rollups are kept exactly as a sale keeps them.
 */
export function buildSeason(office: BoxOffice, tickets: number): Season {
  const db = office.records.$client;
  writeSetting(office.records, 'venue.timeZone', 'Europe/London');
  const show = seedShow(office, { rows: 40, seatsPerRow: 50, standing: 0 });
  const people = seedStaff(office);
  const stationIds = [office.identity.id, ...[2, 3, 4, 5, 6].map((n) => addStation(office, `Window ${n}`))];
  const staffIds = Array.from({ length: 12 }, (_, i) => (i === 0 ? people.cashier.staffId : newId()));
  const eventIds = [show.eventId, ...Array.from({ length: 9 }, () => newId())];
  for (const id of eventIds.slice(1)) office.records.insert(events).values({ id, title: `Event ${id.slice(-4)}` }).run();
  const codes = ['SPRING10', 'FRIENDS10', 'STAFF10'].map((code) => {
    const id = newId();
    db.prepare(`INSERT INTO discount_codes (id, code, kind, value, created_at) VALUES (?, ?, 'percent', 1000, 0)`).run(id, code);
    return id;
  });
  const ordersPerPerformance = 1000;
  const performanceCount = Math.max(1, Math.round(tickets / 2 / ordersPerPerformance));
  const seasonStart = Date.UTC(2027, 0, 4, 19, 30) + SELLING_DAYS * DAY;
  const performanceIds: string[] = [];
  const starts: number[] = [];
  for (let i = 0; i < performanceCount; i++) {
    const id = newId();
    const startsAt = seasonStart + Math.floor(i / 2) * DAY + (i % 2) * 3 * 3_600_000;
    office.records.insert(performances).values({ id, eventId: eventIds[Math.floor(i / 2) % eventIds.length]!, venueId: show.venueId, planId: show.planId, startsAt }).run();
    performanceIds.push(id);
    starts.push(startsAt);
  }

  const insertOrder = prepareInsertAll(db, 'orders');
  const insertTicket = prepareInsertAll(db, 'tickets');
  const insertPayment = prepareInsertAll(db, 'payments');
  const refundTicket = db.prepare(`UPDATE tickets SET state = 'refunded', updated_at = ? WHERE id = ?`);
  const refundOrder = db.prepare(`UPDATE orders SET state = 'refunded', refunded_minor = total_minor, updated_at = ? WHERE id = ?`);
  const ledger = new LedgerWriter(db);
  const rnd = random(15);
  const firstSaleDay = Date.UTC(2027, 0, 4);
  const lastSaleDay = starts[starts.length - 1]! - DAY;
  const refunds = new Map<number, { order: Record<string, unknown>; tickets: ({ id: string } & Record<string, unknown>)[] }[]>();
  let orderCount = 0;
  let ticketCount = 0;
  for (let day = firstSaleDay; day <= lastSaleDay; day += DAY) {
    db.transaction(() => {
      // Refunds due today first, at opening time.
      for (const r of refunds.get(day) ?? []) {
        const at = day + 9 * 3_600_000;
        const ticketsBack = r.tickets.map((t) => ({ ...t, state: 'refunded', updatedAt: at }));
        for (const t of r.tickets) refundTicket.run(at, t.id);
        refundOrder.run(at, r.order.id);
        const amount = -(r.order.totalMinor as number);
        const payment = { id: newId(at), orderId: r.order.id, method: 'card', amountMinor: amount, tenderedMinor: null, changeMinor: null, reference: null, stationId: stationIds[0]!, staffId: staffIds[0]!, at };
        insertPayment.run(payment);
        ledger.append({
          kind: 'order.refunded',
          at,
          actor: { stationId: stationIds[0]!, staffId: staffIds[0]! },
          performanceId: r.order.performanceId as string,
          orderId: r.order.id as string,
          rows: { orders: [{ ...r.order, state: 'refunded', refundedMinor: r.order.totalMinor, updatedAt: at }], tickets: ticketsBack, payments: [payment] },
        });
      }
      refunds.delete(day);
      // Today's sales for every performance on sale: its 1,000 orders spread over its 60 days.
      const sales: { perf: number; at: number }[] = [];
      for (let p = 0; p < performanceCount; p++) {
        const daysBefore = Math.floor((starts[p]! - day) / DAY);
        if (daysBefore < 1 || daysBefore > SELLING_DAYS) continue;
        const share = Math.floor((ordersPerPerformance * (SELLING_DAYS - daysBefore + 1)) / SELLING_DAYS) - Math.floor((ordersPerPerformance * (SELLING_DAYS - daysBefore)) / SELLING_DAYS);
        for (let k = 0; k < share; k++) sales.push({ perf: p, at: day + 10 * 3_600_000 + Math.floor(rnd() * 10 * 3_600_000) });
      }
      sales.sort((a, b) => a.at - b.at);
      for (const sale of sales) {
        const at = sale.at;
        const window = Math.floor(rnd() * stationIds.length);
        const stationId = stationIds[window]!;
        const staffId = staffIds[window * 2 + (Math.floor(at / DAY) % 2)]!;
        const orderId = newId(at);
        const band = BANDS[Math.floor(rnd() * BANDS.length)]!;
        const discountCodeId = rnd() < 0.05 ? codes[Math.floor(rnd() * codes.length)]! : null;
        const discountEach = discountCodeId ? Math.round(band.price / 10) : 0;
        const each = band.price - discountEach;
        const taxEach = Math.round(each / 6);
        const order = {
          id: orderId, performanceId: performanceIds[sale.perf]!, reservationId: null, exchangedFromOrderId: null, customerName: null, customerPhone: null, customerEmail: null,
          discountCodeId, currency: 'GBP', subtotalMinor: band.price * 2, discountMinor: discountEach * 2, taxMinor: taxEach * 2, totalMinor: each * 2, refundedMinor: 0,
          state: 'paid', stationId, staffId, approvedBy: null, createdAt: at, updatedAt: at,
        };
        insertOrder.run(order);
        const rows = [0, 1].map(() => {
          const id = newId(at);
          return {
            id, orderId, performanceId: order.performanceId, unitId: 0, priceBandId: band.name, bandName: band.name, listPriceMinor: band.price, discountMinor: discountEach,
            taxMinor: taxEach, totalMinor: each, code: `${id}${'0'.repeat(16)}`, state: 'valid', printCount: 1, checkedInAt: null, checkedInStationId: null, checkedInStaffId: null,
            createdAt: at, updatedAt: at,
          };
        });
        for (const t of rows) insertTicket.run(t);
        const payment = { id: newId(at), orderId, method: rnd() < 0.7 ? 'card' : 'cash', amountMinor: order.totalMinor, tenderedMinor: null, changeMinor: null, reference: null, stationId, staffId, at };
        insertPayment.run(payment);
        ledger.append({ kind: 'order.booked', at, actor: { stationId, staffId }, performanceId: order.performanceId, orderId, rows: { orders: [order], tickets: rows, payments: [payment] } });
        orderCount++;
        ticketCount += 2;
        if (rnd() < 0.02 && day + 3 * DAY < starts[sale.perf]!) {
          const due = day + 3 * DAY;
          refunds.set(due, [...(refunds.get(due) ?? []), { order, tickets: rows }]);
        }
      }
    })();
  }
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { performanceIds, eventIds, stationIds, staffIds, firstDay: iso(firstSaleDay), lastDay: iso(lastSaleDay), orders: orderCount, tickets: ticketCount };
}

/** An INSERT of the row's own fields (camelCase keys to snake_case columns), prepared on its first row. */
function prepareInsertAll(db: Database.Database, table: string): { run(row: Record<string, unknown>): void } {
  let statement: Database.Statement | null = null;
  return {
    run(row) {
      statement ??= db.prepare(
        `INSERT INTO ${table} (${Object.keys(row).map((k) => k.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)).join(', ')}) VALUES (${Object.keys(row).map((k) => `@${k}`).join(', ')})`,
      );
      statement.run(row);
    },
  };
}
