import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ulid } from 'ulid';
import { ManualClock } from '../../src-main/core/clock.ts';
import { priceBands as priceBandRows } from '../../src-main/db/records/schema.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import { bandsForSeat, defaultBand, priceBands, type Discount } from '../../src-shared/pricing/index.ts';
import { openCounter } from '../helpers/counter.ts';
import type { TempBoxOffice } from '../helpers/temp-box-office.ts';
import type { TestWindow } from '../helpers/window.ts';
import { seedAnotherPerformance, type ShowFixture, type StaffFixture } from './fixtures.ts';

/**
 * The screens show a basket's price with src-shared/pricing before the core answers; the core
 * charges its own quote. These say the two never disagree, on random bands, seats and codes, and
 * that a screen's request carries no amount of its own for the core to trust.
 */
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
let temp: TempBoxOffice;
let show: ShowFixture;
let people: StaffFixture;
let counter: TestWindow;

beforeEach(async () => {
  const opened = await openCounter({ boxOffice: { clock: new ManualClock(T0) }, show: true });
  ({ show, people, till: counter } = opened);
  temp = opened.temp!;
});
afterEach(() => temp.dispose());

/** The fixture's plan: rows A and B are Premium, C and D Standard, eight seats each. */
function seatCategories(): { unitId: number; category: string }[] {
  return ['A', 'B', 'C', 'D'].flatMap((row, r) =>
    Array.from({ length: 8 }, (_, n) => ({ unitId: show.unit(`Stalls ${row}-${n + 1}`), category: r < 2 ? 'Premium' : 'Standard' })),
  );
}

const bandArb = fc.record({
  priceMinor: fc.integer({ min: 0, max: 100_000 }),
  taxRateBp: fc.integer({ min: 0, max: 5000 }),
  taxIncluded: fc.boolean(),
  category: fc.constantFrom(null, 'Premium', 'Standard'),
});
const discountArb = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 1, max: 10_000 }) }),
    fc.record({ kind: fc.constant('fixed' as const), value: fc.integer({ min: 1, max: 200_000 }) }),
  ),
  { nil: null },
);

