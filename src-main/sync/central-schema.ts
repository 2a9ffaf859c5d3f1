import { bigint, boolean, double, index, int, json, longtext, mysqlTable, primaryKey, text, uniqueIndex, varchar } from 'drizzle-orm/mysql-core';

/**
 * The central MySQL/MariaDB database head office queries. Every table carries installation_id in
 * its primary key, so two installations (even two that loaded the same demo ids) never collide.
 * Column names mirror the station's SQLite columns so one mapping serves every reference table.
 * No foreign keys: batches arrive per installation in any order relative to each other.
 */

const installationId = () => varchar('installation_id', { length: 26 }).notNull();
const id = () => varchar('id', { length: 64 }).notNull();
const ref = (name: string) => varchar(name, { length: 64 });
const instant = (name: string) => bigint(name, { mode: 'number' });

/** Where each installation's pushes stand; moved in the same transaction as the batch it covers. */
export const syncCursors = mysqlTable('sync_cursors', {
  installationId: varchar('installation_id', { length: 26 }).primaryKey(),
  lastSeq: instant('last_seq').notNull().default(0),
  lastPushAt: instant('last_push_at').notNull(),
  lastStationId: ref('last_station_id'),
});

/** A digest per reference table and installation, so unchanged reference data is not re-sent. */
export const syncReferenceDigests = mysqlTable(
  'sync_reference_digests',
  {
    installationId: installationId(),
    tableName: varchar('table_name', { length: 64 }).notNull(),
    digest: varchar('digest', { length: 64 }).notNull(),
    rowCount: int('row_count').notNull(),
    pushedAt: instant('pushed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.tableName] })],
);

/** Every ledger entry of every station, exactly once: keyed by (installation, station, seq). */
export const ledgerEntries = mysqlTable(
  'ledger_entries',
  {
    installationId: installationId(),
    stationId: varchar('station_id', { length: 64 }).notNull(),
    seq: instant('seq').notNull(),
    id: id(),
    at: instant('at').notNull(),
    kind: varchar('kind', { length: 64 }).notNull(),
    staffId: ref('staff_id'),
    performanceId: ref('performance_id'),
    orderId: ref('order_id'),
    payload: json('payload').notNull(),
    pushedAt: instant('pushed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.installationId, t.stationId, t.seq] }),
    index('ledger_entries_installation_seq').on(t.installationId, t.seq),
    index('ledger_entries_performance').on(t.performanceId),
    index('ledger_entries_order').on(t.orderId),
    index('ledger_entries_at').on(t.at),
  ],
);

/**
 * Projections of the rows ledger payloads carry, as they stand after the latest entry touching
 * them. The booking engine owns their exact columns, so the few every head-office query needs
 * are lifted out and the full row stays in `data` as JSON text (query the rest with
 * JSON_EXTRACT). `data` is longtext, not json: the pusher always writes valid JSON, and MariaDB's
 * json_valid check on every projection row cost about a third of the push rate.
 */
function projection(name: string) {
  return mysqlTable(
    name,
    {
      installationId: installationId(),
      id: id(),
      stationId: varchar('station_id', { length: 64 }).notNull(),
      performanceId: ref('performance_id'),
      orderId: ref('order_id'),
      state: varchar('state', { length: 32 }),
      amountMinor: bigint('amount_minor', { mode: 'number' }),
      at: instant('at').notNull(),
      sourceSeq: instant('source_seq').notNull(),
      data: longtext('data').notNull(),
    },
    (t) => [
      primaryKey({ columns: [t.installationId, t.id] }),
      index(`${name}_performance`).on(t.performanceId, t.state),
      index(`${name}_order`).on(t.orderId),
    ],
  );
}

export const orders = projection('orders');
/** Check-ins are tickets' checkedInAt/checkedInStationId, in `data`. */
export const tickets = projection('tickets');
/** Refunds and exchange credits are payments with a negative amount. */
export const payments = projection('payments');
export const reservations = projection('reservations');

/**
 * Rows of payload tables not projected above (blocks, discount codes, tables added later).
 * Unit rows are left out: their state changes are in ledger_entries.payload, and which seat a
 * unit is comes from the `units` reference table.
 */
export const otherRows = mysqlTable(
  'other_rows',
  {
    installationId: installationId(),
    tableName: varchar('table_name', { length: 64 }).notNull(),
    id: id(),
    stationId: varchar('station_id', { length: 64 }).notNull(),
    at: instant('at').notNull(),
    sourceSeq: instant('source_seq').notNull(),
    data: longtext('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.tableName, t.id] })],
);

// The till (docs/cash-up.md): shifts, cash movements and Z reports, each in its own table with the
// columns head office sums, lifted out of the ledger rows that carry them. A shift is written twice
// (opened, closed) and keeps its newest version; movements and Z reports never change once written.

export const shifts = mysqlTable(
  'shifts',
  {
    installationId: installationId(),
    id: id(),
    stationId: varchar('station_id', { length: 64 }).notNull(),
    staffId: ref('staff_id').notNull(),
    state: varchar('state', { length: 16 }).notNull(),
    openedAt: instant('opened_at').notNull(),
    floatMinor: bigint('float_minor', { mode: 'number' }).notNull(),
    closedAt: instant('closed_at'),
    closedBy: ref('closed_by'),
    expectedMinor: bigint('expected_minor', { mode: 'number' }),
    countedMinor: bigint('counted_minor', { mode: 'number' }),
    varianceMinor: bigint('variance_minor', { mode: 'number' }),
    varianceReason: text('variance_reason'),
    approvedBy: ref('approved_by'),
    zNumber: int('z_number'),
    sourceSeq: instant('source_seq').notNull(),
    data: longtext('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] }), index('shifts_opened').on(t.installationId, t.openedAt)],
);

/** Cash in, cash out, no-sales and corrections of closed shifts (into the drawer positive). */
export const cashMovements = mysqlTable(
  'cash_movements',
  {
    installationId: installationId(),
    id: id(),
    shiftId: ref('shift_id').notNull(),
    stationId: varchar('station_id', { length: 64 }).notNull(),
    staffId: ref('staff_id').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    amountMinor: bigint('amount_minor', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    approvedBy: ref('approved_by'),
    at: instant('at').notNull(),
    sourceSeq: instant('source_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] }), index('cash_movements_shift').on(t.installationId, t.shiftId)],
);

/** Z reports as printed: numbered per installation, `figures` the whole report (JSON text). */
export const zReports = mysqlTable(
  'z_reports',
  {
    installationId: installationId(),
    id: id(),
    number: int('number').notNull(),
    scope: varchar('scope', { length: 8 }).notNull(),
    shiftId: ref('shift_id'),
    stationId: ref('station_id'),
    businessDate: varchar('business_date', { length: 10 }),
    at: instant('at').notNull(),
    staffId: ref('staff_id').notNull(),
    figures: longtext('figures').notNull(),
    sourceSeq: instant('source_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] }), uniqueIndex('z_reports_number').on(t.installationId, t.number)],
);

// Reference data: what the ledger points to, so the central database answers questions by itself.

export const stations = mysqlTable(
  'stations',
  { installationId: installationId(), id: id(), name: text('name').notNull(), createdAt: instant('created_at').notNull() },
  (t) => [primaryKey({ columns: [t.installationId, t.id] })],
);

export const venues = mysqlTable(
  'venues',
  {
    installationId: installationId(),
    id: id(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] })],
);

export const seatingPlans = mysqlTable(
  'seating_plans',
  {
    installationId: installationId(),
    id: id(),
    venueId: ref('venue_id').notNull(),
    name: text('name').notNull(),
    source: varchar('source', { length: 16 }).notNull(),
    sourceFile: text('source_file').notNull(),
    width: double('width').notNull(),
    height: double('height').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] })],
);

export const planCategories = mysqlTable(
  'plan_categories',
  {
    installationId: installationId(),
    id: id(),
    planId: ref('plan_id').notNull(),
    name: text('name').notNull(),
    color: varchar('color', { length: 32 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] })],
);

export const planSeats = mysqlTable(
  'plan_seats',
  {
    installationId: installationId(),
    id: id(),
    planId: ref('plan_id').notNull(),
    guid: varchar('guid', { length: 128 }).notNull(),
    zone: varchar('zone', { length: 128 }).notNull(),
    row: varchar('row', { length: 64 }).notNull(),
    number: varchar('number', { length: 64 }).notNull(),
    x: double('x').notNull(),
    y: double('y').notNull(),
    radius: double('radius').notNull(),
    category: varchar('category', { length: 128 }).notNull(),
    wheelchair: boolean('wheelchair').notNull(),
    restrictedView: boolean('restricted_view').notNull(),
    rank: int('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] }), index('plan_seats_plan').on(t.planId)],
);

export const planAreas = mysqlTable(
  'plan_areas',
  {
    installationId: installationId(),
    id: id(),
    planId: ref('plan_id').notNull(),
    name: text('name').notNull(),
    shape: varchar('shape', { length: 16 }).notNull(),
    x: double('x').notNull(),
    y: double('y').notNull(),
    width: double('width').notNull(),
    height: double('height').notNull(),
    rotation: double('rotation').notNull(),
    color: varchar('color', { length: 32 }).notNull(),
    capacity: int('capacity').notNull(),
    category: varchar('category', { length: 128 }),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] })],
);

export const events = mysqlTable(
  'events',
  {
    installationId: installationId(),
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    durationMinutes: int('duration_minutes').notNull(),
    ageRating: varchar('age_rating', { length: 32 }).notNull(),
    layoutId: ref('layout_id'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] })],
);

export const performances = mysqlTable(
  'performances',
  {
    installationId: installationId(),
    id: id(),
    eventId: ref('event_id').notNull(),
    venueId: ref('venue_id').notNull(),
    planId: ref('plan_id').notNull(),
    startsAt: instant('starts_at').notNull(),
    onSaleFrom: instant('on_sale_from'),
    onSaleUntil: instant('on_sale_until'),
    state: varchar('state', { length: 16 }).notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] }), index('performances_starts').on(t.startsAt)],
);

