import Database from 'better-sqlite3';
import type { ExportKind, ExportRequest } from '../../src-shared/contract/exports.ts';
import { readSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import { writeAttendeesCsv } from './attendees-csv.ts';
import { writeDoorList } from './door-list.ts';
import type { ExportContext } from './export-context.ts';
import { exportStatements, rangeOf } from './export-rows.ts';
import { writeOrdersCsv } from './orders-csv.ts';
import { writeProgramme } from './programme-pentabarf.ts';
import { writeWorkbook } from './workbook-xlsx.ts';

export interface ExportRun {
  request: ExportRequest;
  /** The records database's file: the export reads it through a read-only connection of its own. */
  recordsFile: string;
  /** The records connection the box office uses, for its settings (time zone, venue name) only. */
  records: RecordsDb;
  file: string;
  now: number;
  checkpoint: ExportContext['checkpoint'];
}

/** The name a finished export downloads as: what it is and which days. */
export function downloadName(request: ExportRequest): string {
  const { from, to } = request.filters;
  const days = from === to ? from : `${from}-to-${to}`;
  const names: Record<ExportKind, string> = {
    'orders-csv': `orders-${days}.csv`,
    'attendees-csv': `attendees-${days}.csv`,
    'workbook-xlsx': `sales-${days}.xlsx`,
    'door-list': `door-list-${days}.${request.doorList?.format === 'csv' ? 'csv' : 'html'}`,
    'programme-pentabarf': `programme-${days}.xml`,
  };
  return names[request.kind];
}

/**
 * Writes one export into `file` and answers how many rows it holds. The read connection sees one
 * snapshot of the records for the whole export (a single read transaction), so a sale made
 * meanwhile is either wholly in the file or wholly out of it.
 */
export async function runExport(run: ExportRun): Promise<number> {
  const timeZone = readSetting(run.records, 'venue.timeZone');
  const venueName = readSetting(run.records, 'venue.name');
  const db = new Database(run.recordsFile, { readonly: true, fileMustExist: true });
  try {
    db.exec('BEGIN');
    const ctx: ExportContext = {
      request: run.request,
      st: exportStatements(db),
      range: rangeOf(run.request.filters, timeZone),
      timeZone,
      venueName,
      file: run.file,
      checkpoint: run.checkpoint,
    };
    switch (run.request.kind) {
      case 'orders-csv':
        return await writeOrdersCsv(ctx);
      case 'attendees-csv':
        return await writeAttendeesCsv(ctx);
      case 'workbook-xlsx':
        return await writeWorkbook(ctx);
      case 'door-list':
        return await writeDoorList(ctx);
      case 'programme-pentabarf':
        return await writeProgramme(ctx, run.now);
    }
  } finally {
    db.close();
  }
}
