/**
 * Spreadsheets run a cell that begins with = + - @ (and some read a leading tab or carriage
 * return the same way) as a formula: a customer named "=HYPERLINK(...)" would become a link in
 * the accountant's copy. Such text gets a leading apostrophe, which Excel and LibreOffice show as
 * plain text (OWASP "CSV injection"). The one rule the exports (src-main/exports) and the Reports
 * screen's "Download CSV" both follow.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
