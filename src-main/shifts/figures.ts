import type { CashUpFigures } from '../../src-shared/contract/shifts.ts';
import { queriesFor, type FigureQueries, type Range } from './figure-queries.ts';

interface TicketGroup {
  performanceId: string;
  bandName: string;
  bandId: string;
  /** The rate the ticket was sold at (tickets.tax_rate_bp; its band's for tickets sold before that was kept). */
  rateBp: number;
  n: number;
  gross: number;
  tax: number;
}

type MethodLine = CashUpFigures['byMethod'][number];

/** What the drawer itself brings to a report: its float, the cash counted (null before the close). */
export interface DrawerFigures {
  floatMinor: number;
  countedMinor: number | null;
}

function add<K>(map: Map<K, { sold: number; soldMinor: number; returned: number; returnedMinor: number }>, key: K, g: TicketGroup, sign: 1 | -1) {
  const line = map.get(key) ?? { sold: 0, soldMinor: 0, returned: 0, returnedMinor: 0 };
  if (sign > 0) {
    line.sold += g.n;
    line.soldMinor += g.gross;
  } else {
    line.returned += g.n;
    line.returnedMinor += g.gross;
  }
  map.set(key, line);
}

/**
 * Every figure of an X or Z report over one ledger range. Sales are a sale's payments, refunds a
 * refund's (as positive amounts), exchanges the money an exchange took or gave back beside the
 * credit it moved; expected cash = float + cash sales − cash refunds ± cash in exchanges + cash in − cash out.
 */
