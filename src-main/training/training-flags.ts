import { z } from 'zod';
import type { StationDb } from '../db/open.ts';
import { preferences } from '../db/station/schema.ts';

/**
 * Which windows train, kept in the live station database (this host's own data, never a record
 * of the venue's, and never anything a window says about itself): the host reads it on every call
 * to choose the box office that serves it.
 */
const KEY = 'training.windows';

const FlagsSchema = z.object({ wholeHost: z.boolean(), stations: z.array(z.string()) });
export type TrainingFlags = z.infer<typeof FlagsSchema>;

const NONE: TrainingFlags = { wholeHost: false, stations: [] };

// Prepared once per database: the host asks on every call, and building the query each time was
// the cost the host-load profile blamed most (issue 16).
const lookups = new WeakMap<StationDb, { get(key: string): unknown }>();

function storedFlags(station: StationDb): unknown {
  let lookup = lookups.get(station);
  if (!lookup) {
    lookup = station.$client.prepare('SELECT value FROM preferences WHERE key = ?').pluck();
    lookups.set(station, lookup);
  }
  const text = lookup.get(KEY);
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function readTrainingFlags(station: StationDb): TrainingFlags {
  const parsed = FlagsSchema.safeParse(storedFlags(station));
  // A damaged value trains nobody: the live box office is the safe side for a window to be on.
  return parsed.success ? parsed.data : NONE;
}

export function writeTrainingFlags(station: StationDb, flags: TrainingFlags): void {
  const value = { wholeHost: flags.wholeHost, stations: [...new Set(flags.stations)].sort() };
  station.insert(preferences).values({ key: KEY, value }).onConflictDoUpdate({ target: preferences.key, set: { value } }).run();
}

export function isTraining(flags: TrainingFlags, stationId: string): boolean {
  return flags.wholeHost || flags.stations.includes(stationId);
}
