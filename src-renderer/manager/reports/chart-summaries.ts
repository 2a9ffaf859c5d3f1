import type { Report } from '../../../src-shared/contract/reports.ts';
import type { VenueFormat } from '../../format.ts';
import { percent, performanceLabel, periodLabel } from './report-tables.ts';

/*
 * What each chart says in one sentence: its aria-label, read by a screen reader when the chart
 * takes the keyboard focus, and the same words a sighted manager would take from it. The figures
 * are the core's; the table beside each chart has all of them.
 */

export function salesSummary(report: Report, f: VenueFormat): string {
  const money = (minor: number) => f.money(minor, report.currency);
  const range = `${f.dateText(report.from)} to ${f.dateText(report.to)}`;
  const head = `Sales by ${report.granularity}, ${range}: ${f.number(report.totals.tickets)} tickets, ${money(report.totals.gross)} gross`;
  const best = report.salesOverTime.reduce<Report['salesOverTime'][number] | null>((top, p) => (top === null || p.gross > top.gross ? p : top), null);
  if (!best || best.gross <= 0) return `${head}.`;
  return `${head}; the best ${report.granularity} was ${periodLabel(report, best.period, f)} with ${money(best.gross)} and ${f.number(best.tickets)} tickets.`;
}

export function occupancySummary(report: Report, f: VenueFormat): string {
  const shows = report.performances;
  if (shows.length === 0) return 'Occupancy: no performances in this range.';
  const sorted = [...shows].sort((a, b) => b.occupancyPct - a.occupancyPct);
  const top = sorted[0]!;
  const low = sorted[sorted.length - 1]!;
  const head = `Occupancy of ${f.number(shows.length)} performance${shows.length === 1 ? '' : 's'}`;
  if (shows.length === 1) return `${head}: ${performanceLabel(top, f)} is ${percent(top.occupancyPct, f)} full.`;
  return `${head}: fullest ${performanceLabel(top, f)} at ${percent(top.occupancyPct, f)}, emptiest ${performanceLabel(low, f)} at ${percent(low.occupancyPct, f)}.`;
}

/** Each band's share of the tickets, in tenths of a percent, as the chart labels it. */
export function bandShares(report: Report): { band: string; tickets: number; share: number }[] {
  const all = report.priceBands.reduce((sum, b) => sum + Math.max(b.tickets, 0), 0);
  return report.priceBands.map((b) => ({ band: b.band, tickets: b.tickets, share: all > 0 ? Math.round((Math.max(b.tickets, 0) / all) * 1000) / 10 : 0 }));
}

export function bandMixSummary(report: Report, f: VenueFormat): string {
  const shares = bandShares(report).filter((b) => b.tickets > 0);
  if (shares.length === 0) return 'Price band mix: no tickets in this range.';
  const parts = shares.map((b) => `${b.band} ${f.number(b.tickets)} (${percent(b.share, f)})`);
  const all = shares.reduce((sum, b) => sum + b.tickets, 0);
  return `Price band mix of ${f.number(all)} tickets: ${parts.join(', ')}.`;
}
