import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { PrintJobState, PrintJobView } from '../../../src-shared/contract/printing.ts';
import type { StationDb } from '../../db/open.ts';
import { printers, printJobs, type PrintJobRow } from '../../db/station/schema.ts';

/** The order jobs print in on one printer: first come, first served, a job set kept together. */
const QUEUE_ORDER = [asc(printJobs.createdAt), asc(printJobs.jobSetId), asc(printJobs.position)] as const;

export type NewJobRow = typeof printJobs.$inferInsert;

const insertStatements = new WeakMap<StationDb, { run(values: Record<string, unknown>): unknown }>();

/** Stores a job set in one transaction: all of it or none. */
export function insertJobs(station: StationDb, rows: NewJobRow[]): void {
  let insert = insertStatements.get(station);
  if (!insert) {
    const p = (name: string) => sql.placeholder(name);
    insert = station
      .insert(printJobs)
      .values({
        id: p('id'),
        printerId: p('printerId'),
        jobSetId: p('jobSetId'),
        position: p('position'),
        kind: p('kind'),
        state: 'queued',
        label: p('label'),
        source: p('source'),
        layoutId: p('layoutId'),
        bytes: p('bytes'),
        attempts: 0,
        nextAttemptAt: p('nextAttemptAt'),
        reprintOf: p('reprintOf'),
        createdAt: p('createdAt'),
        updatedAt: p('updatedAt'),
      })
      .prepare();
    insertStatements.set(station, insert);
  }
  const statement = insert;
  station.transaction(() => {
    for (const row of rows) {
      statement.run({
        id: row.id,
        printerId: row.printerId,
        jobSetId: row.jobSetId,
        position: row.position ?? 0,
        kind: row.kind,
        label: row.label ?? '',
        source: row.source ?? 'app',
        layoutId: row.layoutId ?? null,
        bytes: row.bytes,
        nextAttemptAt: row.nextAttemptAt,
        reprintOf: row.reprintOf ?? null,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt ?? row.createdAt,
      });
    }
  });
}

export function findJob(station: StationDb, jobId: string): PrintJobRow | undefined {
  return station.select().from(printJobs).where(eq(printJobs.id, jobId)).get();
}

/** The job at the front of a printer's queue, due or not: later jobs never overtake it. */
export function headJob(station: StationDb, printerId: string): PrintJobRow | undefined {
  return station
    .select()
    .from(printJobs)
    .where(and(eq(printJobs.printerId, printerId), eq(printJobs.state, 'queued')))
    .orderBy(...QUEUE_ORDER)
    .limit(1)
    .get();
}

export function printersWithQueuedJobs(station: StationDb): string[] {
  return station
    .selectDistinct({ printerId: printJobs.printerId })
    .from(printJobs)
    .where(eq(printJobs.state, 'queued'))
    .all()
    .map((r) => r.printerId);
}

/** Moves a job from one state to another only if it is still in the state we saw; false if not. */
export function transition(
  station: StationDb,
  jobId: string,
  from: readonly PrintJobState[],
  set: Partial<NewJobRow> & { state: PrintJobState; updatedAt: number },
): boolean {
  const result = station
    .update(printJobs)
    .set(set)
    .where(and(eq(printJobs.id, jobId), inArray(printJobs.state, [...from])))
    .run();
  return result.changes === 1;
}

/** Counts an attempt that did not reach the printer and sets when to try again; it stays queued. */
export function postpone(
  station: StationDb,
  job: { id: string; printerId: string },
  from: 'queued' | 'sending',
  nextAttemptAt: number,
  error: string,
  now: number,
): boolean {
  const result = station
    .update(printJobs)
    .set({
      state: 'queued',
      // A claimed ('sending') job had its attempt counted when it was claimed.
      ...(from === 'queued' ? { attempts: sql`${printJobs.attempts} + 1` } : {}),
      nextAttemptAt,
      lastError: error,
      updatedAt: now,
    })
    .where(and(eq(printJobs.id, job.id), eq(printJobs.printerId, job.printerId), eq(printJobs.state, from)))
    .run();
  return result.changes === 1;
}

/**
 * At start-up, a job still marked 'sending' was being written when the app stopped: it may well
 * have printed, so it is not resent on its own; staff decide.
 */
export function markInterruptedSends(station: StationDb, now: number): PrintJobRow[] {
  return station
    .update(printJobs)
    .set({
      state: 'uncertain',
      lastError: 'The app stopped while this job was being sent, so it may have printed.',
      updatedAt: now,
    })
    .where(eq(printJobs.state, 'sending'))
    .returning()
    .all();
}

export function countOpenJobs(station: StationDb): Map<string, number> {
  const rows = station
    .select({ printerId: printJobs.printerId, n: sql<number>`count(*)` })
    .from(printJobs)
    .where(inArray(printJobs.state, ['queued', 'sending', 'failed', 'uncertain']))
    .groupBy(printJobs.printerId)
    .all();
  return new Map(rows.map((r) => [r.printerId, r.n]));
}

