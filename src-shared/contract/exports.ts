import { z } from 'zod';
import { defineEvent, defineProcedure } from './define.ts';
import { CalendarDateSchema, EmptyInput, IdSchema, InstantSchema } from './common.ts';

/**
 * Exports (docs/reports.md "Exports"): files other systems read, made by a durable first-come-
 * first-served job queue on the host. A window starts a job, watches it, and downloads the file
 * when it is done; it never names a path on the host.
 */

export const ExportKindSchema = z.enum(['orders-csv', 'attendees-csv', 'workbook-xlsx', 'door-list', 'programme-pentabarf']);
export type ExportKind = z.infer<typeof ExportKindSchema>;

/** The columns of the orders CSV, in the order they are written when none are chosen. */
export const ORDER_COLUMNS = [
  'orderNumber', 'orderDate', 'status', 'paymentType', 'total', 'quantity', 'discountCode',
  'firstName', 'lastName', 'email', 'performance', 'window', 'cashier',
] as const;
/** The columns of the attendees CSV (one row per ticket). */
export const ATTENDEE_COLUMNS = [
  'orderNumber', 'orderDate', 'status', 'firstName', 'lastName', 'email', 'paymentType',
  'ticket', 'price', 'type', 'seat', 'checkedIn', 'checkedInAt',
] as const;
export const OrderColumnSchema = z.enum(ORDER_COLUMNS);
export const AttendeeColumnSchema = z.enum(ATTENDEE_COLUMNS);
export type OrderColumn = z.infer<typeof OrderColumnSchema>;
export type AttendeeColumn = z.infer<typeof AttendeeColumnSchema>;

/**
 * Which sales an export covers. `basis` decides what the date range is about: the day money was
 * taken (accounting) or the day of the performance. The programme and door list use the
 * performance's date whatever the basis.
 */
export const ExportFiltersSchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    basis: z.enum(['payment', 'performance']).default('performance'),
    eventId: IdSchema.nullable().default(null),
    performanceId: IdSchema.nullable().default(null),
  })
  .strict()
  .refine((f) => f.from <= f.to, { message: 'the range must end on or after the day it starts', path: ['to'] });
export type ExportFilters = z.output<typeof ExportFiltersSchema>;

export const DoorListOptionsSchema = z
  .object({
    order: z.enum(['name', 'seat']).default('name'),
    /** `html` is a page to print at the door; `csv` opens in a spreadsheet. */
    format: z.enum(['html', 'csv']).default('html'),
  })
  .strict();
export type DoorListOptions = z.output<typeof DoorListOptionsSchema>;

export const ExportRequestSchema = z
  .object({
    kind: ExportKindSchema,
    filters: ExportFiltersSchema,
    /** For the two CSVs only: which columns, in this order; all of them when absent. */
    columns: z.array(z.string()).min(1, 'choose at least one column').max(40).nullable().default(null),
    doorList: DoorListOptionsSchema.nullable().default(null),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.kind === 'door-list' && r.filters.performanceId === null) {
      ctx.addIssue({ code: 'custom', path: ['filters', 'performanceId'], message: 'a door list is for one performance: choose it' });
    }
    if (r.columns === null) return;
    const allowed: readonly string[] = r.kind === 'orders-csv' ? ORDER_COLUMNS : r.kind === 'attendees-csv' ? ATTENDEE_COLUMNS : [];
    if (allowed.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['columns'], message: 'only the orders and attendees CSVs let you choose columns' });
      return;
    }
    const unknown = r.columns.filter((c) => !allowed.includes(c));
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', path: ['columns'], message: `not a column of this export: ${unknown.join(', ')}` });
    if (new Set(r.columns).size !== r.columns.length) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'a column is chosen twice' });
  });
export type ExportRequest = z.output<typeof ExportRequestSchema>;
export type ExportRequestInput = z.input<typeof ExportRequestSchema>;

export const ExportJobStateSchema = z.enum(['waiting', 'running', 'done', 'failed', 'cancelled']);
export type ExportJobState = z.infer<typeof ExportJobStateSchema>;

