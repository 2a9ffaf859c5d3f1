import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { StationDb } from '../../db/open.ts';
import { preferences } from '../../db/station/schema.ts';

/** The local print API's settings live in station preferences: they belong to this machine. */
const PRINT_API_PORT = 'printApi.port';
const PRINT_API_TOKEN = 'printApi.token';
const PRINT_API_ALLOW_LAN = 'printApi.allowLan';

const DEFAULT_PRINT_API_PORT = 9111;

export interface PrintApiConfig {
  port: number;
  token: string;
  allowLan: boolean;
}

function readPreference(station: StationDb, key: string): unknown {
  return station.select().from(preferences).where(eq(preferences.key, key)).get()?.value;
}

function writePreference(station: StationDb, key: string, value: unknown): void {
  station
    .insert(preferences)
    .values({ key, value: value as string })
    .onConflictDoUpdate({ target: preferences.key, set: { value: value as string } })
    .run();
}

/** 192 random bits, URL-safe so it pastes into a curl line as is. */
function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Reads the settings, creating the token on first use so the API is never open without one. */
export function readPrintApiConfig(station: StationDb): PrintApiConfig {
  return station.transaction((tx) => {
    const db = tx as unknown as StationDb;
    let token = readPreference(db, PRINT_API_TOKEN);
    if (typeof token !== 'string' || token.length < 16) {
      token = newToken();
      writePreference(db, PRINT_API_TOKEN, token);
    }
    const port = readPreference(db, PRINT_API_PORT);
    const allowLan = readPreference(db, PRINT_API_ALLOW_LAN);
    return {
      port: typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_PRINT_API_PORT,
      token: token as string,
      allowLan: allowLan === true,
    };
  });
}

export function writePrintApiNetwork(station: StationDb, settings: { port: number; allowLan: boolean }): void {
  station.transaction((tx) => {
    writePreference(tx as unknown as StationDb, PRINT_API_PORT, settings.port);
    writePreference(tx as unknown as StationDb, PRINT_API_ALLOW_LAN, settings.allowLan);
  });
}

export function rotatePrintApiToken(station: StationDb): string {
  const token = newToken();
  writePreference(station, PRINT_API_TOKEN, token);
  return token;
}
