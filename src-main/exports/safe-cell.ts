import { neutraliseCell } from '../../src-shared/spreadsheet-cell.ts';

/*
 * Numbers are written as numbers and never pass through the formula rule (src-shared/spreadsheet-cell.ts),
 * so a refund of -5.00 stays a number. The one function both the CSV and the XLSX writers use.
 */
export { neutraliseCell };

/** A cell's value as written: text neutralised, numbers and empty cells as they are. */
export type CellValue = string | number | null;

export function safeCell(value: CellValue): CellValue {
  return typeof value === 'string' ? neutraliseCell(value) : value;
}
