import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The records database: what the venue sells and what it sold. Shared by every box-office window
 * of an installation (the desktop app, or every browser on one host). Ids are ULIDs so rows can
 * go to the central server without colliding; instants are epoch ms; money is integer minor units.
 */

const createdAt = () =>
  integer('created_at', { mode: 'number' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

export const stations = sqliteTable('stations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const venues = sqliteTable('venues', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  address: text('address').notNull().default(''),
  createdAt: createdAt(),
});

export const seatingPlans = sqliteTable(
  'seating_plans',
  {
    id: text('id').primaryKey(),
    venueId: text('venue_id')
      .notNull()
      .references(() => venues.id),
    name: text('name').notNull(),
    source: text('source', { enum: ['pretix', 'csv'] }).notNull(),
    sourceFile: text('source_file').notNull(),
    width: real('width').notNull(),
    height: real('height').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('seating_plans_venue').on(t.venueId)],
);

export const planCategories = sqliteTable(
  'plan_categories',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => seatingPlans.id),
    name: text('name').notNull(),
    color: text('color').notNull(),
  },
  (t) => [uniqueIndex('plan_categories_name').on(t.planId, t.name)],
);

export const planSeats = sqliteTable(
  'plan_seats',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => seatingPlans.id),
    guid: text('guid').notNull(),
    zone: text('zone').notNull(),
    row: text('row').notNull(),
    number: text('number').notNull(),
    x: real('x').notNull(),
    y: real('y').notNull(),
    radius: real('radius').notNull().default(10),
    category: text('category').notNull(),
    wheelchair: integer('wheelchair', { mode: 'boolean' }).notNull().default(false),
    restrictedView: integer('restricted_view', { mode: 'boolean' }).notNull().default(false),
    /** Distance rank from the best seat (stage centre); best-available sorts by it. */
    rank: integer('rank').notNull().default(0),
  },
  (t) => [uniqueIndex('plan_seats_guid').on(t.planId, t.guid)],
);

/** Shapes drawn on the plan (the stage) and general-admission areas, which carry a capacity. */
export const planAreas = sqliteTable(
  'plan_areas',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => seatingPlans.id),
    name: text('name').notNull(),
    shape: text('shape', { enum: ['rectangle', 'ellipse'] }).notNull(),
    x: real('x').notNull(),
    y: real('y').notNull(),
    width: real('width').notNull(),
    height: real('height').notNull(),
    rotation: real('rotation').notNull().default(0),
    color: text('color').notNull(),
    capacity: integer('capacity').notNull().default(0),
    category: text('category'),
  },
  (t) => [index('plan_areas_plan').on(t.planId)],
);

export const events = sqliteTable('events', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  durationMinutes: integer('duration_minutes').notNull().default(120),
  ageRating: text('age_rating').notNull().default(''),
  layoutId: text('layout_id'),
  createdAt: createdAt(),
});

export const performances = sqliteTable(
  'performances',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    venueId: text('venue_id')
      .notNull()
      .references(() => venues.id),
    planId: text('plan_id')
      .notNull()
      .references(() => seatingPlans.id),
    startsAt: integer('starts_at', { mode: 'number' }).notNull(),
    onSaleFrom: integer('on_sale_from', { mode: 'number' }),
    onSaleUntil: integer('on_sale_until', { mode: 'number' }),
    state: text('state', { enum: ['on_sale', 'off_sale', 'cancelled'] })
      .notNull()
      .default('on_sale'),
    createdAt: createdAt(),
  },
  (t) => [index('performances_starts').on(t.startsAt)],
);

export const priceBands = sqliteTable(
  'price_bands',
  {
    id: text('id').primaryKey(),
    eventId: text('event_id')
      .notNull()
      .references(() => events.id),
    name: text('name').notNull(),
    /** The plan category this price applies to; null means every category. */
    category: text('category'),
    priceMinor: integer('price_minor').notNull(),
    /** Basis points: 2000 is 20 %. */
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    taxIncluded: integer('tax_included', { mode: 'boolean' }).notNull().default(true),
    layoutId: text('layout_id'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('price_bands_event').on(t.eventId)],
);

export const staff = sqliteTable('staff', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['cashier', 'manager', 'admin'] }).notNull(),
  pinHash: text('pin_hash').notNull(),
  pinSalt: text('pin_salt').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: integer('locked_until', { mode: 'number' }),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

/**
 * Every sellable place of a performance is one row: each seat of the plan, and each place of a
 * general-admission area. The row's state is the single truth the booking engine updates.
 */
