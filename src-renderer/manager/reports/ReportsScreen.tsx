import { useEffect, useMemo, useState } from 'react';
import type { ReportOptions, ReportQuery } from '../../../src-shared/contract/reports.ts';
import { formatTime, venue, venueFormat } from '../../format.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { bridge, call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { presetRange } from './date-presets.ts';
import { ReportFilters, type ReportFilterState } from './ReportFilters.tsx';
import { BandMixChart, OccupancyChart, SalesChart } from './ReportCharts.tsx';
import { ReportSection } from './FigureTable.tsx';
import { reportTables, type TableId } from './report-tables.ts';
import { downloadText } from './download-text.ts';
import { reportCsv } from './report-csv.ts';
import { ExportsPanel } from './ExportsPanel.tsx';
import '../../kit/admin-form.css';
import './reports.css';

/** Sales coming in move the figures; a busy evening must not ask for the report on every ticket. */
const REFRESH_AFTER_SALES_MS = 3_000;

function queryOf(filters: ReportFilterState): ReportQuery | null {
  if (!filters.from || !filters.to) return null;
  const { eventId, performanceId, venueId, stationId, cashierId, ...rest } = filters;
  return {
    ...rest,
    ...(eventId ? { eventId } : {}),
    ...(performanceId ? { performanceId } : {}),
    ...(venueId ? { venueId } : {}),
    ...(stationId ? { stationId } : {}),
    ...(cashierId ? { cashierId } : {}),
  };
}

/** The filters in words, for the printed page, the CSV's first line and the charts' neighbours. */
function heading(filters: ReportFilterState, options: ReportOptions | null): string {
  const f = venue();
  const named = (items: { id: string; name: string }[] | undefined, id: string) => items?.find((i) => i.id === id)?.name ?? id;
  const performance = options?.performances.find((p) => p.id === filters.performanceId);
  const parts = [
    `Report ${f.dateText(filters.from)} to ${f.dateText(filters.to)}`,
    filters.basis === 'payment' ? 'by payment date' : 'by performance date',
    filters.eventId && `event: ${named(options?.events, filters.eventId)}`,
    performance ? `performance: ${performance.eventName}, ${f.dateTime(performance.startsAt)}` : filters.performanceId && `performance: ${filters.performanceId}`,
    filters.venueId && `venue: ${named(options?.venues, filters.venueId)}`,
    filters.stationId && `window: ${named(options?.windows, filters.stationId)}`,
    filters.cashierId && `cashier: ${named(options?.cashiers, filters.cashierId)}`,
  ];
  return parts.filter(Boolean).join(', ');
}

/** Manage → Reports: what sold and where the money is, for a range and filters, charted, printable and as CSV. */
export function ReportsScreen(_props: ScreenProps) {
  const [filters, setFilters] = useState<ReportFilterState>(() => ({
    ...presetRange('this-week', venue().dateOf(Date.now())),
    basis: 'payment',
    granularity: 'day',
    eventId: '',
    performanceId: '',
    venueId: '',
    stationId: '',
    cashierId: '',
  }));
  const options = useAsync(() => call('getReportOptions', {}), []);
  const query = queryOf(filters);
  const report = useAsync(async () => (query ? { at: Date.now(), report: await call('getReport', query) } : null), [JSON.stringify(query)]);
  const { reload } = report;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = bridge.on('salesChanged', () => {
      timer ??= setTimeout(() => {
        timer = null;
        reload();
      }, REFRESH_AFTER_SALES_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [reload]);

  const shown = report.data?.report ?? null;
  // The figures are written in the venue's notation as the core names it with the report.
  const f = useMemo(() => (shown ? venueFormat({ timeZone: shown.timeZone, locale: shown.locale, currency: shown.currency }) : venue()), [shown?.timeZone, shown?.locale, shown?.currency]);
  const tables = useMemo(() => (shown ? reportTables(shown, f) : []), [shown, f]);
  const title = heading(filters, options.data);
  const byId = (id: TableId) => tables.find((t) => t.id === id)!;
  const fileName = `marquee-report-${filters.from}-to-${filters.to}.csv`;

  return (
    <section className="admin reports" aria-label="Reports" data-testid="reports-screen">
      <div className="toolbar">
        <h1>Reports</h1>
        <div className="admin-actions report-no-print">
          <button type="button" onClick={report.reload} data-testid="report-refresh">
            Refresh
          </button>
          <button type="button" onClick={() => window.print()} disabled={!shown} data-testid="report-print">
            Print
          </button>
          <button type="button" onClick={() => downloadText(fileName, reportCsv(title, tables))} disabled={!shown} data-testid="report-csv">
            Download CSV
          </button>
        </div>
      </div>
      <div className="report-no-print">
        <ReportFilters value={filters} options={options.data} onChange={setFilters} />
      </div>
      {options.error && <p className="error" role="alert">{options.error}</p>}
      {!query && <p role="status">Choose the first and last day of the report.</p>}
      {report.error && (
        <p className="error" role="alert" data-testid="report-error">
          {report.error}
        </p>
      )}
      <p className="report-heading" role="status" aria-live="polite" data-testid="report-heading" aria-busy={report.loading}>
        {title}
        {report.data && <span className="muted"> · figures at {formatTime(report.data.at)}</span>}
      </p>
      {shown && (
        <div className="report-body" data-testid="report-body">
          <ReportSection table={byId('sales')} chart={<SalesChart report={shown} f={f} />} />
          <ReportSection table={byId('performances')} wide chart={shown.performances.length > 0 ? <OccupancyChart report={shown} f={f} /> : undefined} />
          <ReportSection table={byId('events')} />
          <ReportSection table={byId('bands')} chart={shown.priceBands.some((b) => b.tickets > 0) ? <BandMixChart report={shown} f={f} /> : undefined} />
          <div className="report-columns">
            <ReportSection table={byId('methods')} />
            <ReportSection table={byId('refunds')} />
            <ReportSection table={byId('cashiers')} />
            <ReportSection table={byId('windows')} />
            <ReportSection table={byId('discounts')} />
          </div>
        </div>
      )}
      {/* Starts from the report's range and filters; its jobs go on while the manager is elsewhere. */}
      <ExportsPanel from={filters.from || undefined} to={filters.to || undefined} basis={filters.basis} eventId={filters.eventId} performanceId={filters.performanceId} options={options.data} />
    </section>
  );
}