export const priceBands = mysqlTable(
  'price_bands',
  {
    installationId: installationId(),
    id: id(),
    eventId: ref('event_id').notNull(),
    name: text('name').notNull(),
    category: varchar('category', { length: 128 }),
    priceMinor: bigint('price_minor', { mode: 'number' }).notNull(),
    taxRateBp: int('tax_rate_bp').notNull(),
    taxIncluded: boolean('tax_included').notNull(),
    layoutId: ref('layout_id'),
    sortOrder: int('sort_order').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] })],
);

/**
 * What each sellable unit is (which seat or general-admission place of which performance), so a
 * ticket's unitId finds its seat. Insert-only locally, so pushed by id; its state is in the ledger.
 */
export const units = mysqlTable(
  'units',
  {
    installationId: installationId(),
    id: bigint('id', { mode: 'number' }).notNull(),
    performanceId: ref('performance_id').notNull(),
    seatId: ref('seat_id'),
    areaId: ref('area_id'),
    placeNo: int('place_no'),
    category: varchar('category', { length: 128 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] }), index('units_performance').on(t.performanceId)],
);

/** Staff names and roles only: PIN hashes and lockouts never leave the venue. */
export const staff = mysqlTable(
  'staff',
  {
    installationId: installationId(),
    id: id(),
    name: text('name').notNull(),
    role: varchar('role', { length: 16 }).notNull(),
    active: boolean('active').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.installationId, t.id] })],
);
