import type { RecordsDb } from '../../src-main/db/open.ts';

/**
 * The proof's other side: a report's figures worked out from the ledger alone, reading each row's
 * payload (the rows it wrote, as they stood after it) in seq order, without the queries the till
 * uses. Tax rates come from the price bands the tickets name.
 */
export interface OracleFigures {
  byMethod: Record<string, { sales: number; refunds: number; exchanges: number }>;
  ticketsSold: number;
  ticketsReturned: number;
  soldByBand: Record<string, number>;
  taxByRate: Record<number, { tax: number; gross: number }>;
  refunds: { count: number; minor: number };
  exchanges: { count: number; credit: number; difference: number };
  cashIn: number;
  cashOut: number;
  noSales: number;
  floats: number;
  counted: number;
  complimentaryTickets: number;
  discounts: Record<string, { orders: number; minor: number }>;
}

interface Payload {
  rows: {
    payments?: { orderId: string; method: string; amountMinor: number }[];
    tickets?: { state: string; bandName: string; totalMinor: number; taxMinor: number; priceBandId: string; listPriceMinor: number }[];
    orders?: { id: string; discountCodeId: string | null; discountMinor: number }[];
    cash_movements?: { kind: string; amountMinor: number }[];
    shifts?: { state: string; floatMinor: number; countedMinor: number | null; openSeq: number; closeSeq: number | null }[];
    discount_codes?: { id: string; code: string }[];
  };
}

export function oracleFigures(records: RecordsDb, range: { from: number; to: number; station: string | null }): OracleFigures {
  const db = records.$client;
  const rates = new Map((db.prepare('SELECT id, tax_rate_bp FROM price_bands').raw().all() as [string, number][]).map(([id, r]) => [id, r]));
  const codes = new Map((db.prepare('SELECT id, code FROM discount_codes').raw().all() as [string, string][]).map(([id, c]) => [id, c]));
  const rows = db.prepare('SELECT seq, kind, station_id AS station, order_id AS orderId, payload FROM ledger WHERE seq > ? AND seq < ? ORDER BY seq').all(range.from, range.to) as {
    seq: number;
    kind: string;
    station: string;
    orderId: string | null;
    payload: string;
  }[];
  const f: OracleFigures = {
    byMethod: {},
    ticketsSold: 0,
    ticketsReturned: 0,
    soldByBand: {},
    taxByRate: {},
    refunds: { count: 0, minor: 0 },
    exchanges: { count: 0, credit: 0, difference: 0 },
    cashIn: 0,
    cashOut: 0,
    noSales: 0,
    floats: 0,
    counted: 0,
    complimentaryTickets: 0,
    discounts: {},
  };
  const method = (m: string) => (f.byMethod[m] ??= { sales: 0, refunds: 0, exchanges: 0 });
  const ticket = (t: NonNullable<Payload['rows']['tickets']>[number], sign: 1 | -1) => {
    if (sign > 0) f.ticketsSold++;
    else f.ticketsReturned++;
    f.soldByBand[t.bandName] = (f.soldByBand[t.bandName] ?? 0) + sign;
    const rate = rates.get(t.priceBandId) ?? 0;
    const r = (f.taxByRate[rate] ??= { tax: 0, gross: 0 });
    r.tax += sign * t.taxMinor;
    r.gross += sign * t.totalMinor;
  };
  for (const row of rows) {
    const p = (JSON.parse(row.payload) as Payload).rows;
    // Shifts opened and closed within the range, at any window (a day's floats and counts).
    for (const s of p.shifts ?? []) {
      if (range.station !== null && row.station !== range.station) continue;
      if (s.state === 'open' && row.kind === 'shift.opened') f.floats += s.floatMinor;
      if (s.state === 'closed' && row.kind === 'shift.closed') f.counted += s.countedMinor ?? 0;
    }
    if (range.station !== null && row.station !== range.station) continue;
    for (const m of p.cash_movements ?? []) {
      if (m.kind === 'no-sale') f.noSales++;
      else if (m.amountMinor > 0) f.cashIn += m.amountMinor;
      else f.cashOut -= m.amountMinor;
    }
    if (row.kind === 'order.booked') {
      for (const pay of p.payments ?? []) method(pay.method).sales += pay.amountMinor;
      const comp = (p.payments ?? []).some((pay) => pay.method === 'complimentary');
      for (const t of p.tickets ?? []) {
        ticket(t, 1);
        if (comp) f.complimentaryTickets++;
      }
      const order = p.orders?.[0];
      if (order?.discountCodeId) {
        const d = (f.discounts[codes.get(order.discountCodeId)!] ??= { orders: 0, minor: 0 });
        d.orders++;
        d.minor += order.discountMinor;
      }
    } else if (row.kind === 'order.refunded') {
      f.refunds.count++;
      for (const pay of p.payments ?? []) {
        method(pay.method).refunds -= pay.amountMinor;
        f.refunds.minor -= pay.amountMinor;
      }
      for (const t of p.tickets ?? []) ticket(t, -1);
    } else if (row.kind === 'order.exchanged') {
      f.exchanges.count++;
      for (const pay of p.payments ?? []) {
        if (pay.orderId !== row.orderId) continue; // the credit out of the old order
        if (pay.method === 'exchange') f.exchanges.credit += pay.amountMinor;
        else {
          method(pay.method).exchanges += pay.amountMinor;
          f.exchanges.difference += pay.amountMinor;
        }
      }
      for (const t of p.tickets ?? []) ticket(t, t.state === 'exchanged' ? -1 : 1);
    }
  }
  return f;
}

/** Expected cash by the formula, from the oracle's figures. */
export function oracleExpectedCash(f: OracleFigures, floatMinor: number): number {
  const cash = f.byMethod['cash'] ?? { sales: 0, refunds: 0, exchanges: 0 };
  return floatMinor + cash.sales - cash.refunds + cash.exchanges + f.cashIn - f.cashOut;
}
