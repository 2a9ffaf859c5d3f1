import { ulid } from 'ulid';
import type { BoxOffice } from '../../../src-main/core/box-office.ts';
import * as t from '../../../src-main/db/records/schema.ts';

export interface SeededReference {
  venueId: string;
  planId: string;
  eventId: string;
  performanceIds: string[];
  priceBandId: string;
  staffId: string;
  seatIds: string[];
}

/** A small venue with one plan, one show on two dates, one price band and one cashier. */
export function seedReference(office: BoxOffice, seats = 20): SeededReference {
  const venueId = ulid();
  const planId = ulid();
  const eventId = ulid();
  const performanceIds = [ulid(), ulid()];
  const priceBandId = ulid();
  const staffId = ulid();
  const seatIds = Array.from({ length: seats }, () => ulid());
  office.records.transaction((tx) => {
    tx.insert(t.venues).values({ id: venueId, name: 'The Lyric', address: '1 High Street' }).run();
    tx.insert(t.seatingPlans).values({ id: planId, venueId, name: 'Main house', source: 'csv', sourceFile: 'main.csv', width: 800, height: 600 }).run();
    tx.insert(t.planCategories).values({ id: ulid(), planId, name: 'Stalls', color: '#ff0000' }).run();
    tx.insert(t.planSeats)
      .values(seatIds.map((id, i) => ({ id, planId, guid: `s${i}`, zone: 'Stalls', row: 'A', number: String(i + 1), x: i * 20, y: 40, category: 'Stalls', wheelchair: i === 0 })))
      .run();
    tx.insert(t.planAreas).values({ id: ulid(), planId, name: 'Stage', shape: 'rectangle', x: 0, y: 0, width: 800, height: 30, color: '#000000' }).run();
    tx.insert(t.events).values({ id: eventId, title: 'Hamlet', description: 'A play' }).run();
    for (const [i, id] of performanceIds.entries()) {
      tx.insert(t.performances).values({ id, eventId, venueId, planId, startsAt: 1_800_000_000_000 + i * 86_400_000 }).run();
    }
    tx.insert(t.priceBands).values({ id: priceBandId, eventId, name: 'Full', priceMinor: 2500, taxRateBp: 2000 }).run();
    tx.insert(t.staff).values({ id: staffId, name: 'Alex Cashier', role: 'cashier', pinHash: 'secret-hash', pinSalt: 'secret-salt' }).run();
  });
  return { venueId, planId, eventId, performanceIds, priceBandId, staffId, seatIds };
}

export interface LedgerFixtureOptions {
  stationId?: string;
  staffId?: string | null;
  performanceIds?: string[];
  at?: number;
}

/**
 * Writes ledger rows as the booking engine does (payload `{ rows: { table: [rows after the
 * change] } }`): mostly bookings of two tickets, with every fifth order later refunded and
 * every seventh ticket checked in, so projections see rows change after they were created.
 */
export function insertLedgerRows(office: BoxOffice, count: number, options: LedgerFixtureOptions = {}): { orders: number } {
  const stationId = options.stationId ?? office.identity.id;
  const performances = options.performanceIds ?? [ulid()];
  const insert = office.records.$client.prepare(
    'insert into ledger (id, at, kind, station_id, staff_id, performance_id, order_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let at = options.at ?? 1_790_000_000_000;
  let orders = 0;
  let lastOrder: { order: Record<string, unknown>; tickets: Record<string, unknown>[] } | null = null;
  office.records.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      at += 1000;
      const performanceId = performances[i % performances.length]!;
      let kind: string;
      let orderId: string;
      let payload: unknown;
      if (lastOrder && i % 5 === 4) {
        kind = 'order.refunded';
        orderId = String(lastOrder.order.id);
        const order = { ...lastOrder.order, state: 'refunded', updatedAt: at };
        const tickets = lastOrder.tickets.map((tk) => ({ ...tk, state: 'refunded' }));
        payload = {
          rows: {
            orders: [order],
            tickets,
            refunds: [{ id: ulid(), orderId, amountMinor: -Number(order.totalMinor), method: 'cash', at }],
          },
        };
        lastOrder = null;
      } else if (lastOrder && i % 7 === 6) {
        kind = 'ticket.checked-in';
        orderId = String(lastOrder.order.id);
        const ticket = { ...lastOrder.tickets[0]!, checkedInAt: at };
        lastOrder.tickets[0] = ticket;
        payload = { rows: { tickets: [ticket], check_ins: [{ id: ulid(), ticketId: ticket.id, at, gate: 'main' }] } };
      } else {
        kind = 'order.booked';
        orderId = ulid();
        orders += 1;
        const tickets = [0, 1].map((n) => ({
          id: ulid(),
          orderId,
          performanceId,
          unitId: i * 2 + n + 1,
          priceBandId: 'band',
          priceMinor: 2500,
          state: 'booked',
          checkedInAt: null,
        }));
        const order = { id: orderId, performanceId, state: 'booked', totalMinor: 5000, stationId, createdAt: at };
        payload = {
          rows: {
            orders: [order],
            tickets,
            payments: [{ id: ulid(), orderId, method: 'card', amountMinor: 5000, at }],
            units: tickets.map((tk) => ({ id: tk.unitId, performanceId, state: 'booked', ticketId: tk.id, version: 1 })),
          },
        };
        lastOrder = { order, tickets };
      }
      insert.run(ulid(), at, kind, stationId, options.staffId ?? null, performanceId, orderId, JSON.stringify(payload));
    }
  })();
  return { orders };
}

export function ledgerCount(office: BoxOffice): number {
  return (office.records.$client.prepare('select count(*) as n from ledger').get() as { n: number }).n;
}
