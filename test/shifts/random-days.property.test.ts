import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CashUpFigures } from '../../src-shared/contract/shifts.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { Day } from './day.ts';
import { oracleExpectedCash, oracleFigures, type OracleFigures } from './ledger-oracle.ts';

const WINDOWS = ['W1', 'W2', 'W3'];

type Step =
  | { op: 'sell'; w: number; seats: number; method: 'cash' | 'card' | 'voucher' }
  | { op: 'refund'; w: number; pick: number; method: 'cash' | 'card' }
  | { op: 'exchange'; w: number; pick: number; band: 'premium' | 'concession' | 'adult'; method: 'cash' | 'card' }
  | { op: 'cash'; w: number; direction: 'in' | 'out'; amount: number }
  | { op: 'noSale'; w: number }
  | { op: 'close'; w: number; off: number; handOver: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('sell' as const), w: fc.nat(2), seats: fc.integer({ min: 1, max: 3 }), method: fc.constantFrom('cash' as const, 'card' as const, 'voucher' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('refund' as const), w: fc.nat(2), pick: fc.nat(), method: fc.constantFrom('cash' as const, 'card' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('exchange' as const), w: fc.nat(2), pick: fc.nat(), band: fc.constantFrom('premium' as const, 'concession' as const, 'adult' as const), method: fc.constantFrom('cash' as const, 'card' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cash' as const), w: fc.nat(2), direction: fc.constantFrom('in' as const, 'out' as const), amount: fc.integer({ min: 1, max: 6000 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('noSale' as const), w: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const), w: fc.nat(2), off: fc.integer({ min: -900, max: 900 }), handOver: fc.boolean() }) },
);

/** Every Z figure against the same sum over the ledger payloads (ledger-oracle.ts). */
function expectMatches(f: CashUpFigures, o: OracleFigures, floatMinor: number): void {
  const methods = Object.fromEntries(f.byMethod.map((m) => [m.method, { sales: m.salesMinor, refunds: m.refundsMinor, exchanges: m.exchangesMinor }]));
  const oracleMethods = Object.fromEntries(Object.entries(o.byMethod).filter(([m]) => m !== 'exchange'));
  expect(methods).toEqual(oracleMethods);
  expect(f.ticketsSold).toBe(o.ticketsSold);
  expect(f.ticketsReturned).toBe(o.ticketsReturned);
  expect(Object.fromEntries(f.byBand.map((b) => [b.bandName, b.sold - b.returned]))).toEqual(o.soldByBand);
  expect(Object.fromEntries(f.taxByRate.map((r) => [r.taxRateBp, { tax: r.taxMinor, gross: r.grossMinor }]))).toEqual(o.taxByRate);
  expect(f.refunds).toEqual(o.refunds);
  expect(f.exchanges).toEqual({ count: o.exchanges.count, creditMinor: o.exchanges.credit, differenceMinor: o.exchanges.difference });
  expect(f.noSales).toBe(o.noSales);
  expect([f.cash.inMinor, f.cash.outMinor]).toEqual([o.cashIn, o.cashOut]);
  expect(f.cash.expectedMinor).toBe(oracleExpectedCash(o, floatMinor));
  if (f.cash.countedMinor !== null) expect(f.cash.varianceMinor).toBe(f.cash.countedMinor - f.cash.expectedMinor);
}

describe('random days across windows and cashiers (fast-check)', () => {
  it('every Z figure equals the same sum worked out from the ledger, variances are exact, Z numbers run 1, 2, 3 …', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 40 }), (steps) => {
        const d = new Day({ seats: 150 });
        try {
          const cashier = (w: number): Actor => d.at(WINDOWS[w]!);
          const manager = (w: number): Actor => d.at(WINDOWS[w]!, 'manager', d.people.cashier.staffId);
          const sold: { orderId: string; tickets: string[] }[] = [];
          const zs: number[] = [];
          for (const s of steps) {
            const who = cashier(s.w);
            const open = d.till.openShiftAt(who.stationId);
            if (!open && s.op !== 'sell') d.till.open(who, { amountMinor: 2000 + 100 * s.w });
            d.tick();
            if (s.op === 'sell') {
              // Cash needs a shift; a window without one sells by card (the default rule).
              const method = s.method === 'cash' && !open ? 'card' : s.method;
              const sale = d.sell(who, s.seats, method);
              sold.push({ orderId: sale.order.id, tickets: sale.tickets.map((t) => t.ticketId) });
            } else if (s.op === 'refund' || s.op === 'exchange') {
              const live = sold.filter((o) => o.tickets.length > 0);
              if (live.length === 0) continue;
              const order = live[s.pick % live.length]!;
              const ticket = order.tickets.shift()!;
              if (s.op === 'refund') d.refund(who, order.orderId, s.method, [ticket]);
              else {
                const r = d.exchange(who, order.orderId, ticket, s.band, s.method);
                sold.push({ orderId: r.newOrder.id, tickets: r.tickets.map((t) => t.ticketId) });
              }
            } else if (s.op === 'cash') {
              const drawer = d.till.xReport(who.stationId).cash.expectedMinor;
              if (s.direction === 'out' && s.amount > drawer) {
                expect(() => d.till.moveCash(who, { direction: 'out', amountMinor: s.amount, reason: 'Paid out' })).toThrow(/cannot be taken out/);
              } else d.till.moveCash(who, { direction: s.direction, amountMinor: s.amount, reason: 'Float or paid out' });
            } else if (s.op === 'noSale') {
              d.till.noSale(who, 'Change');
            } else {
              const shift = d.till.openShiftAt(who.stationId)!;
              const x = d.till.xReport(who.stationId);
              const counted = Math.max(0, x.cash.expectedMinor + s.off);
              const big = Math.abs(counted - x.cash.expectedMinor) > 500;
              const closer = big ? manager(s.w) : who;
              const closed = d.till.close(closer, { amountMinor: counted, reason: big ? 'Counted twice' : undefined, handOver: s.handOver });
              const f = closed.report.figures;
              expectMatches(f, oracleFigures(d.office.records, { from: f.fromSeq, to: f.toSeq, station: who.stationId }), shift.floatMinor);
              expect(closed.shift.varianceMinor).toBe(counted - x.cash.expectedMinor);
              zs.push(closed.report.number);
            }
          }
          for (const w of WINDOWS) {
            const shift = d.till.openShiftAt(w);
            if (shift) {
              d.tick();
              // A cheaper exchange can hand back more than the drawer held: then it counts nought.
              zs.push(d.till.close(d.at(w, 'manager', shift.staffId), { amountMinor: Math.max(0, d.till.xReport(w).cash.expectedMinor), reason: 'End of day' }).report.number);
            }
          }
          d.tick();
          const day = d.till.closeDay(d.at('W1', 'manager'), '2026-12-03');
          zs.push(day.number);
          const o = oracleFigures(d.office.records, { from: day.figures.fromSeq, to: day.figures.toSeq, station: null });
          expectMatches(day.figures, o, o.floats);
          expect(day.figures.cash.countedMinor).toBe(o.counted);
          expect(zs).toEqual(zs.map((_, i) => i + 1));
          expect(d.till.listZ(500).map((z) => z.number).reverse()).toEqual(zs);
        } finally {
          d.dispose();
        }
      }),
      { numRuns: 15 },
    );
  });
});
