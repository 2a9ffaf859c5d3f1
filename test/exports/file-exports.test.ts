import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { seedAnotherPerformance } from '../sales/fixtures.ts';
import { exportThrough, openExportBoxOffice, readCsv, type ExportBoxOffice } from './export-fixture.ts';

let box: ExportBoxOffice;
beforeAll(async () => {
  box = await openExportBoxOffice();
});
afterAll(() => box.counter.dispose());

const sumOf = (db: ExportBoxOffice['counter']['office']['records']['$client'], sql: string) => db.prepare(sql).pluck().get() as number;

describe('XLSX workbook', () => {
  it('opens with exceljs with orders, tickets and payments sheets whose money sums to the records', async () => {
    const { path, job } = await exportThrough(box.counter.till, box.counter, { kind: 'workbook-xlsx', filters: { from: box.day, to: box.day } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Orders', 'Tickets', 'Payments']);
    const [orders, tickets, payments] = book.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(orders.actualRowCount).toBe(4);
    expect(tickets.actualRowCount).toBe(7);
    expect(payments.actualRowCount).toBe(4);
    expect(job.rows).toBe(3 + 6 + 3);
    const column = (sheet: ExcelJS.Worksheet, heading: string) => {
      const index = (sheet.getRow(1).values as unknown[]).indexOf(heading);
      const values: unknown[] = [];
      sheet.eachRow((row, n) => n > 1 && values.push(row.getCell(index).value));
      return values;
    };
    const total = (values: unknown[]) => Math.round((values as number[]).reduce((a, b) => a + b, 0) * 100);
    const db = box.counter.office.records.$client;
    expect(column(orders, 'Total').every((v) => typeof v === 'number')).toBe(true);
    expect(total(column(orders, 'Total'))).toBe(sumOf(db, 'SELECT sum(total_minor) FROM orders'));
    expect(total(column(tickets, 'Price'))).toBe(sumOf(db, 'SELECT sum(total_minor) FROM tickets'));
    expect(total(column(payments, 'Amount'))).toBe(sumOf(db, 'SELECT sum(amount_minor) FROM payments'));
    // Text is neutralised in the workbook too, and non-ASCII names survive.
    const customers = column(orders, 'Customer');
    expect(customers).toContain('Zoë Ł.');
    expect(customers).toContain('\'=HYPERLINK("http://evil.example","click")');
  });
});

describe('door list', () => {
  it('lists the valid tickets of one performance by name, or by seat, as CSV', async () => {
    const performanceId = box.counter.show.performanceId;
    const byName = readCsv((await exportThrough(box.counter.till, box.counter, { kind: 'door-list', filters: { from: box.day, to: box.day, performanceId }, doorList: { order: 'name', format: 'csv' } })).path).rows;
    expect(byName[0]).toEqual(['Name', 'Seat', 'Ticket', 'Code', 'Order number', 'Checked in at']);
    expect(byName.slice(1).map((r) => r[0])).toEqual(["'=HYPERLINK(\"http://evil.example\",\"click\")", 'Line\nBreak Jones', 'Line\nBreak Jones', 'Line\nBreak Jones', 'Zoë Ł.', 'Zoë Ł.']);
    const bySeat = readCsv((await exportThrough(box.counter.till, box.counter, { kind: 'door-list', filters: { from: box.day, to: box.day, performanceId }, doorList: { order: 'seat', format: 'csv' } })).path).rows;
    const seats = bySeat.slice(1).map((r) => r[1]!);
    expect(seats).toEqual([...seats].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(bySeat.slice(1).every((r) => r[3]!.length > 20)).toBe(true);
  });

  it('prints as an HTML page with every name escaped', async () => {
    const performanceId = box.counter.show.performanceId;
    const { path, job } = await exportThrough(box.counter.till, box.counter, { kind: 'door-list', filters: { from: box.day, to: box.day, performanceId } });
    const html = readFileSync(path, 'utf8');
    expect(job.fileName).toBe(`door-list-${box.day}.html`);
    expect(html).toContain('<h1>Door list</h1>');
    expect(html).toContain('6 tickets');
    expect(html).toContain('Zoë Ł.');
    expect(html).toContain('=HYPERLINK(&#34;http://evil.example&#34;,&#34;click&#34;)');
  });

  it('asks for a performance in a sentence', async () => {
    const refused = await box.counter.till.fail('startExport', { kind: 'door-list', filters: { from: box.day, to: box.day } });
    expect(refused.message).toContain('a door list is for one performance');
  });
});

describe('Pentabarf programme', () => {
  it('validates against the frab/Pentabarf schedule schema', async () => {
    const { office, show } = box.counter;
    const db = office.records.$client;
    db.prepare(`UPDATE events SET description = ? WHERE id = ?`).run('A <new> staging & "more"\u0007', show.eventId);
    const startsAt = db.prepare('SELECT starts_at FROM performances WHERE id = ?').pluck().get(show.performanceId) as number;
    seedAnotherPerformance(office, show, startsAt + 86_400_000);
    const next = new Date(Date.parse(`${box.day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const { path, job } = await exportThrough(box.counter.till, box.counter, { kind: 'programme-pentabarf', filters: { from: box.day, to: next } });
    const xml = readFileSync(path, 'utf8');
    expect(job.rows).toBe(2);
    const schema = readFileSync(join(import.meta.dirname, '../fixtures/pentabarf/schedule.xml.xsd'), 'utf8');
    const result = await validateXML({ xml: [{ fileName: 'programme.xml', contents: xml }], schema: [schema] });
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml.match(/<day /g)).toHaveLength(2);
    expect(xml).toContain('<room name="Test Hall">');
    expect(xml).toContain('<abstract>A &lt;new&gt; staging &amp; &quot;more&quot;</abstract>');
  });
});
