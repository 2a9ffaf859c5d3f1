import type Database from 'better-sqlite3';
import { settingFromStored } from '../core/settings.ts';
import { VenueDay } from './venue-day.ts';

/** What the rollups read of a ledger row: its kind, when and by whom, and its rows after the change. */
export interface RollupEntry {
  kind: string;
  at: number;
  stationId: string;
  staffId: string | null;
  performanceId: string | null;
  rows: {
    orders?: readonly object[];
    tickets?: readonly object[];
    payments?: readonly object[];
    discount_codes?: readonly object[];
  };
  extra?: Record<string, unknown> | undefined;
}

interface TicketCells { orderId: string; performanceId: string; bandName: string; state: string; totalMinor: number; taxMinor: number; discountMinor: number }
interface PaymentCells { orderId: string; method: string; amountMinor: number }
interface OrderCells { id: string; performanceId: string; discountCodeId: string | null; discountMinor: number; state: string }

type Dim = 'total' | 'band' | 'method' | 'discount' | 'refund' | 'exchange' | 'checkin';

/** Only these ledger kinds change a report figure; every other row leaves the rollups alone. */
export const ROLLUP_KINDS: readonly string[] = ['order.booked', 'order.refunded', 'order.exchanged', 'ticket.checked-in', 'ticket.check-in-undone'];

const paused = new WeakSet<Database.Database>();

/** Stops (or restarts) rollup writes on one connection: for the bench's "without rollups" and the rebuild. */
export function pauseRollups(sqlite: Database.Database, pause: boolean): void {
  if (pause) paused.add(sqlite);
  else paused.delete(sqlite);
}

/**
 * Adds one ledger row's effect to the rollups (src-main/db/records/report-tables.ts). Called by
 * the ledger writer inside the operation's transaction, and by the rebuild for every ledger row
 * in seq order: the same code for both, so a rebuilt rollup equals the one kept up to date.
 */
export class RollupWriter {
  private readonly upsert: Database.Statement;
  private readonly timeZone: Database.Statement;
  private readonly discountCode: Database.Statement;
  private day: VenueDay | null = null;
  private storedZone: string | undefined;

  constructor(private readonly sqlite: Database.Database) {
    this.upsert = sqlite.prepare(
      `INSERT INTO report_sales (grain, dim, pay_day, performance_id, station_id, staff_id, key, count, amount, tax)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount, tax = tax + excluded.tax`,
    );
    this.timeZone = sqlite.prepare(`SELECT value FROM settings WHERE key = 'venue.timeZone'`).pluck();
    this.discountCode = sqlite.prepare(`SELECT code FROM discount_codes WHERE id = ?`).pluck();
  }

  apply(entry: RollupEntry): void {
    if (!ROLLUP_KINDS.includes(entry.kind) || paused.has(this.sqlite)) return;
    const cells = new Cells();
    const tickets = (entry.rows.tickets ?? []) as TicketCells[];
    if (entry.kind === 'ticket.checked-in' || entry.kind === 'ticket.check-in-undone') {
      const sign = entry.kind === 'ticket.checked-in' ? 1 : -1;
      for (const t of tickets) cells.add('checkin', t.performanceId, '', sign, 0, 0);
      this.write(entry, cells, true);
      return;
    }
    // A valid ticket in the row was sold by it; a refunded or exchanged one was given back.
    for (const t of tickets) {
      const sign = t.state === 'valid' ? 1 : -1;
      cells.add('total', t.performanceId, '', sign, sign * t.totalMinor, sign * t.taxMinor);
      cells.add('band', t.performanceId, t.bandName, sign, sign * t.totalMinor, 0);
    }
    const orders = (entry.rows.orders ?? []) as OrderCells[];
    const performanceOf = new Map(orders.map((o) => [o.id, o.performanceId]));
    // An exchange's credit moves value between two orders and nets to nothing: it is not money taken.
    for (const p of (entry.rows.payments ?? []) as PaymentCells[]) {
      if (p.method === 'exchange') continue;
      cells.add('method', performanceOf.get(p.orderId) ?? entry.performanceId ?? '', p.method, Math.sign(p.amountMinor), p.amountMinor, 0);
    }
    this.discounts(entry, orders, tickets, cells);
    if (entry.kind === 'order.refunded') {
      const back = tickets.reduce((a, t) => a + t.totalMinor, 0);
      cells.add('refund', orders[0]?.performanceId ?? entry.performanceId ?? '', '', 1, back, 0);
    } else if (entry.kind === 'order.exchanged') {
      cells.add('exchange', entry.performanceId ?? '', '', 1, Number(entry.extra?.differenceMinor ?? 0), 0);
    }
    this.write(entry, cells, false);
  }

