import { orderReference } from '../../src-shared/contract/orders.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import { unitLabel } from '../../src-shared/seat-label.ts';
import { CsvTable, type CsvColumn } from './csv-table.ts';
import { localTime, type ExportContext } from './export-context.ts';
import { writeTextFile, type TextSink } from './text-sink.ts';

interface DoorTicket {
  id: string;
  orderId: string;
  customerName: string | null;
  bandName: string;
  code: string;
  zone: string | null;
  row: string | null;
  number: string | null;
  area: string | null;
  placeNo: number | null;
  checkedInAt: number | null;
}
interface DoorLine {
  name: string;
  seat: string;
  ticket: string;
  code: string;
  order: string;
  checkedIn: string;
}

// "Row 2" before "row 10", and "Zoë" beside "Zoe": the order a person reads down a list.
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The valid tickets of one performance, for the door: by name (then seat) or by seat. */
export function doorLines(ctx: ExportContext): DoorLine[] {
  const tickets = ctx.st.doorTickets.all(ctx.request.filters.performanceId) as DoorTicket[];
  const lines = tickets.map((t) => ({
    name: t.customerName?.trim() || 'Walk-in',
    seat: unitLabel(t),
    ticket: t.bandName,
    code: t.code,
    order: orderReference(t.orderId),
    checkedIn: localTime(t.checkedInAt, ctx.timeZone) ?? '',
  }));
  const bySeat = (a: DoorLine, b: DoorLine) => collator.compare(a.seat, b.seat);
  const byName = (a: DoorLine, b: DoorLine) => collator.compare(a.name, b.name) || bySeat(a, b);
  return lines.sort(ctx.request.doorList?.order === 'seat' ? bySeat : byName);
}

const COLUMNS: CsvColumn<DoorLine>[] = [
  { key: 'name', heading: 'Name', value: (l) => l.name },
  { key: 'seat', heading: 'Seat', value: (l) => l.seat },
  { key: 'ticket', heading: 'Ticket', value: (l) => l.ticket },
  { key: 'code', heading: 'Code', value: (l) => l.code },
  { key: 'order', heading: 'Order number', value: (l) => l.order },
  { key: 'checkedIn', heading: 'Checked in at', value: (l) => l.checkedIn },
];

/** A door list as a printable HTML page (the default) or a CSV. */
export async function writeDoorList(ctx: ExportContext): Promise<number> {
  const performance = ctx.st.performance.get(ctx.request.filters.performanceId) as { startsAt: number; title: string; venue: string } | undefined;
  if (!performance) throw new MarqueeError('NOT_FOUND', 'The performance for this door list no longer exists.');
  const lines = doorLines(ctx);
  await writeTextFile(ctx.file, async (sink) => {
    if (ctx.request.doorList?.format === 'csv') {
      const table = new CsvTable(sink, COLUMNS);
      await table.start();
      for (const line of lines) await table.add(line);
      await table.flush();
    } else {
      await writeDoorPage(sink, `${performance.title}, ${performance.venue}, ${localTime(performance.startsAt, ctx.timeZone) ?? ''}`, lines);
    }
  });
  return lines.length;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function writeDoorPage(sink: TextSink, heading: string, lines: DoorLine[]): Promise<void> {
  const cells = (l: DoorLine) => [l.name, l.seat, l.ticket, l.code, l.checkedIn].map((v) => `<td>${escapeHtml(v)}</td>`).join('');
  await sink.write(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Door list: ${escapeHtml(heading)}</title>
<style>
body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5cm; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #888; padding: 3px 6px; text-align: left; vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td:nth-child(4) { font-family: ui-monospace, monospace; font-size: 9pt; word-break: break-all; }
@page { margin: 1.2cm; }
</style></head><body>
<h1>Door list</h1>
<p>${escapeHtml(heading)} · ${lines.length} ticket${lines.length === 1 ? '' : 's'}</p>
<table><thead><tr><th scope="col">Name</th><th scope="col">Seat</th><th scope="col">Ticket</th><th scope="col">Code</th><th scope="col">Checked in</th></tr></thead>
<tbody>
`);
  for (const line of lines) await sink.write(`<tr>${cells(line)}</tr>\n`);
  await sink.write('</tbody></table></body></html>\n');
}
