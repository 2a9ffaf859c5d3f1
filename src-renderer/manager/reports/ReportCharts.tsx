import { Bar, BarChart, CartesianGrid, ComposedChart, LabelList, Legend, Line, Pie, PieChart, Tooltip, XAxis, YAxis, pattern, patterns, type RechartsFill } from 'recharts';
import type { Report } from '../../../src-shared/contract/reports.ts';
import type { VenueFormat } from '../../format.ts';
import { bandMixSummary, bandShares, occupancySummary, salesSummary } from './chart-summaries.ts';
import { percent, periodLabel } from './report-tables.ts';

/*
 * The three charts a manager would rather look at than read (recharts: SVG, docs/reports.md "Charts").
 * Each is one tab stop (recharts' accessibility layer: the arrow keys then walk its points with the
 * tooltip) with an aria-label saying what it shows; none relies on colour alone: the sales bars are
 * hatched and the tickets a dashed line with markers, every occupancy bar and band slice carries its
 * value as text, each band has its own texture. The table beside each chart holds every figure.
 * Drawn at a fixed size and scaled by CSS, so the printed page draws the same picture.
 */

const WIDTH = 640;
const NO_ANIMATION = { isAnimationActive: false } as const;

// Fill definitions are made once, outside the components: a new one each render would redraw them.
const HATCHED: RechartsFill = { color: '#2f4fc4', definition: pattern({ ...patterns.diagonal, opacity: 0.45 }) };
const BAND_FILLS: RechartsFill[] = [
  { color: '#2f4fc4', definition: pattern(patterns.diagonal) },
  { color: '#b85c00', definition: pattern(patterns.dots) },
  { color: '#1b7a3a', definition: pattern(patterns.crosshatch) },
  { color: '#7b2d8b', definition: pattern(patterns.horizontal) },
  { color: '#5b6070', definition: pattern(patterns.zigzag) },
  { color: '#a3141f', definition: pattern(patterns.vertical) },
];

export interface ChartProps {
  report: Report;
  f: VenueFormat;
}

export function SalesChart({ report, f }: ChartProps) {
  const money = (minor: number) => f.money(minor, report.currency);
  const data = report.salesOverTime.map((p) => ({ label: periodLabel(report, p.period, f), gross: p.gross, tickets: p.tickets }));
  // With many bars the amounts would overlap; the table beside has them all.
  const labelled = data.length <= 10;
  return (
    <ComposedChart width={WIDTH} height={300} data={data} margin={{ top: 24, right: 16, bottom: 8, left: 16 }} aria-label={salesSummary(report, f)} title="Sales over time" data-testid="chart-sales">
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" />
      <YAxis yAxisId="gross" tickFormatter={money} width={90} />
      <YAxis yAxisId="tickets" orientation="right" allowDecimals={false} tickFormatter={(n: number) => f.number(n)} />
      <Tooltip formatter={(value, name) => (name === 'Gross' ? money(Number(value)) : f.number(Number(value)))} />
      <Legend />
      <Bar yAxisId="gross" dataKey="gross" name="Gross" fill={HATCHED} stroke="#2f4fc4" {...NO_ANIMATION}>
        {labelled && <LabelList dataKey="gross" position="top" formatter={(v) => money(Number(v))} />}
      </Bar>
      <Line yAxisId="tickets" dataKey="tickets" name="Tickets" stroke="#1d2030" strokeWidth={2} strokeDasharray="6 3" dot={{ r: 4, fill: '#fff' }} {...NO_ANIMATION} />
    </ComposedChart>
  );
}

export function OccupancyChart({ report, f }: ChartProps) {
  const data = report.performances.map((p) => ({ label: `${p.eventName}, ${f.when(p.startsAt)}`, occupancy: p.occupancyPct }));
  return (
    <BarChart width={WIDTH} height={60 + 34 * Math.max(data.length, 1)} data={data} layout="vertical" margin={{ top: 8, right: 64, bottom: 8, left: 8 }} aria-label={occupancySummary(report, f)} title="Occupancy per performance" data-testid="chart-occupancy">
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" domain={[0, 100]} tickFormatter={(n: number) => percent(n, f)} />
      <YAxis type="category" dataKey="label" width={220} />
      <Tooltip formatter={(value) => percent(Number(value), f)} />
      <Bar dataKey="occupancy" name="Occupancy" fill={HATCHED} stroke="#2f4fc4" {...NO_ANIMATION}>
        <LabelList dataKey="occupancy" position="right" formatter={(v) => percent(Number(v), f)} />
      </Bar>
    </BarChart>
  );
}

export function BandMixChart({ report, f }: ChartProps) {
  const data = bandShares(report)
    .filter((b) => b.tickets > 0)
    .map((b, i) => ({ ...b, fill: BAND_FILLS[i % BAND_FILLS.length] }));
  return (
    <PieChart width={WIDTH} height={300} aria-label={bandMixSummary(report, f)} title="Price band mix" data-testid="chart-bands">
      <Pie
        data={data}
        dataKey="tickets"
        nameKey="band"
        outerRadius={100}
        stroke="#1d2030"
        label={(slice: { name?: string; value?: number; payload?: { share: number } }) => `${slice.name}: ${f.number(Number(slice.value))} (${percent(slice.payload?.share ?? 0, f)})`}
        {...NO_ANIMATION}
      />
      <Tooltip formatter={(value) => f.number(Number(value))} />
      <Legend />
    </PieChart>
  );
}
