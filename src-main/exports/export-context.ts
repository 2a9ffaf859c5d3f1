import { wallClock } from '../../src-shared/zoned-time.ts';
import type { ExportRequest } from '../../src-shared/contract/exports.ts';
import type { ExportStatements, Range } from './export-rows.ts';

/** What every writer gets: its statements, the range, the venue's words, and where to write. */
export interface ExportContext {
  request: ExportRequest;
  st: ExportStatements;
  range: Range;
  timeZone: string;
  venueName: string;
  /** The temp file to write; the queue renames it once the writer returns. */
  file: string;
  /** Between chunks: reports progress (0..1), lets the host serve others, and stops a cancelled job. */
  checkpoint(fraction: number): Promise<void>;
}

/**
 * How long the export may hold the host between two checkpoints: a sale arriving meanwhile waits
 * at most about this long. Time, not a row count: a row costs ten times more on a busy machine.
 */
export const SLICE_MS = 15;
/** Rows between two looks at the clock. */
const ROWS_PER_LOOK = 64;

/** Where a scan starts and ends, in rowids (export-rows.ts `span`). */
export interface Span {
  first: number;
  last: number;
}

/**
 * Walks rows, handing each to `write`, with a checkpoint every SLICE_MS of work; answers how many
 * there were. Progress is how far through its table the scan's rowid has come: counting the
 * matching rows first would cost a second full pass, holding the host for as long as it takes.
 */
export async function eachRow<T extends { seq: number }>(rows: Iterable<T>, span: Span, ctx: ExportContext, write: (row: T) => void | Promise<void>): Promise<number> {
  const width = Math.max(1, span.last - span.first + 1);
  let n = 0;
  let sliceStart = performance.now();
  for (const row of rows) {
    await write(row);
    n += 1;
    if (n % ROWS_PER_LOOK === 0 && performance.now() - sliceStart >= SLICE_MS) {
      await ctx.checkpoint(Math.min(Math.max((row.seq - span.first + 1) / width, 0), 0.99));
      sliceStart = performance.now();
    }
  }
  return n;
}

/** "2027-03-14 19:30" on the venue's clock: what an accountant reads, whatever the host's zone. */
export function localTime(ms: number | null, timeZone: string): string | null {
  if (ms === null) return null;
  const w = wallClock(ms, timeZone);
  return `${w.date} ${w.time}`;
}

/** Money as a number of major units (12.5 for 1250 pence): spreadsheets sum it. */
export function major(minor: number): number {
  return minor / 100;
}

/** "Jane Q. Public" → first "Jane Q.", last "Public": the box office keeps one name field. */
export function splitName(name: string | null): { first: string; last: string } {
  const trimmed = (name ?? '').trim();
  const at = trimmed.lastIndexOf(' ');
  return at < 0 ? { first: trimmed, last: '' } : { first: trimmed.slice(0, at), last: trimmed.slice(at + 1) };
}
