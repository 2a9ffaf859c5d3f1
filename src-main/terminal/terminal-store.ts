import { eq, like } from 'drizzle-orm';
import type { WindowPrint } from '../app/print-at-window.ts';
import type { StationDb } from '../db/open.ts';
import { preferences } from '../db/station/schema.ts';
import type { PinnedHost } from './pinned-link.ts';

/**
 * What a terminal keeps in its own station.sqlite: the host it joined (address, pinned
 * fingerprint and certificate; the window token itself is a secret and lives in the secret store),
 * and the journal of its counter actions. Kept in station preferences, beside the print queue, so
 * a journal entry and the print jobs it becomes change in one transaction.
 */
const HOST_KEY = 'terminal.host';
const JOURNAL_PREFIX = 'terminal.action.';

export interface TerminalHostRecord extends PinnedHost {
  windowName: string;
  joinedAt: number;
}

/**
 * One counter action sent to the host with an idempotency key. `sent`: asked, answer not yet
 * seen (it may or may not have gone through: ask again with the same key). `answered`: the host's
 * documents are here, not yet in the print queue. `done`: queued for printing (or nothing to print).
 */
export interface JournalEntry {
  key: string;
  procedure: string;
  input: unknown;
  state: 'sent' | 'answered' | 'done';
  print: WindowPrint[];
  at: number;
}

function read(station: StationDb, key: string): unknown {
  return station.select().from(preferences).where(eq(preferences.key, key)).get()?.value;
}

function write(station: StationDb, key: string, value: unknown): void {
  station
    .insert(preferences)
    .values({ key, value: value as string })
    .onConflictDoUpdate({ target: preferences.key, set: { value: value as string } })
    .run();
}

export function readJoinedHost(station: StationDb): TerminalHostRecord | null {
  return (read(station, HOST_KEY) as TerminalHostRecord | undefined) ?? null;
}

export function writeJoinedHost(station: StationDb, host: TerminalHostRecord | null): void {
  if (host) write(station, HOST_KEY, host);
  else station.delete(preferences).where(eq(preferences.key, HOST_KEY)).run();
}

export function noteAction(station: StationDb, entry: JournalEntry): void {
  write(station, JOURNAL_PREFIX + entry.key, entry);
}

export function readAction(station: StationDb, key: string): JournalEntry | null {
  return (read(station, JOURNAL_PREFIX + key) as JournalEntry | undefined) ?? null;
}

/** Actions not yet done, oldest first: what a terminal settles when it starts or the host returns. */
export function unsettledActions(station: StationDb): JournalEntry[] {
  return station
    .select()
    .from(preferences)
    .where(like(preferences.key, `${JOURNAL_PREFIX}%`))
    .all()
    .map((row) => row.value as unknown as JournalEntry)
    .filter((entry) => entry.state !== 'done')
    .sort((a, b) => a.at - b.at);
}

/** A done action needs only its key (so a late replay is recognised), not its documents. */
export function forgetDocuments(entry: JournalEntry): JournalEntry {
  return { ...entry, state: 'done', print: [], input: null };
}