  /** A code's uses count orders sold with it, less orders given back in full; its money follows the tickets. */
  private discounts(entry: RollupEntry, orders: OrderCells[], tickets: TicketCells[], cells: Cells): void {
    for (const o of orders) {
      if (!o.discountCodeId) continue;
      const code = this.discountCode.get(o.discountCodeId) as string | undefined;
      if (code === undefined) continue;
      const own = tickets.filter((t) => t.orderId === o.id);
      const money = own.reduce((a, t) => a + (t.state === 'valid' ? 1 : -1) * t.discountMinor, 0);
      const uses = entry.kind === 'order.booked' ? 1 : o.state === 'refunded' ? -1 : 0;
      cells.add('discount', o.performanceId, code, uses, money, 0);
    }
  }

  /**
   * Every cell at each grain (report-tables.ts): p and f by day and performance, P and F by
   * performance over all days, w by day without performances; f, F and w keep the window and
   * cashier. Check-ins are counted per performance only.
   */
  private write(entry: RollupEntry, cells: Cells, checkIns: boolean): void {
    const payDay = this.dayOf(entry.at);
    const station = entry.stationId;
    const staff = entry.staffId ?? '';
    for (const c of cells.all()) {
      this.upsert.run('P', c.dim, '', c.performanceId, '', '', c.key, c.count, c.amount, c.tax);
      if (checkIns) continue;
      this.upsert.run('p', c.dim, payDay, c.performanceId, '', '', c.key, c.count, c.amount, c.tax);
      this.upsert.run('F', c.dim, '', c.performanceId, station, staff, c.key, c.count, c.amount, c.tax);
      this.upsert.run('f', c.dim, payDay, c.performanceId, station, staff, c.key, c.count, c.amount, c.tax);
    }
    if (checkIns) return;
    for (const c of cells.withoutPerformance()) this.upsert.run('w', c.dim, payDay, '', station, staff, c.key, c.count, c.amount, c.tax);
  }

  /** The venue-local day of an instant; the zone setting is read on every sale (a manager may change it) but parsed only when it changed. */
  private dayOf(at: number): string {
    const stored = this.timeZone.get() as string | undefined;
    if (!this.day || stored !== this.storedZone) {
      this.storedZone = stored;
      this.day = new VenueDay(settingFromStored('venue.timeZone', stored));
    }
    return this.day.of(at);
  }
}

interface Cell { dim: Dim; performanceId: string; key: string; count: number; amount: number; tax: number }

/** One operation's changes summed per cell first, so a sale of six tickets writes each cell once. */
class Cells {
  private readonly map = new Map<string, Cell>();

  add(dim: Dim, performanceId: string, key: string, count: number, amount: number, tax: number): void {
    const id = `${dim}\u0000${performanceId}\u0000${key}`;
    const cell = this.map.get(id);
    if (cell) {
      cell.count += count;
      cell.amount += amount;
      cell.tax += tax;
    } else this.map.set(id, { dim, performanceId, key, count, amount, tax });
  }

  all(): Iterable<Cell> {
    return this.map.values();
  }

  /** The same changes summed over performances, for the per-window-and-cashier grain. */
  withoutPerformance(): Cell[] {
    const out = new Map<string, Cell>();
    for (const c of this.map.values()) {
      const id = `${c.dim}\u0000${c.key}`;
      const cell = out.get(id);
      if (cell) {
        cell.count += c.count;
        cell.amount += c.amount;
        cell.tax += c.tax;
      } else out.set(id, { ...c, performanceId: '' });
    }
    return [...out.values()];
  }
}