export const ExportJobSchema = z.object({
  id: IdSchema,
  request: ExportRequestSchema,
  state: ExportJobStateSchema,
  /** 0..1 while running; 1 when done. */
  progress: z.number().min(0).max(1),
  requestedAt: InstantSchema,
  requestedBy: z.string(),
  startedAt: InstantSchema.nullable(),
  finishedAt: InstantSchema.nullable(),
  /** Rows written (orders, tickets, events) once done. */
  rows: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  /** The name the file downloads as, once done. */
  fileName: z.string().nullable(),
  /**
   * Host mode, once done: where the file is served. A browser fetches it through the one-use link
   * exportDownloadLink answers (a plain link cannot carry the session); null otherwise.
   */
  downloadPath: z.string().nullable(),
  /** Why it failed, in a sentence; null unless failed. */
  failure: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJobSchema>;

export const SavedExportSchema = z.object({
  id: IdSchema,
  name: z.string(),
  request: ExportRequestSchema,
  savedAt: InstantSchema,
  savedBy: z.string(),
});
export type SavedExport = z.infer<typeof SavedExportSchema>;

const SavedNameSchema = z.string().trim().min(1, 'give the saved export a name').max(80, 'the name is at most 80 characters');

export const exportProcedures = {
  startExport: defineProcedure({
    channel: 'bo:exports:start',
    access: 'manager',
    summary: 'Queue an export; it runs after those already waiting (progress arrives as exportJobChanged events).',
    input: ExportRequestSchema,
    output: ExportJobSchema,
  }),
  listExportJobs: defineProcedure({
    channel: 'bo:exports:jobs',
    access: 'manager',
    summary: 'Exports waiting, running and finished (the last 50), newest first.',
    input: EmptyInput,
    output: z.array(ExportJobSchema),
  }),
  cancelExport: defineProcedure({
    channel: 'bo:exports:cancel',
    access: 'manager',
    summary: 'Cancel an export that is waiting or running; its partial file is removed.',
    input: z.object({ jobId: IdSchema }).strict(),
    output: ExportJobSchema,
  }),
  exportDownloadLink: defineProcedure({
    channel: 'bo:exports:download-link',
    access: 'manager',
    summary: "A one-use link (valid a minute) for this window's browser to fetch a finished export; host mode only.",
    input: z.object({ jobId: IdSchema }).strict(),
    output: z.object({ path: z.string(), fileName: z.string(), expiresAt: InstantSchema }),
  }),
  saveExportSetting: defineProcedure({
    channel: 'bo:exports:save-setting',
    access: 'manager',
    summary: 'Save an export (kind, filters, date basis, columns) under a name to rerun later; the same name replaces it.',
    input: z.object({ name: SavedNameSchema, request: ExportRequestSchema }).strict(),
    output: SavedExportSchema,
  }),
  listExportSettings: defineProcedure({
    channel: 'bo:exports:settings',
    access: 'manager',
    summary: 'The saved exports, by name.',
    input: EmptyInput,
    output: z.array(SavedExportSchema),
  }),
  rerunExportSetting: defineProcedure({
    channel: 'bo:exports:rerun-setting',
    access: 'manager',
    summary: 'Queue a saved export again.',
    input: z.object({ settingId: IdSchema }).strict(),
    output: ExportJobSchema,
  }),
  deleteExportSetting: defineProcedure({
    channel: 'bo:exports:delete-setting',
    access: 'manager',
    summary: 'Forget a saved export.',
    input: z.object({ settingId: IdSchema }).strict(),
    output: z.object({ deleted: z.literal(true) }),
  }),
};

export const exportEvents = {
  exportJobChanged: defineEvent({
    channel: 'bo-event:export-job-changed',
    access: 'manager',
    summary: 'An export was queued, moved on, finished, failed or was cancelled; the Exports panel redraws it.',
    payload: ExportJobSchema,
  }),
};
