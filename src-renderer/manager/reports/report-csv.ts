import { neutraliseCell } from '../../../src-shared/spreadsheet-cell.ts';
import type { ReportTable } from './report-tables.ts';

/*
 * "Download CSV" of the report on screen: the very tables the manager sees (report-tables.ts), one
 * after another, each under its title. The exports contract has no kind for a report, so the text is
 * written here from what is shown; the exports (src-main) follow the same two rules for spreadsheets:
 * - a cell that begins with =, +, -, @, tab or CR is neutralised with a leading apostrophe, so a
 *   spreadsheet never runs it as a formula (a band or code named "=HYPERLINK(...)" stays text);
 * - UTF-8 with a byte-order mark and CRLF line ends, so Excel reads "Zoë Ł." as written.
 */

/** One cell as a spreadsheet must read it: neutralised, then quoted when it holds a separator, quote or line end. */
export function csvCell(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(',');
}

/** The report's tables as one CSV text (with its BOM), a title line and a blank line around each table. */
export function reportCsv(heading: string, tables: ReportTable[]): string {
  const lines: string[] = [csvLine([heading])];
  for (const table of tables) {
    lines.push('', csvLine([table.title]), csvLine(table.columns.map((c) => c.label)));
    for (const row of table.rows) lines.push(csvLine(row));
    if (table.totals) lines.push(csvLine(table.totals));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
