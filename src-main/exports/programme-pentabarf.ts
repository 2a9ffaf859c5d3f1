import { wallClock, zonedInstant } from '../../src-shared/zoned-time.ts';
import type { ExportContext } from './export-context.ts';
import type { ProgrammeRow } from './export-rows.ts';
import { writeTextFile } from './text-sink.ts';

/**
 * The programme as a Pentabarf/frab "schedule.xml" (conference → day → room → event), the format
 * scheduling apps (Giggity, EventFahrplan, pretalx importers) read; checked against the schema in
 * test/fixtures/pentabarf. A room is a venue; an event is one performance.
 */

// XML 1.0 cannot carry most control characters at all, even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** "2027-03-14T19:30:00+01:00": the schema wants the offset written out. */
export function isoWithOffset(ms: number, timeZone: string): string {
  const wall = wallClock(ms, timeZone);
  const minute = Math.floor(ms / 60_000) * 60_000;
  const offset = Math.round((Date.parse(`${wall.date}T${wall.time}:00Z`) - minute) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.date}T${wall.time}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A ULID's 128 bits written as a UUID: the same performance keeps the same guid in every export. */
export function guidOf(ulid: string): string {
  const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let value = 0n;
  for (const ch of ulid.toUpperCase()) value = value * 32n + BigInt(ALPHABET.indexOf(ch));
  const hex = value.toString(16).padStart(32, '0').slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The acronym the schema wants (4+ of a-z0-9_-) from the venue's name. */
export function acronymOf(name: string): string {
  const slug = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.length >= 4 ? slug : `${slug}-marquee`.replace(/^-/, '');
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function writeProgramme(ctx: ExportContext, generatedAt: number): Promise<number> {
  const tz = ctx.timeZone;
  const rows = ctx.st.programme.all(ctx.range) as ProgrammeRow[];
  // Day → room → events, in time order (the rows come sorted by start).
  const days = new Map<string, Map<string, ProgrammeRow[]>>();
  for (const row of rows) {
    const date = wallClock(row.startsAt, tz).date;
    const rooms = days.get(date) ?? new Map<string, ProgrammeRow[]>();
    days.set(date, rooms);
    rooms.set(row.venue, [...(rooms.get(row.venue) ?? []), row]);
  }
  const title = ctx.venueName.trim() || 'Marquee programme';
  const dates = [...days.keys()];
  const first = ctx.request.filters.from;
  const last = ctx.request.filters.to;
  let id = 0;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<schedule>',
    `  <generator name="Marquee"/>`,
    `  <version>${xmlText(isoWithOffset(generatedAt, tz))}</version>`,
    '  <conference>',
    `    <title>${xmlText(title)}</title>`,
    `    <acronym>${xmlText(acronymOf(title))}</acronym>`,
    `    <start>${first}</start>`,
    `    <end>${last}</end>`,
    `    <days>${dates.length}</days>`,
    `    <time_zone_name>${xmlText(tz)}</time_zone_name>`,
    '  </conference>',
  ];
  dates.forEach((date, index) => {
    out.push(`  <day index="${index + 1}" date="${date}" start="${dayStart(date, tz)}" end="${dayStart(nextDate(date), tz)}">`);
    for (const [room, events] of days.get(date)!) {
      out.push(`    <room name="${xmlText(room)}">`);
      for (const e of events) {
        id += 1;
        const w = wallClock(e.startsAt, tz);
        out.push(
          `      <event id="${id}" guid="${guidOf(e.id)}">`,
          `        <room>${xmlText(room)}</room>`,
          `        <title>${xmlText(e.title)}</title>`,
          `        <type>performance</type>`,
          `        <date>${isoWithOffset(e.startsAt, tz)}</date>`,
          `        <start>${w.time}</start>`,
          `        <duration>${pad(Math.floor(e.durationMinutes / 60))}:${pad(e.durationMinutes % 60)}</duration>`,
          `        <abstract>${xmlText(e.description)}</abstract>`,
          `        <track>${xmlText(e.title)}</track>`,
          ...(e.ageRating ? [`        <description>${xmlText(`Age rating: ${e.ageRating}`)}</description>`] : []),
          '      </event>',
        );
      }
      out.push('    </room>');
    }
    out.push('  </day>');
  });
  out.push('</schedule>', '');
  await writeTextFile(ctx.file, (sink) => sink.write(out.join('\n')));
  await ctx.checkpoint(0.99);
  return rows.length;
}

/** Midnight of `date` on the venue's clock, with its offset. */
function dayStart(date: string, timeZone: string): string {
  return isoWithOffset(zonedInstant(date, '00:00', timeZone), timeZone);
}
