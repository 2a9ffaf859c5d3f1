import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { SettingKey, SettingValue } from '../../src-shared/settings-registry.ts';
import type { Clock } from '../core/clock.ts';
import { settingFromStored } from '../core/settings.ts';
import { registerUnitLabel, UNIT_LABEL_SQL } from '../catalog/unit-label-sql.ts';
import type { RecordsDb } from '../db/open.ts';
import { blocks, discountCodes, orders, payments, reservations, tickets, units } from '../db/records/schema.ts';
import { LedgerWriter } from './ledger.ts';
import { keysOf, prepareInsert, returningKeys } from './rows.ts';

/** A free unit: available, or held by a hold that has already run out. Used by every claim. */
export const FREE = `(state = 'available' OR (state = 'held' AND hold_expires_at <= @now))`;
const CLEAR_HOLD = `hold_id = NULL, hold_station_id = NULL, hold_expires_at = NULL`;
// Every label in words by the one rule (src-shared/seat-label.ts), through its SQL function.
const LABEL = UNIT_LABEL_SQL;

/** Keys for the raw rows of `performance`, `priceBand` and `heldForSale`, in their column order. */
export const PERFORMANCE_KEYS = ['id', 'eventId', 'state', 'startsAt', 'onSaleFrom', 'onSaleUntil'] as const;
export const PRICE_BAND_KEYS = ['id', 'eventId', 'name', 'category', 'priceMinor', 'taxRateBp', 'taxIncluded'] as const;
export const HELD_FOR_SALE_KEYS: readonly string[] = [...keysOf(units), 'label'];

/**
 * Every prepared statement of the engine, prepared once per database connection: hot paths
 * (hold, book) run nothing but these, which is what lets them approach raw better-sqlite3 speed.
 */
