import type { RecordsDb } from '../db/open.ts';
import { stations } from '../db/records/schema.ts';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * In host mode every browser window is a box-office station; it names itself with a ULID it keeps
 * in its own storage. A window the host has not seen before is registered on its first call.
 */
export class StationRegistry {
  private readonly known = new Set<string>();

  constructor(private readonly records: RecordsDb) {}

  resolve(headerId: string | undefined, headerName: string | undefined): string | null {
    if (!headerId || !ULID.test(headerId)) return null;
    if (!this.known.has(headerId)) {
      const name = headerName ? safeName(headerName) : `Window ${headerId.slice(-4)}`;
      this.records.insert(stations).values({ id: headerId, name }).onConflictDoNothing().run();
      this.known.add(headerId);
    }
    return headerId;
  }
}

function safeName(encoded: string): string {
  try {
    return decodeURIComponent(encoded).slice(0, 60) || 'Window';
  } catch {
    return 'Window';
  }
}

