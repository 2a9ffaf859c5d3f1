import type { Statement } from 'better-sqlite3';
import type { PairingRequest, WindowKind, WindowSummary } from '../../src-shared/contract/windows.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { RecordsDb } from '../db/open.ts';
import { newId } from '../sales/ids.ts';
import { newPairingCode } from './pairing-code.ts';
import { hashWindowToken, isWindowTokenShape, issueWindowToken } from './window-token.ts';
import { cleanWindowName, nextBoxOfficeName } from './window-names.ts';

/** A window waiting for a manager stops waiting after this; it registers again to get a new code. */
const PENDING_TTL_MS = 10 * 60_000;
/** last_seen_at is written at most this often per window, so busy windows do not write on every call. */
const TOUCH_EVERY_MS = 60_000;

export type WindowState = 'paired' | 'pending' | 'revoked';

/** Where a window stands, as its token says: the station it acts as, and whether it may act at all. */
export interface WindowStanding {
  stationId: string;
  kind: WindowKind;
  name: string;
  state: WindowState;
  pairingCode: string | null;
  /** When a pending window's code stops working; null otherwise. */
  expiresAt: number | null;
}

interface WindowRow {
  tokenHash: string;
  stationId: string;
  kind: WindowKind;
  name: string;
  address: string;
  pairingCode: string | null;
  requestedAt: number;
  pairedAt: number | null;
  approvedBy: string | null;
  approvedByName: string | null;
  lastSeenAt: number;
  revokedAt: number | null;
}

const COLUMNS = `w.token_hash as tokenHash, w.station_id as stationId, w.kind as kind, w.name as name, w.address as address,
  w.pairing_code as pairingCode, w.requested_at as requestedAt, w.paired_at as pairedAt, w.approved_by as approvedBy,
  m.name as approvedByName, w.last_seen_at as lastSeenAt, w.revoked_at as revokedAt`;
const FROM = 'from paired_windows w left join staff m on m.id = w.approved_by';

function stateOf(row: WindowRow): WindowState {
  if (row.revokedAt !== null) return 'revoked';
  return row.pairedAt !== null ? 'paired' : 'pending';
}

function summaryOf(row: WindowRow): WindowSummary {
  return {
    windowId: row.stationId,
    name: row.name,
    kind: row.kind,
    address: row.address,
    pairedAt: row.pairedAt,
    approvedBy: row.approvedByName,
    lastSeenAt: row.lastSeenAt,
    revokedAt: row.revokedAt,
  };
}

/**
 * Host mode's browser windows, each named by a random token the host issued (only its hash is
 * kept). A window on this computer is paired when it registers; one from another computer waits
 * with a short code until a signed-in manager approves it. Every window is its own station.
 */
export class PairedWindows {
  private readonly byHash: Statement<[string], WindowRow>;
  private readonly byStation: Statement<[string], WindowRow>;
  private readonly touch: Statement<[number, string]>;

  constructor(
    private readonly records: RecordsDb,
    private readonly clock: Clock,
    /** A window in training writes nothing to the live records, not even when it was last seen. */
    private readonly seenQuietly: (stationId: string) => boolean = () => false,
  ) {
    const db = records.$client;
    // Prepared once: the host looks the token up on every request.
    this.byHash = db.prepare(`select ${COLUMNS} ${FROM} where w.token_hash = ?`);
    this.byStation = db.prepare(`select ${COLUMNS} ${FROM} where w.station_id = ?`);
    this.touch = db.prepare('update paired_windows set last_seen_at = ? where token_hash = ?');
  }