function prepareStatements(db: Database.Database) {
  registerUnitLabel(db);
  return {
    // Raw rows on the hot paths (see PERFORMANCE_KEYS): better-sqlite3's row objects cost more than the lookup.
    // With one setting the operation needs (or none): one statement instead of two on every hold and sale.
    performance: db
      .prepare(
        `SELECT id, event_id, state, starts_at, on_sale_from, on_sale_until, (SELECT value FROM settings WHERE key = @setting)
         FROM performances WHERE id = @id`,
      )
      .raw(),
    setting: db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck(),
    insertSetting: db.prepare(`INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)`),
    // A hold has no row of its own: it is the hold_* columns of its units (found by units_hold).
    hold: db.prepare(
      `SELECT performance_id AS performanceId, hold_station_id AS stationId, hold_expires_at AS expiresAt
       FROM units WHERE hold_id = ? AND state = 'held' LIMIT 1`,
    ),
    // The whole unit rows (drizzle keys) and their labels: a sale then writes its ledger rows
    // without reading the units back.
    heldForSale: db.prepare(
      `SELECT ${returningKeys(units, 'u')}, ${LABEL} AS label
       FROM units u LEFT JOIN plan_seats s ON s.id = u.seat_id LEFT JOIN plan_areas a ON a.id = u.area_id
       WHERE u.hold_id = ? AND u.state = 'held' ORDER BY u.id`,
    ).raw(),
    reservedForSale: db.prepare(
      `SELECT u.id AS id, u.category AS category, ${LABEL} AS label
       FROM units u LEFT JOIN plan_seats s ON s.id = u.seat_id LEFT JOIN plan_areas a ON a.id = u.area_id
       WHERE u.reservation_id = ? AND u.state = 'reserved' ORDER BY u.id`,
    ),
    extendHoldUnits: db.prepare(`UPDATE units SET hold_expires_at = ? WHERE hold_id = ? AND state = 'held'`),
    claimUnits: db.prepare(
      `UPDATE units SET state = 'held', hold_id = @holdId, hold_station_id = @stationId, hold_expires_at = @expiresAt,
              version = version + 1
       WHERE id IN (SELECT value FROM json_each(@ids)) AND +performance_id = @performanceId AND (${FREE} OR hold_id = @holdId)`,
    ),
    // The same claim (FREE, by position) for one unit: a sale's few seats claimed one by one cost a
    // third of a json_each list. No RETURNING: its result table costs more than reading the label
    // afterwards. Positional parameters: binding by name costs more than the statement's own work.
    claimUnit: db.prepare(
      `UPDATE units SET state = 'held', hold_id = ?, hold_station_id = ?, hold_expires_at = ?, version = version + 1
       WHERE id = ? AND +performance_id = ? AND (state = 'available' OR (state = 'held' AND hold_expires_at <= ?) OR hold_id = ?)`,
    ),
    freePlaces: db
      .prepare(
        `SELECT id FROM units WHERE performance_id = @performanceId AND area_id = @areaId AND ${FREE}
         ORDER BY place_no LIMIT @limit`,
      )
      .pluck(),
    unitsWithLabels: db.prepare(
      `SELECT u.id AS id, u.state AS state, u.hold_expires_at AS holdExpiresAt, u.hold_id AS holdId, u.category AS category,
              ${LABEL} AS label
       FROM units u LEFT JOIN plan_seats s ON s.id = u.seat_id LEFT JOIN plan_areas a ON a.id = u.area_id
       WHERE u.performance_id = @performanceId AND u.id IN (SELECT value FROM json_each(@ids))`,
    ),
    candidateSeats: db.prepare(
      `SELECT u.id AS unitId, s.zone AS zone, s.row AS row, s.number AS number, s.x AS x, s.rank AS rank,
              (${FREE} AND (@category IS NULL OR u.category = @category)) AS selectable
       FROM units u JOIN plan_seats s ON s.id = u.seat_id WHERE u.performance_id = @performanceId`,
    ),
    // Best available in standing areas: each area's free count and its first @quantity free places.
    candidatePlaces: db.prepare(
      `SELECT area_id AS areaId, id AS unitId, free FROM (
         SELECT area_id, id, row_number() OVER (PARTITION BY area_id ORDER BY place_no) AS n, count(*) OVER (PARTITION BY area_id) AS free
         FROM units WHERE performance_id = @performanceId AND area_id IS NOT NULL AND ${FREE} AND (@category IS NULL OR category = @category))
       WHERE n <= @quantity ORDER BY area_id, n`,
    ),
    availability: db.prepare(
      `SELECT id, CASE WHEN state = 'held' AND hold_expires_at <= ? THEN 'available' ELSE state END AS state
       FROM units WHERE performance_id = ?`,
    ).raw(),
    heldUnits: db.prepare(`SELECT * FROM units WHERE hold_id = ? AND state = 'held' ORDER BY id`),
    reservedUnits: db.prepare(`SELECT * FROM units WHERE reservation_id = ? AND state = 'reserved' ORDER BY id`),
    blockedUnits: db.prepare(`SELECT * FROM units WHERE block_id = ? AND state = 'blocked' ORDER BY id`),
    releaseHeld: db.prepare(
      `UPDATE units SET state = 'available', ${CLEAR_HOLD}, version = version + 1
       WHERE hold_id = @holdId AND state = 'held' AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))
       RETURNING id`,
    ),
    reserveHeld: db.prepare(
      `UPDATE units SET state = 'reserved', reservation_id = @reservationId, ${CLEAR_HOLD}, version = version + 1
       WHERE hold_id = @holdId AND state = 'held' RETURNING *`,
    ),
    releaseReserved: db.prepare(
      `UPDATE units SET state = 'available', reservation_id = NULL, version = version + 1
       WHERE reservation_id = ? AND state = 'reserved' RETURNING *`,
    ),
    // Two statements, not one with both branches: SQLite rewrites every index whose column is SET,
    // changed or not, and a sale is mostly index pages.
    // Changes exactly what bookedUnit() (book.ts) applies to the row read before: keep them together.
    bookHeldUnit: db.prepare(
      `UPDATE units SET state = 'booked', ticket_id = ?, ${CLEAR_HOLD}, version = version + 1
       WHERE id = ? AND state = 'held' AND hold_id = ?`,
    ),
    // RETURNING the drizzle keys directly: the rows go into the ledger payload as they are.
    bookHeldUnitReturning: db.prepare(
      `UPDATE units SET state = 'booked', ticket_id = @ticketId, ${CLEAR_HOLD}, version = version + 1
       WHERE id = @unitId AND state = 'held' AND hold_id = @holdId RETURNING ${returningKeys(units)}`,
    ),
    bookReservedUnit: db.prepare(
      `UPDATE units SET state = 'booked', ticket_id = @ticketId, reservation_id = NULL, version = version + 1
       WHERE id = @unitId AND state = 'reserved' AND reservation_id = @reservationId RETURNING ${returningKeys(units)}`,
    ),
    freeBookedUnit: db.prepare(
      `UPDATE units SET state = 'available', ticket_id = NULL, version = version + 1
       WHERE id = ? AND ticket_id = ? AND state = 'booked' RETURNING *`,
    ),
    blockUnits: db.prepare(
      `UPDATE units SET state = 'blocked', block_id = @blockId, ${CLEAR_HOLD}, version = version + 1
       WHERE id IN (SELECT value FROM json_each(@ids)) AND +performance_id = @performanceId AND ${FREE} RETURNING *`,
    ),
    releaseBlocked: db.prepare(
      `UPDATE units SET state = 'available', block_id = NULL, version = version + 1
       WHERE block_id = ? AND state = 'blocked' RETURNING *`,
    ),
    priceBand: db
      .prepare(`SELECT id, event_id, name, category, price_minor, tax_rate_bp, tax_included FROM price_bands WHERE id = ?`)
      .raw(),
    discountByCode: db.prepare(`SELECT * FROM discount_codes WHERE code = ?`),
    useDiscount: db.prepare(
      `UPDATE discount_codes SET uses = uses + 1 WHERE id = ? AND (max_uses IS NULL OR uses < max_uses) RETURNING *`,
    ),
    insertOrder: prepareInsert(db, orders),
    insertTicket: prepareInsert(db, tickets),
    insertPayment: prepareInsert(db, payments),
    insertReservation: prepareInsert(db, reservations),
    insertBlock: prepareInsert(db, blocks),
    insertDiscount: prepareInsert(db, discountCodes),
    order: db.prepare(`SELECT * FROM orders WHERE id = ?`),
    orderTickets: db.prepare(`SELECT * FROM tickets WHERE order_id = ? ORDER BY rowid`),
    orderPayments: db.prepare(`SELECT * FROM payments WHERE order_id = ? ORDER BY at, rowid`),
    updateOrderRefund: db.prepare(
      `UPDATE orders SET refunded_minor = refunded_minor + @amount, updated_at = @now,
              state = CASE WHEN refunded_minor + @amount >= total_minor
                             AND NOT EXISTS (SELECT 1 FROM tickets WHERE order_id = @orderId AND state = 'valid')
                           THEN 'refunded' ELSE 'part_refunded' END
       WHERE id = @orderId RETURNING *`,
    ),
    ticket: db.prepare(`SELECT * FROM tickets WHERE id = ?`),
    setTicketState: db.prepare(`UPDATE tickets SET state = ?, updated_at = ? WHERE id = ? AND state = 'valid' RETURNING *`),
    bumpPrintCount: db.prepare(`UPDATE tickets SET print_count = print_count + 1, updated_at = ? WHERE id = ? RETURNING *`),
    checkIn: db.prepare(
      `UPDATE tickets SET checked_in_at = @now, checked_in_station_id = @stationId, checked_in_staff_id = @staffId, updated_at = @now
       WHERE id = @id AND state = 'valid' AND checked_in_at IS NULL RETURNING *`,
    ),
    undoCheckIn: db.prepare(
      `UPDATE tickets SET checked_in_at = NULL, checked_in_station_id = NULL, checked_in_staff_id = NULL, updated_at = ?
       WHERE id = ? AND checked_in_at IS NOT NULL RETURNING *`,
    ),
    reservation: db.prepare(`SELECT * FROM reservations WHERE id = ?`),
    reservationByReference: db.prepare(`SELECT * FROM reservations WHERE reference = ?`),
    referenceTaken: db.prepare(`SELECT 1 FROM reservations WHERE reference = ?`).pluck(),
    setReservationState: db.prepare(
      `UPDATE reservations SET state = @state, order_id = coalesce(@orderId, order_id), updated_at = @now
       WHERE id = @id AND state = 'active' RETURNING *`,
    ),
    block: db.prepare(`SELECT * FROM blocks WHERE id = ?`),
    setBlockReleased: db.prepare(`UPDATE blocks SET state = 'released', updated_at = ? WHERE id = ? AND state = 'active' RETURNING *`),
    // Only held units have a hold_id, so the sweep reads just those, through units_hold.
    expiredHeld: db.prepare(
      `UPDATE units INDEXED BY units_hold SET state = 'available', ${CLEAR_HOLD}, version = version + 1
       WHERE hold_id IS NOT NULL AND state = 'held' AND hold_expires_at <= @now
       RETURNING id, performance_id AS performanceId`,
    ),
    dueReservations: db.prepare(`SELECT id FROM reservations WHERE state = 'active' AND deadline_at IS NOT NULL AND deadline_at <= ?`).pluck(),
    dueBlocks: db.prepare(`SELECT id FROM blocks WHERE state = 'active' AND release_at IS NOT NULL AND release_at <= ?`).pluck(),
    // Idempotent sales (sale-requests.ts): one row per window and key, found through its unique index.
    saleRequest: db.prepare(`SELECT procedure, request_hash AS requestHash, answer FROM sale_requests WHERE station_id = ? AND key = ?`),
    insertSaleRequest: db.prepare(`INSERT INTO sale_requests (station_id, key, procedure, request_hash, answer, at) VALUES (?, ?, ?, ?, ?, ?)`),
    noteSaleRequestPrint: db.prepare(`UPDATE sale_requests SET answer = json_set(answer, '$.print', json(?)) WHERE station_id = ? AND key = ?`),
    // No index on `at`: the sweeper runs this rarely (engine.ts), a scan of a week's sales is cheap then.
    pruneSaleRequests: db.prepare(`DELETE FROM sale_requests WHERE at < ?`),
    label: db
      .prepare(`SELECT ${LABEL} FROM units u LEFT JOIN plan_seats s ON s.id = u.seat_id LEFT JOIN plan_areas a ON a.id = u.area_id WHERE u.id = ?`)
      .pluck(),
    labels: db.prepare(
      `SELECT u.id AS id, ${LABEL} AS label FROM units u LEFT JOIN plan_seats s ON s.id = u.seat_id
       LEFT JOIN plan_areas a ON a.id = u.area_id WHERE u.id IN (SELECT value FROM json_each(?))`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

export interface SalesContext {
  readonly sqlite: Database.Database;
  readonly records: RecordsDb;
  readonly clock: Clock;
  readonly st: Statements;
  readonly ledger: LedgerWriter;
  /** Runs `fn` in one BEGIN IMMEDIATE transaction: the write lock is taken before anything is read. */
  immediate<T>(fn: () => T): T;
  /** A setting, typed and defaulted by the registry (src-shared/settings-registry.ts). */
  setting<K extends SettingKey>(key: K): SettingValue<K>;
  /** The installation's secret for ticket codes, created on first use and shared by every station. */
  ticketSecret(): Buffer;
  currency(): string;
}

export function createSalesContext(records: RecordsDb, clock: Clock): SalesContext {
  const sqlite = records.$client;
  const st = prepareStatements(sqlite);
  const runner = sqlite.transaction((fn: () => unknown) => fn());
  let secret: Buffer | null = null;
  const setting = <K extends SettingKey>(key: K): SettingValue<K> => settingFromStored(key, st.setting.get(key) as string | undefined);
  return {
    sqlite,
    records,
    clock,
    st,
    ledger: new LedgerWriter(sqlite),
    immediate: <T>(fn: () => T) => runner.immediate(fn) as T,
    setting,
    ticketSecret() {
      if (!secret) {
        // INSERT OR IGNORE then read back: two stations creating it at once agree on one secret.
        st.insertSetting.run('tickets.secret' satisfies SettingKey, JSON.stringify(randomBytes(32).toString('base64')));
        secret = Buffer.from(setting('tickets.secret'), 'base64');
      }
      return secret;
    },
    currency: () => setting('currency'),
  };
}