describe('screen and core price a basket alike', () => {
  it('the shared rule gives the figures quoteSale answers, line by line, for random baskets', async () => {
    const seats = seatCategories();
    const engine = new SalesEngine(temp.office);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(bandArb, { minLength: 1, maxLength: 5 }),
        fc.subarray(seats, { minLength: 1, maxLength: 10 }),
        // Per seat: the band the cashier picks among those that apply, or none (the default band).
        fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 10, maxLength: 10 }),
        discountArb,
        async (drawn, basket, picks, discount: Discount | null) => {
          run++;
          const ids = drawn.map((b, i) => {
            const id = ulid();
            temp.office.records
              .insert(priceBandRows)
              .values({ id, eventId: show.eventId, name: `Band ${run}-${i}`, sortOrder: i, ...b })
              .run();
            return id;
          });
          // The bands as a screen gets them, in the manager's order.
          const listed = (await counter.call('listPriceBands', { performanceId: show.performanceId })).filter((b) => ids.includes(b.id));
          const priced = basket.flatMap((seat, i) => {
            const choices = bandsForSeat(listed, seat.category);
            const pick = picks[i];
            const band = pick === null || pick === undefined ? defaultBand(listed, seat.category) : choices[pick % Math.max(1, choices.length)];
            return band ? [{ unitId: seat.unitId, band }] : [];
          });
          if (priced.length === 0) return;
          let discountCode: string | undefined;
          if (discount) {
            discountCode = `RUN${run}`;
            engine.createDiscountCode(people.manager, { code: discountCode, ...discount });
          }

          const hold = await counter.call('holdSeats', { performanceId: show.performanceId, unitIds: priced.map((p) => p.unitId) });
          try {
            const lines = priced.map((p) => ({ unitId: p.unitId, priceBandId: p.band.id }));
            const quote = await counter.call('quoteSale', { holdId: hold.holdId, lines, ...(discountCode ? { discountCode } : {}) });
            const screen = priceBands(
              priced.map((p) => p.band),
              discount,
            );
            expect(quote).toEqual({
              currency: quote.currency,
              lines: screen.lines.map((line, i) => ({ unitId: priced[i]!.unitId, ...line })),
              subtotalMinor: screen.subtotalMinor,
              discountMinor: screen.discountMinor,
              taxMinor: screen.taxMinor,
              totalMinor: screen.totalMinor,
            });
          } finally {
            await counter.call('releaseHold', { holdId: hold.holdId });
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('charges its own quote when a screen sends how the customer pays but no amount', async () => {
    const taxAdded = show.bands.taxAdded;
    // Collect: a reservation paid in cash, the cash handed over is all the screen sends.
    const held = await counter.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls A-1'), show.unit('Stalls C-1')] });
    const reservation = await counter.call('reserveSeats', { holdId: held.holdId, customer: { name: 'Ana Lind', phone: '07700 900123' } });
    const lines = [
      { unitId: show.unit('Stalls A-1'), priceBandId: show.bands.premium },
      { unitId: show.unit('Stalls C-1'), priceBandId: taxAdded },
    ];
    const quote = await counter.call('quoteSale', { reservationId: reservation.id, lines });
    expect(quote.totalMinor).toBe(4000 + 1100);
    const collected = await counter.call('bookSeats', { reservationId: reservation.id, lines, payments: [{ method: 'cash', tenderedMinor: 6000 }] });
    expect(collected.order.totalMinor).toBe(quote.totalMinor);
    expect(collected.changeMinor).toBe(6000 - quote.totalMinor);
    const short = await counter.fail('bookSeats', {
      holdId: (await counter.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls C-2')] })).holdId,
      lines: [{ unitId: show.unit('Stalls C-2'), priceBandId: show.bands.adult }],
      payments: [{ method: 'cash', tenderedMinor: 2000 }],
    });
    expect(short).toMatchObject({ code: 'PAYMENT_SHORT' });
    expect(short.message).toMatch(/less than the cash amount/);

    // Exchange: the Adult (net) ticket for a Premium seat at another show; the card pays the difference.
    const other = seedAnotherPerformance(temp.office, show, T0 + 8 * 86_400_000);
    const otherMap = await counter.call('getSeatMap', { performanceId: other });
    const premiumSeat = otherMap.seats.find((s) => s.label === 'Stalls, row A, seat 2')!.unitId;
    const swapTo = await counter.call('holdSeats', { performanceId: other, unitIds: [premiumSeat] });
    const cheap = collected.tickets.find((t) => t.bandName === 'Adult (net)')!;
    const exchanged = await counter.call('exchangeTickets', {
      orderId: collected.order.id,
      ticketIds: [cheap.ticketId],
      holdId: swapTo.holdId,
      lines: [{ unitId: premiumSeat, priceBandId: show.bands.premium }],
      payments: [{ method: 'card' }],
    });
    expect(exchanged.differenceMinor).toBe(4000 - 1100);
    const payments = (await counter.call('getOrder', { orderId: exchanged.newOrder.id })).payments;
    expect(payments.find((p) => p.method === 'card')?.amountMinor).toBe(4000 - 1100);

    const two = await counter.call('holdSeats', { performanceId: show.performanceId, unitIds: [show.unit('Stalls C-3')] });
    const twice = await counter.fail('bookSeats', {
      holdId: two.holdId,
      lines: [{ unitId: show.unit('Stalls C-3'), priceBandId: show.bands.adult }],
      payments: [{ method: 'card' }, { method: 'voucher', reference: 'V1' }],
    });
    expect(twice.message).toBe('Only one payment can take what is left to pay; give the others an amount.');
  });
});