  /** Registers a window and returns the token it will present; the caller has already applied the limits. */
  register(request: { kind: WindowKind; name: unknown; address: string }): { token: string; standing: WindowStanding } {
    const now = this.clock.now();
    const stationId = newId(now);
    const token = issueWindowToken();
    const local = request.kind === 'local';
    const db = this.records.$client;
    const name = cleanWindowName(request.name) || nextBoxOfficeName(db.prepare('select name from stations').pluck().all() as string[]);
    const insert = db.transaction(() => {
      const code = local ? null : newPairingCode(new Set(this.pendingRows(now).map((r) => r.pairingCode ?? '')));
      db.prepare('insert into stations (id, name) values (?, ?)').run(stationId, name);
      db.prepare(
        `insert into paired_windows (token_hash, station_id, kind, name, address, pairing_code, requested_at, paired_at, last_seen_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(hashWindowToken(token), stationId, request.kind, name, request.address.slice(0, 64), code, now, local ? now : null, now);
      return code;
    });
    const code = insert();
    return {
      token,
      standing: { stationId, kind: request.kind, name, state: local ? 'paired' : 'pending', pairingCode: code, expiresAt: local ? null : now + PENDING_TTL_MS },
    };
  }

  /**
   * The window a token names, or null when it names none (never issued, or a request that expired
   * unapproved). Marks the window as seen.
   */
  lookup(token: unknown): WindowStanding | null {
    if (!isWindowTokenShape(token)) return null;
    const row = this.byHash.get(hashWindowToken(token));
    if (!row) return null;
    const now = this.clock.now();
    if (stateOf(row) === 'pending' && now - row.requestedAt >= PENDING_TTL_MS) {
      this.forgetExpired(row);
      return null;
    }
    if (now - row.lastSeenAt > TOUCH_EVERY_MS && !this.seenQuietly(row.stationId)) this.touch.run(now, row.tokenHash);
    return this.standingOf(row);
  }

  /** Where the window of this station stands; null for a station that is no registered window (the desktop's own). */
  standingOfStation(stationId: string): WindowStanding | null {
    const row = this.byStation.get(stationId);
    return row ? this.standingOf(row) : null;
  }

  /** Pending requests from one address, or from anywhere; expired ones are dropped first. */
  countPending(address?: string): number {
    const pending = this.pendingRows(this.clock.now());
    return address === undefined ? pending.length : pending.filter((r) => r.address === address).length;
  }

  /** Drops requests nobody approved in time, with the station rows made for them. */
  pruneExpired(): void {
    const cutoff = this.clock.now() - PENDING_TTL_MS;
    const expired = this.records.$client
      .prepare(`select ${COLUMNS} ${FROM} where w.paired_at is null and w.revoked_at is null and w.requested_at <= ?`)
      .all(cutoff) as WindowRow[];
    for (const row of expired) this.forgetExpired(row);
  }

  list(): WindowSummary[] {
    const rows = this.records.$client
      .prepare(`select ${COLUMNS} ${FROM} where w.paired_at is not null or w.revoked_at is not null order by w.name, w.paired_at`)
      .all() as WindowRow[];
    return rows.map(summaryOf);
  }

  listPending(): PairingRequest[] {
    return this.pendingRows(this.clock.now()).map((r) => ({
      code: r.pairingCode ?? '',
      name: r.name,
      address: r.address,
      requestedAt: r.requestedAt,
      expiresAt: r.requestedAt + PENDING_TTL_MS,
    }));
  }

  /** A manager approves the window showing this code; it may be named at the same time. */
  approve(code: string, name: string | undefined, byStaffId: string): WindowSummary {
    const row = this.pendingRows(this.clock.now()).find((r) => r.pairingCode === code);
    if (!row) {
      throw new MarqueeError('NOT_FOUND', `No window is waiting with code ${code}; codes expire after ${PENDING_TTL_MS / 60_000} minutes, so ask for the one on its screen now.`);
    }
    const newName = cleanWindowName(name) || row.name;
    const db = this.records.$client;
    db.transaction(() => {
      db.prepare('update paired_windows set paired_at = ?, approved_by = ?, pairing_code = null, name = ? where token_hash = ?').run(
        this.clock.now(),
        byStaffId,
        newName,
        row.tokenHash,
      );
      db.prepare('update stations set name = ? where id = ?').run(newName, row.stationId);
    })();
    return this.summaryOfStation(row.stationId);
  }

  /** The window's token stops working at once; a waiting request is refused the same way. */
  revoke(stationId: string): WindowSummary {
    const row = this.requireStation(stationId);
    if (row.revokedAt === null) {
      this.records.$client
        .prepare('update paired_windows set revoked_at = ?, pairing_code = null where token_hash = ?')
        .run(this.clock.now(), row.tokenHash);
    }
    return this.summaryOfStation(stationId);
  }

  rename(stationId: string, name: string): WindowSummary {
    const row = this.requireStation(stationId);
    const clean = cleanWindowName(name);
    if (!clean) throw new MarqueeError('BAD_INPUT', 'A window needs a name with at least one letter or digit.');
    const db = this.records.$client;
    db.transaction(() => {
      db.prepare('update paired_windows set name = ? where token_hash = ?').run(clean, row.tokenHash);
      db.prepare('update stations set name = ? where id = ?').run(clean, stationId);
    })();
    return this.summaryOfStation(stationId);
  }

  private summaryOfStation(stationId: string): WindowSummary {
    return summaryOf(this.requireStation(stationId));
  }

  private requireStation(stationId: string): WindowRow {
    const row = this.byStation.get(stationId);
    if (!row) throw new MarqueeError('NOT_FOUND', 'There is no such window; it may have been removed already.');
    return row;
  }

  private standingOf(row: WindowRow): WindowStanding {
    const state = stateOf(row);
    return {
      stationId: row.stationId,
      kind: row.kind,
      name: row.name,
      state,
      pairingCode: state === 'pending' ? row.pairingCode : null,
      expiresAt: state === 'pending' ? row.requestedAt + PENDING_TTL_MS : null,
    };
  }

  private pendingRows(now: number): WindowRow[] {
    return this.records.$client
      .prepare(`select ${COLUMNS} ${FROM} where w.paired_at is null and w.revoked_at is null and w.requested_at > ? order by w.requested_at`)
      .all(now - PENDING_TTL_MS) as WindowRow[];
  }

  /**
   * An unapproved request leaves nothing behind: it could call nothing but the pairing status, so
   * its station row is normally referenced by nothing else either.
   */
  private forgetExpired(row: WindowRow): void {
    const db = this.records.$client;
    db.prepare('delete from paired_windows where token_hash = ?').run(row.tokenHash);
    try {
      db.prepare('delete from stations where id = ?').run(row.stationId);
    } catch {
      // Something refers to the station after all (a foreign key): keeping one row is harmless.
    }
  }
}
