import { ManualClock } from '../../src-main/core/clock.ts';
import { writeSetting } from '../../src-main/core/settings.ts';
import { priceExchange } from '../../src-main/sales/after-sale.ts';
import { SalesEngine } from '../../src-main/sales/engine.ts';
import type { Actor } from '../../src-main/staff/actor.ts';
import { Till } from '../../src-main/shifts/till.ts';
import { seedShow, seedStaff, type ShowFixture, type StaffFixture } from '../sales/fixtures.ts';
import { openTempBoxOffice, type TempBoxOffice } from '../helpers/temp-box-office.ts';

export const DAY_START = Date.UTC(2026, 11, 3, 9, 0);

/**
 * A box office for a day at several windows: the real engine and till on a real records file,
 * a clock that moves a second per action (no two actions share a millisecond, as at a real window).
 */
export class Day {
  readonly temp: TempBoxOffice;
  readonly clock = new ManualClock(DAY_START);
  readonly engine: SalesEngine;
  readonly till: Till;
  readonly show: ShowFixture;
  readonly people: StaffFixture;
  private free: number[];

  constructor(options: { seats?: number } = {}) {
    this.temp = openTempBoxOffice({ clock: this.clock });
    const { office } = this.temp;
    this.people = seedStaff(office);
    this.show = seedShow(office, { rows: Math.ceil((options.seats ?? 120) / 10), seatsPerRow: 10, standing: 0, startsAt: DAY_START + 10 * 3_600_000 });
    writeSetting(office.records, 'venue.name', 'The Test Theatre');
    this.engine = new SalesEngine(office);
    this.till = new Till({ records: office.records, clock: this.clock });
    this.free = [...this.show.seatUnitIds];
  }

  get office() {
    return this.temp.office;
  }

  /** The fixture's cashier/manager at another window. */
  at(window: string, role: 'cashier' | 'manager' = 'cashier', staffId?: string): Actor {
    return { stationId: window, staffId: staffId ?? this.people[role].staffId, role };
  }

  tick(ms = 1000): void {
    this.clock.advance(ms);
  }

  /** Sells `count` free seats (Adult unless told), paid by one method. */
  sell(who: Actor, count: number, method: 'cash' | 'card' | 'voucher' | 'complimentary', options: { band?: keyof ShowFixture['bands']; discountCode?: string } = {}) {
    this.tick();
    const unitIds = this.free.splice(0, count);
    const hold = this.engine.holdSeats(who, { performanceId: this.show.performanceId, unitIds });
    const band = this.show.bands[options.band ?? 'adult'];
    const payment = method === 'voucher' ? { method, reference: 'V-1' } : { method };
    return this.engine.book(who, { holdId: hold.holdId, lines: unitIds.map((unitId) => ({ unitId, priceBandId: band })), payments: [payment], discountCode: options.discountCode });
  }

  refund(who: Actor, orderId: string, method: 'cash' | 'card' | 'voucher', ticketIds?: string[]) {
    this.tick();
    const r = this.engine.refund(who, { orderId, method, ticketIds, reference: method === 'voucher' ? 'V-R' : undefined });
    this.free.push(...r.unitIds);
    return r;
  }

  /** Swaps one ticket for a seat of another band: dearer (pays `method`) or cheaper (money back by `method`). */
  exchange(who: Actor, orderId: string, ticketId: string, band: keyof ShowFixture['bands'], method: 'cash' | 'card') {
    this.tick();
    // The premium band sells premium seats only: take the first free seat it applies to.
    const categoryOf = this.office.records.$client.prepare('SELECT category FROM units WHERE id = ?').pluck();
    const at = band === 'premium' ? this.free.findIndex((id) => categoryOf.get(id) === 'Premium') : 0;
    const unitIds = this.free.splice(Math.max(at, 0), 1);
    const hold = this.engine.holdSeats(who, { performanceId: this.show.performanceId, unitIds });
    const lines = unitIds.map((unitId) => ({ unitId, priceBandId: this.show.bands[band] }));
    const input = { orderId, ticketIds: [ticketId], holdId: hold.holdId, lines };
    // Dearer: the customer pays the difference; cheaper: it goes back; the same: nothing moves.
    const quote = this.engine.ctx.immediate(() => priceExchange(this.engine.ctx, who, input, this.clock.now()));
    const r = this.engine.exchange(who, quote.difference > 0 ? { ...input, payments: [{ method }] } : { ...input, refundMethod: method });
    this.free.push(...r.changed[0]!.unitIds);
    return r;
  }

  dispose(): void {
    this.temp.dispose();
  }
}