export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    performanceId: text('performance_id')
      .notNull()
      .references(() => performances.id),
    seatId: text('seat_id').references(() => planSeats.id),
    areaId: text('area_id').references(() => planAreas.id),
    placeNo: integer('place_no'),
    category: text('category').notNull(),
    state: text('state', { enum: ['available', 'held', 'reserved', 'booked', 'blocked'] })
      .notNull()
      .default('available'),
    /**
     * A hold is a station's short-lived claim while the cashier talks to the customer: it exists
     * only as these three columns on its units (no row of its own, so holding and booking write
     * fewer pages). Holds are not sales and stay out of the ledger; once expired, its units count
     * as available and the sweeper clears them.
     */
    holdId: text('hold_id'),
    holdStationId: text('hold_station_id'),
    holdExpiresAt: integer('hold_expires_at', { mode: 'number' }),
    reservationId: text('reservation_id'),
    ticketId: text('ticket_id'),
    blockId: text('block_id'),
    version: integer('version').notNull().default(0),
  },
  // Every index here is rewritten by sales, so only the ones a sale's own lookups need are kept:
  // a performance's units come through the leading column of units_seat / units_place.
  (t) => [
    uniqueIndex('units_seat').on(t.performanceId, t.seatId),
    uniqueIndex('units_place').on(t.performanceId, t.areaId, t.placeNo),
    // Partial: most units point at no claim, and a NULL entry would move inside the index (one
    // more page written) every time a unit is claimed or let go.
    index('units_hold').on(t.holdId).where(sql`hold_id IS NOT NULL`),
    index('units_reservation').on(t.reservationId).where(sql`reservation_id IS NOT NULL`),
    index('units_block').on(t.blockId).where(sql`block_id IS NOT NULL`),
  ],
);

/**
 * Insert-only history of every money and state change. `seq` only grows; the payload holds the
 * rows as they stand after the change, so replaying the ledger rebuilds the current state and the
 * sync module can push it to the central server without reading anything else.
 */
export const ledger = sqliteTable(
  'ledger',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    // Unique, and its index doubles as a time index (ids are ULIDs): order history reads by it.
    id: text('id').notNull().unique(),
    at: integer('at', { mode: 'number' }).notNull(),
    kind: text('kind').notNull(),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id'),
    performanceId: text('performance_id'),
    orderId: text('order_id'),
    payload: text('payload', { mode: 'json' }).notNull(),
  },
  // Read by seq (sync, replay) only; every extra index is another page written by every sale.
);

