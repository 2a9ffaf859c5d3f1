import { stringify } from 'csv-stringify/sync';
import { safeCell, type CellValue } from './safe-cell.ts';
import type { TextSink } from './text-sink.ts';

/** One column of a CSV: its heading and how a row fills it. Money is written as 12.50, never neutralised. */
export interface CsvColumn<R> {
  key: string;
  heading: string;
  value(row: R): CellValue;
  money?: boolean;
}

/** Excel reads a CSV as UTF-8 only when it starts with this mark; without it "Zoë Ł." arrives mangled. */
export const UTF8_BOM = '\uFEFF';
const RECORD_DELIMITER = '\r\n';

/** The columns asked for, in that order, or all of them. */
export function pickColumns<R>(all: readonly CsvColumn<R>[], keys: readonly string[] | null): CsvColumn<R>[] {
  if (!keys) return [...all];
  return keys.map((k) => all.find((c) => c.key === k)).filter((c): c is CsvColumn<R> => c !== undefined);
}

/**
 * Writes a CSV in chunks: a heading line, then rows stringified a batch at a time (RFC 4180:
 * CRLF, quotes doubled, fields with commas, quotes or line breaks quoted) by csv-stringify.
 */
export class CsvTable<R> {
  private batch: CellValue[][] = [];

  constructor(private readonly sink: TextSink, private readonly columns: readonly CsvColumn<R>[]) {}

  async start(): Promise<void> {
    await this.sink.write(UTF8_BOM + this.encode([this.columns.map((c) => c.heading)]));
  }

  async add(row: R): Promise<void> {
    this.batch.push(this.columns.map((c) => cell(c, row)));
    if (this.batch.length >= 500) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const text = this.encode(this.batch);
    this.batch = [];
    await this.sink.write(text);
  }

  private encode(rows: CellValue[][]): string {
    // A lone line break is quoted too: csv-stringify quotes only the record delimiter (CRLF) itself.
    return stringify(rows, { record_delimiter: RECORD_DELIMITER, quoted_match: /[\r\n]/, cast: { number: (n) => String(n) } });
  }
}

function cell<R>(column: CsvColumn<R>, row: R): CellValue {
  const value = column.value(row);
  if (column.money && typeof value === 'number') return value.toFixed(2);
  return safeCell(value);
}
