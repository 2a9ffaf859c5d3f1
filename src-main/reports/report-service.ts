import type { Report, ReportOptions, ReportQuery } from '../../src-shared/contract/reports.ts';
import type { Clock } from '../core/clock.ts';
import { readSetting } from '../core/settings.ts';
import type { RecordsDb } from '../db/open.ts';
import { buildReport } from './build-report.ts';
import { ensureRollups } from './rebuild-rollups.ts';
import { reportOptions } from './report-options.ts';

/** The reports as the procedures ask for them: the venue's clock, currency and locale read once per call. */
export function getReport(records: RecordsDb, clock: Clock, q: ReportQuery): Report {
  const db = records.$client;
  ensureRollups(db);
  return buildReport(db, q, {
    timeZone: readSetting(records, 'venue.timeZone'),
    currency: readSetting(records, 'currency'),
    locale: readSetting(records, 'venue.locale'),
    now: clock.now(),
  });
}

export function getReportOptions(records: RecordsDb): ReportOptions {
  return reportOptions(records.$client);
}