/** Unpaid seats kept for a named customer, collected at the window with a short reference. */
export const reservations = sqliteTable(
  'reservations',
  {
    id: text('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    performanceId: text('performance_id').notNull(),
    customerName: text('customer_name').notNull(),
    customerPhone: text('customer_phone'),
    customerEmail: text('customer_email'),
    deadlineAt: integer('deadline_at', { mode: 'number' }),
    state: text('state', { enum: ['active', 'collected', 'cancelled', 'expired'] }).notNull(),
    orderId: text('order_id'),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id'),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('reservations_deadline').on(t.state, t.deadlineAt), index('reservations_performance').on(t.performanceId)],
);

export const discountCodes = sqliteTable('discount_codes', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  kind: text('kind', { enum: ['percent', 'fixed'] }).notNull(),
  /** Basis points for percent codes (1500 is 15 %), minor units for fixed ones. */
  value: integer('value').notNull(),
  /** Null means every event. */
  eventId: text('event_id'),
  validFrom: integer('valid_from', { mode: 'number' }),
  validUntil: integer('valid_until', { mode: 'number' }),
  maxUses: integer('max_uses'),
  uses: integer('uses').notNull().default(0),
  active: integer('active').notNull().default(1),
  createdAt: integer('created_at', { mode: 'number' }).notNull(),
});

/** A paid sale. refundedMinor counts value given back, by refund or by exchange. */
export const orders = sqliteTable(
  'orders',
  {
    id: text('id').primaryKey(),
    performanceId: text('performance_id').notNull(),
    reservationId: text('reservation_id'),
    exchangedFromOrderId: text('exchanged_from_order_id'),
    customerName: text('customer_name'),
    customerPhone: text('customer_phone'),
    customerEmail: text('customer_email'),
    discountCodeId: text('discount_code_id'),
    currency: text('currency').notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    state: text('state', { enum: ['paid', 'part_refunded', 'refunded'] }).notNull(),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id'),
    approvedBy: text('approved_by'),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('orders_performance').on(t.performanceId)],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    performanceId: text('performance_id').notNull(),
    unitId: integer('unit_id').notNull(),
    priceBandId: text('price_band_id').notNull(),
    bandName: text('band_name').notNull(),
    /** The band's price (or a manager's override) before the discount. */
    listPriceMinor: integer('list_price_minor').notNull(),
    discountMinor: integer('discount_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    /**
     * The band's tax rate (basis points) when the ticket was sold: receipts and reports read it here,
     * never the band a manager may have changed since. Null for tickets sold before it was kept.
     */
    taxRateBp: integer('tax_rate_bp'),
    /** What the customer pays for this ticket, tax included. */
    totalMinor: integer('total_minor').notNull(),
    /** Printed as the QR code: the ticket id plus an HMAC, so check-in finds the row by id. */
    code: text('code').notNull(),
    state: text('state', { enum: ['valid', 'refunded', 'exchanged'] }).notNull(),
    printCount: integer('print_count').notNull().default(0),
    checkedInAt: integer('checked_in_at', { mode: 'number' }),
    checkedInStationId: text('checked_in_station_id'),
    checkedInStaffId: text('checked_in_staff_id'),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  },
  // Check-in finds a ticket by id (the code starts with it); an order's tickets come by tickets_order.
  (t) => [index('tickets_order').on(t.orderId)],
);

/** Money in (positive) and out (negative: refunds, exchange credits); never updated or deleted. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    method: text('method', { enum: ['cash', 'card', 'voucher', 'complimentary', 'exchange'] }).notNull(),
    amountMinor: integer('amount_minor').notNull(),
    tenderedMinor: integer('tendered_minor'),
    changeMinor: integer('change_minor'),
    reference: text('reference'),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id'),
    at: integer('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('payments_order').on(t.orderId)],
);

/** House seats, broken seats, press holds: units taken off sale by a manager, maybe until a time. */
export const blocks = sqliteTable(
  'blocks',
  {
    id: text('id').primaryKey(),
    performanceId: text('performance_id').notNull(),
    name: text('name').notNull(),
    releaseAt: integer('release_at', { mode: 'number' }),
    state: text('state', { enum: ['active', 'released'] }).notNull(),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id'),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('blocks_release').on(t.state, t.releaseAt)],
);

/** Who signed in where, approvals and reprints: the "who did what" that is not money. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'number' }).notNull(),
    action: text('action').notNull(),
    stationId: text('station_id').notNull(),
    staffId: text('staff_id'),
    approvedBy: text('approved_by'),
    details: text('details', { mode: 'json' }).notNull(),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

/** One cashier signed in per window; signing in elsewhere or here replaces only that window's session. */
export const staffSessions = sqliteTable('staff_sessions', {
  stationId: text('station_id').primaryKey(),
  staffId: text('staff_id')
    .notNull()
    .references(() => staff.id),
  signedInAt: integer('signed_in_at', { mode: 'number' }).notNull(),
  /** SHA-256 of the session secret the window holds; the secret itself is never stored. */
  secretHash: text('secret_hash').notNull().default(''),
  /** The last call made with this session, for the idle time-out (written at most every few seconds). */
  lastSeenAt: integer('last_seen_at', { mode: 'number' }).notNull().default(0),
});

/**
 * Browser windows the host has let in: each holds a random window token (only its SHA-256 is kept)
 * that names its station. Windows on this computer are let in on their first call; windows on
 * other computers only once a manager approved their pairing code. Revoked rows stay for the audit.
 */
export const pairedWindows = sqliteTable(
  'paired_windows',
  {
    tokenHash: text('token_hash').primaryKey(),
    stationId: text('station_id')
      .notNull()
      .references(() => stations.id),
    kind: text('kind', { enum: ['local', 'lan'] }).notNull(),
    /** The name the window asked for, shown to the manager who approves it. */
    name: text('name').notNull().default(''),
    address: text('address').notNull().default(''),
    /** Shown on the new window while it waits; null once paired. */
    pairingCode: text('pairing_code'),
    requestedAt: integer('requested_at', { mode: 'number' }).notNull(),
    pairedAt: integer('paired_at', { mode: 'number' }),
    approvedBy: text('approved_by'),
    lastSeenAt: integer('last_seen_at', { mode: 'number' }).notNull(),
    revokedAt: integer('revoked_at', { mode: 'number' }),
  },
  (t) => [index('paired_windows_station').on(t.stationId)],
);

/**
 * The first answer to each sale-changing request, by the idempotency key the window sent, written
 * in the same transaction as the sale: a retry after a lost answer gets this answer back instead of
 * selling twice.
 */
export const saleRequests = sqliteTable(
  'sale_requests',
  {
    stationId: text('station_id').notNull(),
    key: text('key').notNull(),
    procedure: text('procedure').notNull(),
    /** SHA-256 of the request as parsed, so a key reused for a different request is refused. */
    requestHash: text('request_hash').notNull(),
    answer: text('answer', { mode: 'json' }).notNull(),
    at: integer('at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('sale_requests_station_key').on(t.stationId, t.key)],
);

export * from './seating-tables.ts';
export * from './shift-tables.ts';
export * from './report-tables.ts';

export type PriceBandRow = typeof priceBands.$inferSelect;
export type StaffRow = typeof staff.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type ReservationRow = typeof reservations.$inferSelect;
export type DiscountCodeRow = typeof discountCodes.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
export type BlockRow = typeof blocks.$inferSelect;
