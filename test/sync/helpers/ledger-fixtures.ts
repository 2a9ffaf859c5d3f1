import { ulid } from 'ulid';
import type { BoxOffice } from '../../../src-main/core/box-office.ts';
import { createPerformance } from '../../../src-main/catalog/create-performance.ts';
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
    tx.insert(t.priceBands).values({ id: priceBandId, eventId, name: 'Full', priceMinor: 2500, taxRateBp: 2000 }).run();
    tx.insert(t.staff).values({ id: staffId, name: 'Alex Cashier', role: 'cashier', pinHash: 'secret-hash', pinSalt: 'secret-salt' }).run();
  });
  // Through the catalog, so each performance gets its real units (one per seat).
  for (const [i, id] of performanceIds.entries()) createPerformance(office.records, { id, eventId, planId, startsAt: 1_800_000_000_000 + i * 86_400_000 });
  return { venueId, planId, eventId, performanceIds, priceBandId, staffId, seatIds };
}

export interface LedgerFixtureOptions {
  stationId?: string;
  staffId?: string | null;
  performanceIds?: string[];
  at?: number;
}

type Row = Record<string, unknown>;

/**
 * Writes ledger rows as the booking engine's LedgerWriter does (payload `{ rows: { table: [rows
 * after the change] } }`, the engine's row shapes): mostly bookings of two tickets, with every
 * fifth order later refunded (a negative payment), every seventh a check-in, and every eleventh
 * a reservation, so projections see rows change after they were created.
 */
export function insertLedgerRows(office: BoxOffice, count: number, options: LedgerFixtureOptions = {}): { orders: number } {
  const stationId = options.stationId ?? office.identity.id;
  const staffId = options.staffId ?? null;
  const performances = options.performanceIds ?? [ulid()];
  const insert = office.records.$client.prepare(
    'insert into ledger (id, at, kind, station_id, staff_id, performance_id, order_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let at = options.at ?? 1_790_000_000_000;
  let orders = 0;
  let lastOrder: { order: Row; tickets: Row[] } | null = null;
  office.records.$client.transaction(() => {
    for (let i = 0; i < count; i++) {
      at += 1000;
      const performanceId = performances[i % performances.length]!;
      const unitIds = [((i * 2) % 20) + 1, ((i * 2 + 1) % 20) + 1];
      let kind: string;
      let orderId: string | null = null;
      let rows: Record<string, Row[]>;
      if (lastOrder && i % 5 === 4) {
        kind = 'order.refunded';
        orderId = String(lastOrder.order.id);
        const total = Number(lastOrder.order.totalMinor);
        const order = { ...lastOrder.order, state: 'refunded', refundedMinor: total, updatedAt: at };
        const tickets: Row[] = lastOrder.tickets.map((tk) => ({ ...tk, state: 'refunded', updatedAt: at }));
        rows = {
          orders: [order],
          tickets,
          payments: [{ id: ulid(), orderId, method: 'cash', amountMinor: -total, tenderedMinor: null, changeMinor: null, reference: null, stationId, staffId, at }],
          units: tickets.map((tk) => ({ id: tk.unitId, performanceId, state: 'available', ticketId: null, version: 2 })),
        };
        lastOrder = null;
      } else if (lastOrder && i % 7 === 6) {
        kind = 'ticket.checked-in';
        orderId = String(lastOrder.order.id);
        const ticket = { ...lastOrder.tickets[0]!, checkedInAt: at, checkedInStationId: stationId, checkedInStaffId: staffId, updatedAt: at };
        lastOrder.tickets[0] = ticket;
        rows = { tickets: [ticket] };
      } else if (i % 11 === 10) {
        kind = 'reservation.created';
        const reservation = {
          id: ulid(),
          reference: `R${i}`,
          performanceId,
          customerName: 'Sam Patron',
          customerPhone: null,
          customerEmail: null,
          deadlineAt: at + 86_400_000,
          state: 'active',
          orderId: null,
          stationId,
          staffId,
          createdAt: at,
          updatedAt: at,
        };
        rows = { reservations: [reservation], units: unitIds.map((id) => ({ id, performanceId, state: 'reserved', reservationId: reservation.id, version: 1 })) };
      } else {
        kind = 'order.booked';
        orderId = ulid();
        orders += 1;
        const tickets = unitIds.map((unitId, n) => ({
          id: ulid(),
          orderId,
          performanceId,
          unitId,
          priceBandId: 'band',
          bandName: 'Full',
          listPriceMinor: 2500,
          discountMinor: 0,
          taxMinor: 417,
          totalMinor: 2500,
          code: `T${i}-${n}`,
          state: 'valid',
          printCount: 1,
          checkedInAt: null,
          checkedInStationId: null,
          checkedInStaffId: null,
          createdAt: at,
          updatedAt: at,
        }));
        const order = {
          id: orderId,
          performanceId,
          reservationId: null,
          currency: 'GBP',
          subtotalMinor: 5000,
          discountMinor: 0,
          taxMinor: 834,
          totalMinor: 5000,
          refundedMinor: 0,
          state: 'paid',
          stationId,
          staffId,
          createdAt: at,
          updatedAt: at,
        };
        rows = {
          orders: [order],
          tickets,
          payments: [{ id: ulid(), orderId, method: 'card', amountMinor: 5000, tenderedMinor: null, changeMinor: null, reference: null, stationId, staffId, at }],
          units: tickets.map((tk) => ({ id: tk.unitId, performanceId, state: 'booked', ticketId: tk.id, version: 1 })),
        };
        lastOrder = { order, tickets };
      }
      insert.run(ulid(at), at, kind, stationId, staffId, performanceId, orderId, JSON.stringify({ rows }));
    }
  })();
  return { orders };
}

export function ledgerCount(office: BoxOffice): number {
  return (office.records.$client.prepare('select count(*) as n from ledger').get() as { n: number }).n;
}