export function cashUpFigures(statements: FigureQueries, range: Range, drawer: DrawerFigures, meta: { currency: string; until: number }): CashUpFigures {
  const q = queriesFor(statements, range);
  const methods = new Map<string, MethodLine>();
  const cashiers = new Map<string, { salesMinor: number; refundsMinor: number; netMinor: number }>();
  let exchangeCredit = 0;
  let exchangeDifference = 0;
  let refundsMinor = 0;
  const complimentaryOrders: string[] = [];
  for (const r of q.payments.all(range) as { kind: string; staffId: string | null; method: string; n: number; minor: number; orders: string | null }[]) {
    if (r.orders) complimentaryOrders.push(...(JSON.parse(r.orders) as string[]));
    const cashier = cashiers.get(r.staffId ?? '') ?? { salesMinor: 0, refundsMinor: 0, netMinor: 0 };
    cashiers.set(r.staffId ?? '', cashier);
    if (r.method === 'exchange') {
      // The credit moved from the old order to the new: no money changed hands.
      exchangeCredit += r.minor;
      continue;
    }
    const line = methods.get(r.method) ?? { method: r.method, salesCount: 0, salesMinor: 0, refundsCount: 0, refundsMinor: 0, exchangesMinor: 0, netMinor: 0 };
    methods.set(r.method, line);
    if (r.kind === 'order.booked') {
      line.salesCount += r.n;
      line.salesMinor += r.minor;
      cashier.salesMinor += r.minor;
    } else if (r.kind === 'order.refunded') {
      line.refundsCount += r.n;
      line.refundsMinor -= r.minor;
      cashier.refundsMinor -= r.minor;
      refundsMinor -= r.minor;
    } else {
      line.exchangesMinor += r.minor;
      exchangeDifference += r.minor;
    }
    line.netMinor += r.minor;
    cashier.netMinor += r.minor;
  }
  const ops = new Map((q.operations.all(range) as { kind: string; n: number }[]).map((o) => [o.kind, o.n]));

  const byPerformance = new Map<string, { sold: number; soldMinor: number; returned: number; returnedMinor: number }>();
  const byBand = new Map<string, { sold: number; soldMinor: number; returned: number; returnedMinor: number }>();
  const byRate = new Map<number, { taxMinor: number; grossMinor: number }>();
  let ticketsSold = 0;
  let ticketsReturned = 0;
  const groups: [TicketGroup[], 1 | -1][] = [
    [q.issued.all(range) as TicketGroup[], 1],
    [q.refunded.all(range) as TicketGroup[], -1],
    [q.exchangedBack.all(range) as TicketGroup[], -1],
  ];
  for (const [list, sign] of groups) {
    for (const g of list) {
      add(byPerformance, g.performanceId, g, sign);
      add(byBand, g.bandName, g, sign);
      // The rate the ticket was sold at, never the band as a manager may have changed it since.
      const rateBp = g.rateBp;
      const rate = byRate.get(rateBp) ?? { taxMinor: 0, grossMinor: 0 };
      rate.taxMinor += sign * g.tax;
      rate.grossMinor += sign * g.gross;
      byRate.set(rateBp, rate);
      if (sign > 0) ticketsSold += g.n;
      else ticketsReturned += g.n;
    }
  }

  const moved = new Map((q.movements.all(range) as { kind: string; n: number; minor: number }[]).map((m) => [m.kind, m]));
  const inMinor = moved.get('in')?.minor ?? 0;
  const outMinor = 0 - (moved.get('out')?.minor ?? 0);
  // Corrections of closed shifts (a venue's range only) put right what was counted, not what was expected.
  const correctedMinor = moved.get('correction')?.minor ?? 0;
  const countedMinor = drawer.countedMinor === null ? null : drawer.countedMinor + correctedMinor;
  const cash = methods.get('cash');
  const cashSales = cash?.salesMinor ?? 0;
  const cashRefunds = cash?.refundsMinor ?? 0;
  const cashExchanges = cash?.exchangesMinor ?? 0;
  const expectedMinor = drawer.floatMinor + cashSales - cashRefunds + cashExchanges + inMinor - outMinor;
  const comp = (complimentaryOrders.length ? q.complimentary.get(JSON.stringify([...new Set(complimentaryOrders)])) : { n: 0, minor: 0 }) as { n: number; minor: number };
  const voids = q.voids.get(range) as { n: number; minor: number };
  const net = (m: string) => methods.get(m)?.netMinor ?? 0;

  return {
    currency: meta.currency,
    fromSeq: range.from,
    toSeq: range.to,
    from: range.fromAt,
    until: meta.until,
    stationId: range.station,
    shiftIds: q.shiftIds.all(range) as string[],
    ticketsSold,
    ticketsReturned,
    byMethod: [...methods.values()].sort((a, b) => a.method.localeCompare(b.method)),
    byPerformance: [...byPerformance].map(([performanceId, line]) => {
      const show = q.performance.get(performanceId) as { title: string; startsAt: number } | undefined;
      return { performanceId, title: show?.title ?? '', startsAt: show?.startsAt ?? 0, ...line };
    }).sort((a, b) => a.startsAt - b.startsAt || a.performanceId.localeCompare(b.performanceId)),
    byBand: [...byBand].map(([bandName, line]) => ({ bandName, ...line })).sort((a, b) => a.bandName.localeCompare(b.bandName)),
    byCashier: [...cashiers].map(([staffId, c]) => ({ staffId, name: (q.staffName.get(staffId) as string | undefined) ?? '', ...c })).sort((a, b) => a.name.localeCompare(b.name)),
    refunds: { count: ops.get('order.refunded') ?? 0, minor: refundsMinor },
    exchanges: { count: ops.get('order.exchanged') ?? 0, creditMinor: exchangeCredit, differenceMinor: exchangeDifference },
    discounts: (q.discounts.all(range) as { code: string; n: number; minor: number }[]).map((d) => ({ code: d.code, orders: d.n, minor: d.minor })),
    taxByRate: [...byRate]
      .map(([taxRateBp, r]) => ({ taxRateBp, netMinor: r.grossMinor - r.taxMinor, taxMinor: r.taxMinor, grossMinor: r.grossMinor }))
      .sort((a, b) => a.taxRateBp - b.taxRateBp),
    complimentary: { tickets: comp.n, valueMinor: comp.minor },
    voids: { count: voids.n, minor: voids.minor },
    noSales: moved.get('no-sale')?.n ?? 0,
    cash: {
      floatMinor: drawer.floatMinor,
      salesMinor: cashSales,
      refundsMinor: cashRefunds,
      exchangesMinor: cashExchanges,
      inMinor,
      outMinor,
      expectedMinor,
      countedMinor,
      varianceMinor: countedMinor === null ? null : countedMinor - expectedMinor,
    },
    cardMinor: net('card'),
    voucherMinor: net('voucher'),
    complimentaryMinor: net('complimentary'),
  };
}
