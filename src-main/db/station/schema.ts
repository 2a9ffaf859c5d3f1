import { sql } from 'drizzle-orm';
import { blob, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The station database: what belongs to this machine and not to the venue's shared records,
 * its printers, its print queue, its preferences and how far it has synced.
 */

export const preferences = sqliteTable('preferences', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

export const printers = sqliteTable('printers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  interface: text('interface').notNull(),
  widthDots: integer('width_dots').notNull().default(576),
  characterSet: text('character_set').notNull().default('PC858_EURO'),
  jobKinds: text('job_kinds', { mode: 'json' }).$type<string[]>().notNull(),
  drawerPin: integer('drawer_pin'),
  defaultLayouts: text('default_layouts', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at', { mode: 'number' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
});

export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    printerId: text('printer_id')
      .notNull()
      .references(() => printers.id),
    jobSetId: text('job_set_id').notNull(),
    position: integer('position').notNull().default(0),
    kind: text('kind').notNull(),
    // 'uncertain': the app stopped while this job was being sent, so it may have printed;
    // it is never resent on its own, staff retry (print again) or cancel it.
    state: text('state', { enum: ['queued', 'sending', 'done', 'failed', 'cancelled', 'uncertain'] })
      .notNull()
      .default('queued'),
    /** What staff see in the queue: "Ticket A12, Hamlet 19:30". */
    label: text('label').notNull().default(''),
    /** Where the job came from: the app, the local print API, a test print, a reprint. */
    source: text('source').notNull().default('app'),
    /** The layout it was rendered from, when it was (raw ESC/POS jobs have none). */
    layoutId: text('layout_id'),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'number' }).notNull(),
    lastError: text('last_error'),
    reprintOf: text('reprint_of'),
    createdAt: integer('created_at', { mode: 'number' }).notNull(),
    printedAt: integer('printed_at', { mode: 'number' }),
    updatedAt: integer('updated_at', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('print_jobs_queue').on(t.printerId, t.state, t.createdAt)],
);

export const syncState = sqliteTable('sync_state', {
  id: text('id').primaryKey(),
  lastPushedSeq: integer('last_pushed_seq').notNull().default(0),
  lastSuccessAt: integer('last_success_at', { mode: 'number' }),
  lastError: text('last_error'),
  lastErrorAt: integer('last_error_at', { mode: 'number' }),
});

/**
 * The export queue (src-main/exports/): every export a manager asks for is a row before anything
 * runs, so a restart finds it again; one runs at a time, oldest first. `running` rows found at
 * start-up were cut off by a stop and are run again from the beginning.
 */
export const exportJobs = sqliteTable(
  'export_jobs',
  {
    id: text('id').primaryKey(),
    request: text('request', { mode: 'json' }).notNull(),
    state: text('state', { enum: ['waiting', 'running', 'done', 'failed', 'cancelled'] }).notNull().default('waiting'),
    progress: real('progress').notNull().default(0),
    requestedAt: integer('requested_at', { mode: 'number' }).notNull(),
    requestedBy: text('requested_by').notNull(),
    startedAt: integer('started_at', { mode: 'number' }),
    finishedAt: integer('finished_at', { mode: 'number' }),
    rows: integer('rows'),
    bytes: integer('bytes'),
    fileName: text('file_name'),
    failure: text('failure'),
  },
  (t) => [index('export_jobs_queue').on(t.state, t.requestedAt)],
);

/** Export settings a manager saved under a name to run again (columns, filters, date basis). */
export const savedExports = sqliteTable('saved_exports', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  request: text('request', { mode: 'json' }).notNull(),
  savedAt: integer('saved_at', { mode: 'number' }).notNull(),
  savedBy: text('saved_by').notNull(),
});

export type PrinterRow = typeof printers.$inferSelect;
export type PrintJobRow = typeof printJobs.$inferSelect;