export function listJobRows(
  station: StationDb,
  filter: { printerId?: string | undefined; includeFinished: boolean; limit: number },
): JobSummary[] {
  const conditions = [];
  if (filter.printerId) conditions.push(eq(printJobs.printerId, filter.printerId));
  if (!filter.includeFinished) conditions.push(inArray(printJobs.state, ['queued', 'sending', 'failed', 'uncertain']));
  const open = sql`case when ${printJobs.state} in ('queued','sending','failed','uncertain') then 0 else 1 end`;
  return station
    .select({ ...summaryColumns, printerName: printers.name })
    .from(printJobs)
    .innerJoin(printers, eq(printers.id, printJobs.printerId))
    .where(conditions.length ? and(...conditions) : undefined)
    // Waiting jobs first in print order, then the most recently finished.
    .orderBy(asc(open), sql`case when ${open} = 0 then ${printJobs.createdAt} else -${printJobs.updatedAt} end`, asc(printJobs.jobSetId), asc(printJobs.position))
    .limit(filter.limit)
    .all();
}

/** A job without its bytes (only their count): what lists and views need. */
export type JobSummary = Omit<PrintJobRow, 'bytes'> & { byteCount: number; printerName: string };

const { bytes: _bytes, ...columnsWithoutBytes } = getTableColumns(printJobs);
const summaryColumns = { ...columnsWithoutBytes, byteCount: sql<number>`length(${printJobs.bytes})` };

export function findJobSummary(station: StationDb, jobId: string): JobSummary | undefined {
  return station
    .select({ ...summaryColumns, printerName: printers.name })
    .from(printJobs)
    .innerJoin(printers, eq(printers.id, printJobs.printerId))
    .where(eq(printJobs.id, jobId))
    .get();
}

function describeJob(job: Pick<PrintJobRow, 'state' | 'attempts' | 'lastError'>): string {
  const tried = job.attempts === 1 ? 'tried once' : `tried ${job.attempts} times`;
  switch (job.state) {
    case 'queued':
      return job.lastError ? `Waiting: ${job.lastError} (${tried})` : 'Waiting to print';
    case 'sending':
      return 'Sending to the printer';
    case 'done':
      return 'Printed';
    case 'failed':
      return `Not printed: ${job.lastError ?? 'failed'}`;
    case 'cancelled':
      return 'Cancelled';
    case 'uncertain':
      return 'May have printed: the app stopped while sending it. Retry to print it again, or cancel it.';
  }
}

export function toJobView(job: JobSummary): PrintJobView {
  return {
    id: job.id,
    printerId: job.printerId,
    printerName: job.printerName,
    jobSetId: job.jobSetId,
    position: job.position,
    kind: job.kind,
    label: job.label,
    source: job.source,
    layoutId: job.layoutId,
    state: job.state,
    words: describeJob(job),
    attempts: job.attempts,
    nextAttemptAt: job.state === 'queued' ? job.nextAttemptAt : null,
    lastError: job.lastError,
    reprintOf: job.reprintOf,
    bytes: job.byteCount,
    createdAt: job.createdAt,
    printedAt: job.printedAt,
  };
}

/**
 * The statements every printed job runs, prepared once per queue: building drizzle queries per
 * call costs about as much as running them.
 */
export function prepareQueueStatements(station: StationDb) {
  const head = station
    .select()
    .from(printJobs)
    .where(and(eq(printJobs.printerId, sql.placeholder('printerId')), eq(printJobs.state, 'queued')))
    .orderBy(...QUEUE_ORDER)
    .limit(1)
    .prepare();
  const printer = station.select().from(printers).where(eq(printers.id, sql.placeholder('printerId'))).prepare();
  const claim = station
    .update(printJobs)
    .set({ state: 'sending', attempts: sql`${printJobs.attempts} + 1`, updatedAt: sql`${sql.placeholder('now')}` })
    // The printer too: a job moved elsewhere while we were connecting must not go out here.
    .where(and(eq(printJobs.id, sql.placeholder('jobId')), eq(printJobs.printerId, sql.placeholder('printerId')), eq(printJobs.state, 'queued')))
    .prepare();
  const printed = station
    .update(printJobs)
    .set({ state: 'done', lastError: null, printedAt: sql`${sql.placeholder('now')}`, updatedAt: sql`${sql.placeholder('now')}` })
    .where(and(eq(printJobs.id, sql.placeholder('jobId')), eq(printJobs.state, 'sending')))
    .prepare();
  return {
    headJob: (printerId: string): PrintJobRow | undefined => head.get({ printerId }),
    printerRow: (printerId: string) => printer.get({ printerId }),
    /** queued → sending, counting the attempt; false if staff changed it meanwhile. */
    claim: (jobId: string, printerId: string, now: number): boolean => claim.run({ jobId, printerId, now }).changes === 1,
    markPrinted: (jobId: string, now: number): boolean => printed.run({ jobId, now }).changes === 1,
  };
}

/** The jobs of one job set (one counter action's documents), in print order, without their bytes. */
export function jobsOfSet(station: StationDb, jobSetId: string): JobSummary[] {
  return station
    .select({ ...summaryColumns, printerName: printers.name })
    .from(printJobs)
    .innerJoin(printers, eq(printers.id, printJobs.printerId))
    .where(eq(printJobs.jobSetId, jobSetId))
    .orderBy(asc(printJobs.position))
    .all();
}
