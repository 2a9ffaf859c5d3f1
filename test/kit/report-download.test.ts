import { describe, expect, it } from 'vitest';
import { presetOf, presetRange } from '../../src-renderer/manager/reports/date-presets.ts';
import { csvCell, reportCsv } from '../../src-renderer/manager/reports/report-csv.ts';

/** The Reports screen's pure parts: its CSV download and its quick date ranges. */
describe('Download CSV of a report', () => {
  it('neutralises formulas, quotes separators and line ends, keeps non-ASCII', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-£5.00')).toBe(`'-£5.00`);
    expect(csvCell('@band')).toBe(`'@band`);
    expect(csvCell('\tTab')).toBe(`'\tTab`);
    expect(csvCell('Stalls, front')).toBe('"Stalls, front"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Zoë Ł.')).toBe('Zoë Ł.');
  });

  it('writes each table under its title, with a BOM and CRLF', () => {
    const text = reportCsv('Sales 1–7 Dec', [
      { id: 'bands', title: 'Price bands', columns: [{ label: 'Band' }, { label: 'Gross', numeric: true }], rows: [['Stalls', '£10.00']], totals: ['Total', '£10.00'] } as never,
    ]);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual(['Sales 1–7 Dec', '', 'Price bands', 'Band,Gross', 'Stalls,£10.00', 'Total,£10.00', '']);
  });
});

describe('quick date ranges', () => {
  it('counts weeks from Monday and months to their last day, from the venue’s today', () => {
    expect(presetRange('today', '2026-12-03')).toEqual({ from: '2026-12-03', to: '2026-12-03' });
    expect(presetRange('this-week', '2026-12-03')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(presetRange('this-week', '2026-12-06')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(presetRange('last-7-days', '2026-03-01')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(presetRange('this-month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetOf({ from: '2026-11-30', to: '2026-12-06' }, '2026-12-03')).toBe('this-week');
    expect(presetOf({ from: '2026-11-29', to: '2026-12-06' }, '2026-12-03')).toBeNull();
  });
});
