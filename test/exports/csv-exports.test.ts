import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderReference } from '../../src-shared/contract/orders.ts';
import { neutraliseCell } from '../../src-main/exports/safe-cell.ts';
import { exportThrough, NAMES, openExportBoxOffice, readCsv, type ExportBoxOffice } from './export-fixture.ts';

let box: ExportBoxOffice;
beforeAll(async () => {
  box = await openExportBoxOffice();
});
afterAll(() => box.counter.dispose());

const filters = () => ({ from: box.day, to: box.day, basis: 'performance' as const });

describe('formula neutralising', () => {
  it('prefixes text that a spreadsheet would run, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseCell('Zoë')).toBe('Zoë');
    expect(neutraliseCell('a=b')).toBe('a=b');
    expect(neutraliseCell('')).toBe('');
  });
});

describe('orders CSV', () => {
  it("has the seed's columns, then performance, window and cashier, with one row per order", async () => {
    const { path, job } = await exportThrough(box.counter.till, box.counter, { kind: 'orders-csv', filters: filters() });
    const { bom, rows } = readCsv(path);
    expect(bom).toBe(true);
    expect(rows[0]).toEqual(['Order number', 'Order date', 'Status', 'Payment type', 'Total', 'Quantity', 'Discount code', 'First name', 'Last name', 'E-mail', 'Performance', 'Window', 'Cashier']);
    expect(rows).toHaveLength(4);
    expect(job.rows).toBe(3);
    expect(job.fileName).toBe(`orders-${box.day}.csv`);
    const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
    const zoe = byNumber.get(orderReference(box.orderIds[0]!))!;
    expect(zoe.slice(2, 10)).toEqual(['paid', 'card', expect.stringMatching(/^\d+\.\d{2}$/), '2', '', 'Zoë', 'Ł.', "'@cmd"]);
    const manager = box.counter.office.records.$client.prepare('SELECT name FROM staff WHERE id = ?').pluck().get(box.counter.people.manager.staffId);
    expect(zoe[12]).toBe(manager);
    const formula = byNumber.get(orderReference(box.orderIds[1]!))!;
    expect(formula[3]).toBe('cash');
    // Split on the last space: the first name begins with "=", so it is neutralised.
    expect(formula[7]!.startsWith("'=HYPERLINK(")).toBe(true);
    const quoted = byNumber.get(orderReference(box.orderIds[2]!))!;
    expect(quoted[5]).toBe('3');
    expect(quoted[7]).toBe('Line\nBreak');
    expect(quoted[8]).toBe('Jones');
    expect(quoted[9]).toBe("'\t-2+3");
  });

  it('writes the bytes Excel needs: BOM, UTF-8, CRLF rows, quotes doubled, line breaks quoted', async () => {
    const { path } = await exportThrough(box.counter.till, box.counter, { kind: 'orders-csv', filters: filters(), columns: ['firstName', 'lastName'] });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('First name,Last name\r\n')).toBe(true);
    expect(text).toContain('Zoë,Ł.\r\n');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")",\r\n`);
    expect(text).toContain(`"Line\nBreak",Jones\r\n`);
  });

  it('chooses and orders columns, and refuses a column that is not one of its own in a sentence', async () => {
    const { path } = await exportThrough(box.counter.till, box.counter, { kind: 'orders-csv', filters: filters(), columns: ['email', 'orderNumber'] });
    expect(readCsv(path).rows[0]).toEqual(['E-mail', 'Order number']);
    const refused = await box.counter.till.fail('startExport', { kind: 'orders-csv', filters: filters(), columns: ['seat'] });
    expect(refused.code).toBe('BAD_INPUT');
    expect(refused.message).toContain('not a column of this export: seat');
  });
});

describe('attendees CSV', () => {
  it('has one row per ticket with the columns of the issue', async () => {
    const { path, job } = await exportThrough(box.counter.till, box.counter, { kind: 'attendees-csv', filters: filters() });
    const { rows } = readCsv(path);
    expect(rows[0]).toEqual(['Order number', 'Order date', 'Status', 'First name', 'Last name', 'E-mail', 'Payment type', 'Ticket', 'Price', 'Type', 'Seat', 'Checked in', 'Checked in at']);
    expect(job.rows).toBe(6);
    const zoe = rows.filter((r) => r[3] === 'Zoë');
    expect(zoe).toHaveLength(2);
    for (const r of zoe) {
      expect(r[2]).toBe('valid');
      expect(r[9]).toBe('seat');
      expect(r[10]).toMatch(/^Stalls, row [A-Z], seat \d+$/);
      expect(r[11]).toBe('no');
      expect(r[8]).toMatch(/^\d+\.\d{2}$/);
    }
  });

  it('counts the payment date for accounting: nothing was paid on the day of the show', async () => {
    const { job } = await exportThrough(box.counter.till, box.counter, { kind: 'attendees-csv', filters: { ...filters(), basis: 'payment' } });
    expect(job.rows).toBe(0);
    expect(NAMES.accented).toBe('Zoë Ł.');
  });
});
