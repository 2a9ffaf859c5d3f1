import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ExportJob, ExportRequestInput } from '../../src-shared/contract/exports.ts';
import { wallClock } from '../../src-shared/zoned-time.ts';
import { openCounter, type Counter } from '../helpers/counter.ts';
import { sell } from '../helpers/sales.ts';
import type { ContractCalls } from '../helpers/window.ts';

/** Names an export must carry through untouched, or neutralise (formula injection), or quote. */
export const NAMES = {
  accented: 'Zoë Ł.',
  formula: '=HYPERLINK("http://evil.example","click")',
  quoted: 'Ann "Annie" Smith',
};

export interface ExportBoxOffice {
  counter: Counter;
  /** The show's day on the venue's clock: the range every test exports. */
  day: string;
  orderIds: string[];
}

/**
 * A box office with three sales of the seeded show, made through the contract by a manager:
 * 2 seats to "Zoë Ł." by card, 1 seat to a would-be formula by cash, 3 seats to a name with quotes.
 * One e-mail starts with "@", another with a tab; one name gets a line break (the contract trims
 * and checks these, so they are written into the orders as an import from elsewhere would).
 */
export async function openExportBoxOffice(): Promise<ExportBoxOffice> {
  const counter = await openCounter({ show: true, signedIn: 'manager' });
  const { till, show } = counter;
  const a = await sell(till, show.performanceId, 2, { name: NAMES.accented }, { method: 'card' });
  const b = await sell(till, show.performanceId, 1, { name: NAMES.formula }, { method: 'cash' });
  const c = await sell(till, show.performanceId, 3, { name: NAMES.quoted }, { method: 'card' });
  const orderIds = [a.order.id, b.order.id, c.order.id];
  const db = counter.office.records.$client;
  db.prepare(`UPDATE orders SET customer_email = '@cmd' WHERE id = ?`).run(a.order.id);
  db.prepare(`UPDATE orders SET customer_name = ?, customer_email = ? WHERE id = ?`).run('Line\nBreak Jones', '\t-2+3', c.order.id);
  const startsAt = db.prepare('SELECT starts_at FROM performances WHERE id = ?').pluck().get(show.performanceId) as number;
  return { counter, day: wallClock(startsAt, 'Europe/London').date, orderIds };
}

/** Queues an export through the contract, waits for the queue, and answers the finished job and its file. */
export async function exportThrough(window: ContractCalls, counter: Counter, request: ExportRequestInput): Promise<{ job: ExportJob; path: string }> {
  const queued = await window.call('startExport', request);
  await counter.running.exports.idle();
  const job = (await window.call('listExportJobs', {})).find((j) => j.id === queued.id)!;
  if (job.state !== 'done') throw new Error(`the export ended ${job.state}: ${job.failure ?? ''}`);
  return { job, path: counter.running.exports.file(job.id).path };
}

/** A CSV export read back as records (BOM removed, as Excel reads it). */
export function readCsv(path: string): { bom: boolean; rows: string[][] } {
  const text = readFileSync(path, 'utf8');
  return { bom: text.startsWith('\uFEFF'), rows: parse(text, { bom: true, relax_column_count: false }) as string[][] };
}
