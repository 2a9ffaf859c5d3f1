import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import type { Clock } from '../core/clock.ts';
import { readSetting } from '../core/settings.ts';
import { settingDefault } from '../../src-shared/settings-registry.ts';
import type { RecordsDb } from '../db/open.ts';
import type { Actor, StaffRole } from './actor.ts';

/** Who a session belongs to: the actor of every call made with it, and the name screens show. */
export interface SessionActor extends Actor {
  name: string;
}

export type SessionEndReason = 'signed-out' | 'replaced' | 'idle' | 'ended-by-manager' | 'staff-disabled';

export interface SessionSummary {
  stationId: string;
  stationName: string;
  staffId: string;
  staffName: string;
  role: StaffRole;
  signedInAt: number;
  lastSeenAt: number;
}

/** 256 random bits: far beyond guessing, and the database keeps only their SHA-256. */
const SECRET_BYTES = 32;
/** lastSeenAt is written at most this often, so that a busy window does not write on every call. */
const TOUCH_EVERY_MS = 15_000;
/** The idle setting is read again at most this often (it is one more query per call otherwise). */
const SETTING_TTL_MS = 5_000;

const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

interface SessionRow {
  staffId: string;
  secretHash: string;
  signedInAt: number;
  lastSeenAt: number;
  name: string;
  role: StaffRole;
  active: number;
}

/**
 * Staff sessions, one per window: sign-in issues a random secret bound to the window's station,
 * every call presents it, and the dispatcher resolves it here before any handler runs. Station ids
 * name windows; they are never proof of who is calling.
 */
export class SessionStore {
  private readonly byStation: Statement<[string], SessionRow>;
  private readonly touch: Statement<[number, string]>;
  private readonly remove: Statement<[string]>;
  private readonly upsert: Statement<[string, string, number, string, number]>;
  private readonly anyStaff: Statement<[], { n: number }>;
  private readonly audit: Statement<[number, string, string, string, string]>;
  private idleMs = settingDefault('staff.sessionIdleMinutes') * 60_000;
  private idleReadAt = -Infinity;

  constructor(
    private readonly records: RecordsDb,
    private readonly clock: Clock,
  ) {
    const db = records.$client;
    // Prepared once: this runs on every call of every window (docs/performance.md).
    this.byStation = db.prepare(
      `select s.staff_id as staffId, s.secret_hash as secretHash, s.signed_in_at as signedInAt,
              s.last_seen_at as lastSeenAt, m.name as name, m.role as role, m.active as active
         from staff_sessions s join staff m on m.id = s.staff_id where s.station_id = ?`,
    );
    this.touch = db.prepare('update staff_sessions set last_seen_at = ? where station_id = ?');
    this.remove = db.prepare('delete from staff_sessions where station_id = ?');
    this.upsert = db.prepare(
      `insert into staff_sessions (station_id, staff_id, signed_in_at, secret_hash, last_seen_at) values (?, ?, ?, ?, ?)
       on conflict(station_id) do update set staff_id = excluded.staff_id, signed_in_at = excluded.signed_in_at,
         secret_hash = excluded.secret_hash, last_seen_at = excluded.last_seen_at`,
    );
    this.anyStaff = db.prepare('select exists(select 1 from staff) as n');
    this.audit = db.prepare('insert into audit_log (at, action, station_id, staff_id, details) values (?, ?, ?, ?, ?)');
  }

  /** Starts the window's session (replacing whoever was signed in there) and returns its secret. */
  start(stationId: string, staffId: string): string {
    const secret = randomBytes(SECRET_BYTES).toString('base64url');
    const now = this.clock.now();
    this.upsert.run(stationId, staffId, now, hashSecret(secret).toString('hex'), now);
    return secret;
  }

  /**
   * The member whose session this secret is at this window (`touch: false` for a look that is not
   * the window's own activity, such as pushing it an event), or null: no session, a secret of
   * another session, a member since disabled, or a session idle past the setting (which ends it).
   */
  resolve(stationId: string, secret: string | null, use: { touch: boolean } = { touch: true }): SessionActor | null {
    if (!secret) return null;
    const row = this.byStation.get(stationId);
    if (!row || !row.secretHash) return null;
    const stored = Buffer.from(row.secretHash, 'hex');
    const given = hashSecret(secret);
    if (stored.length !== given.length || !timingSafeEqual(stored, given)) return null;
    const now = this.clock.now();
    if (!row.active) {
      this.end(stationId, 'staff-disabled');
      return null;
    }
    if (now - row.lastSeenAt > this.idleLimitMs(now)) {
      this.end(stationId, 'idle');
      return null;
    }
    // Only calls the window makes count as activity; events pushed to it must not keep it alive.
    if (use.touch && now - row.lastSeenAt > TOUCH_EVERY_MS) this.touch.run(now, stationId);
    return { stationId, staffId: row.staffId, role: row.role, name: row.name };
  }

  /** Ends the window's session, if any, with an audit row saying why. Returns whether one ended. */
  end(stationId: string, reason: SessionEndReason, by: string | null = null): boolean {
    const row = this.byStation.get(stationId);
    if (!row) return false;
    this.remove.run(stationId);
    const action = reason === 'signed-out' ? 'staff.signed-out' : 'staff.session-ended';
    this.audit.run(this.clock.now(), action, stationId, row.staffId, JSON.stringify({ reason, by }));
    return true;
  }

  /** Ends a window's session only when the caller holds it: a window cannot sign another out. */
  endOwn(stationId: string, secret: string | null): boolean {
    if (!this.resolve(stationId, secret)) return false;
    return this.end(stationId, 'signed-out');
  }

  /** True once the installation has any staff member: from then on `setup` procedures need an admin. */
  hasStaff(): boolean {
    return this.anyStaff.get()?.n === 1;
  }

  /** Every open session, for the manager's list (sessions idle past the limit are not shown). */
  list(): SessionSummary[] {
    const now = this.clock.now();
    const limit = this.idleLimitMs(now);
    const rows = this.records.$client
      .prepare(
        `select s.station_id as stationId, coalesce(st.name, 'Window') as stationName, s.staff_id as staffId,
                m.name as staffName, m.role as role, s.signed_in_at as signedInAt, s.last_seen_at as lastSeenAt
           from staff_sessions s join staff m on m.id = s.staff_id left join stations st on st.id = s.station_id
          where s.secret_hash <> '' order by st.name`,
      )
      .all() as SessionSummary[];
    return rows.filter((r) => now - r.lastSeenAt <= limit);
  }

  private idleLimitMs(now: number): number {
    if (now - this.idleReadAt > SETTING_TTL_MS || now < this.idleReadAt) {
      this.idleMs = readSetting(this.records, 'staff.sessionIdleMinutes') * 60_000;
      this.idleReadAt = now;
    }
    return this.idleMs;
  }
}
