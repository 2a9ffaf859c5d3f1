import { eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { RecordsDb, StationDb } from '../db/open.ts';
import { preferences, syncState } from '../db/station/schema.ts';
import { readSetting, writeSetting } from '../core/settings.ts';

/** How this station reaches the central server; the password lives in the SecretStore instead. */
export interface SyncConfig {
  url: string | null;
  tls: boolean;
  enabled: boolean;
}

const CONFIG_KEY = 'sync.config';
/** One cursor per installation: the ledger's seq is installation-wide, whatever station wrote a row. */
export const CENTRAL_CURSOR_ID = 'central';

export const defaultSyncConfig: SyncConfig = { url: null, tls: false, enabled: false };

export function readSyncConfig(station: StationDb): SyncConfig {
  const row = station.select().from(preferences).where(eq(preferences.key, CONFIG_KEY)).get();
  const value = (row?.value ?? {}) as Partial<SyncConfig>;
  return {
    url: typeof value.url === 'string' ? value.url : null,
    tls: value.tls === true,
    enabled: value.enabled === true,
  };
}

export function writeSyncConfig(station: StationDb, config: SyncConfig): void {
  station
    .insert(preferences)
    .values({ key: CONFIG_KEY, value: config })
    .onConflictDoUpdate({ target: preferences.key, set: { value: config } })
    .run();
}

/** The installation's id, created on first use and kept in the shared records database. */
export function ensureInstallationId(records: RecordsDb): string {
  return records.transaction((tx) => {
    const existing = readSetting(tx as unknown as RecordsDb, 'installation.id');
    if (typeof existing === 'string' && existing) return existing;
    const id = ulid();
    writeSetting(tx as unknown as RecordsDb, 'installation.id', id);
    return id;
  });
}

export interface CursorState {
  lastPushedSeq: number;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
}

export function readCursor(station: StationDb): CursorState {
  const row = station.select().from(syncState).where(eq(syncState.id, CENTRAL_CURSOR_ID)).get();
  return {
    lastPushedSeq: row?.lastPushedSeq ?? 0,
    lastSuccessAt: row?.lastSuccessAt ?? null,
    lastError: row?.lastError ?? null,
    lastErrorAt: row?.lastErrorAt ?? null,
  };
}

function upsertCursor(station: StationDb, set: Partial<typeof syncState.$inferInsert>): void {
  station
    .insert(syncState)
    .values({ id: CENTRAL_CURSOR_ID, ...set })
    .onConflictDoUpdate({ target: syncState.id, set })
    .run();
}

/** Called only after the central commit (or on reading the central cursor): never ahead of it. */
export function moveCursor(station: StationDb, lastPushedSeq: number): void {
  upsertCursor(station, { lastPushedSeq });
}

export function recordSuccess(station: StationDb, at: number): void {
  upsertCursor(station, { lastSuccessAt: at, lastError: null, lastErrorAt: null });
}

export function recordFailure(station: StationDb, message: string, at: number): void {
  upsertCursor(station, { lastError: message, lastErrorAt: at });
}

export function countPending(records: RecordsDb, afterSeq: number): number {
  const row = records.$client.prepare('select count(*) as n from ledger where seq > ?').get(afterSeq) as { n: number };
  return row.n;
}
