import type { reportProcedures } from '../../../src-shared/contract/reports.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { getReport, getReportOptions } from '../../reports/report-service.ts';
import type { Handlers } from '../dispatcher.ts';

export function reportHandlers(office: BoxOffice): Pick<Handlers, keyof typeof reportProcedures> {
  return {
    getReport: (input) => getReport(office.records, office.clock, input),
    getReportOptions: () => getReportOptions(office.records),
  };
}
