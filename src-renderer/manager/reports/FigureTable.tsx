import type { ReactNode } from 'react';
import type { ReportTable } from './report-tables.ts';

/** One of the report's tables, as written by report-tables.ts (the same rows the CSV holds). */
export function FigureTable({ table }: { table: ReportTable }) {
  const cell = (value: string, i: number, header = false): ReactNode => {
    const numeric = table.columns[i]?.numeric ? 'num' : undefined;
    return header ? (
      <th key={i} scope="row" className={numeric}>
        {value}
      </th>
    ) : (
      <td key={i} className={numeric}>
        {value}
      </td>
    );
  };
  return (
    <table className="report-table" data-testid={`table-${table.id}`}>
      <caption className="report-visually-hidden">{table.title}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.length === 0 && (
          <tr>
            <td colSpan={table.columns.length} className="muted">
              {table.empty}
            </td>
          </tr>
        )}
        {table.rows.map((row, r) => (
          <tr key={r}>{row.map((value, i) => cell(value, i, i === 0))}</tr>
        ))}
      </tbody>
      {table.totals && (
        <tfoot>
          <tr>{table.totals.map((value, i) => cell(value, i, i === 0))}</tr>
        </tfoot>
      )}
    </table>
  );
}

/** A report section: its heading, and its chart (when it has one) beside its table; `wide` gives a many-columned table more room. */
export function ReportSection({ table, chart, wide = false }: { table: ReportTable; chart?: ReactNode; wide?: boolean }) {
  return (
    <section className="report-section" aria-labelledby={`report-${table.id}-title`} data-testid={`report-section-${table.id}`}>
      <h2 id={`report-${table.id}-title`}>{table.title}</h2>
      {chart ? (
        <div className={wide ? 'report-pair wide' : 'report-pair'}>
          <figure className="report-chart">{chart}</figure>
          <FigureTable table={table} />
        </div>
      ) : (
        <FigureTable table={table} />
      )}
    </section>
  );
}
