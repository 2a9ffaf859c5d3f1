import { and, asc, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { RecordsDb } from '../db/open.ts';
import { auditLog, staff, staffSessions, type StaffRow } from '../db/records/schema.ts';
import { roleAtLeast, type Actor, type Approval, type StaffRole } from '../sales/actor.ts';
import { readSetting } from '../core/settings.ts';
import { hashPin, verifyPin } from './pin.ts';

export interface StaffSummary {
  id: string;
  name: string;
  role: StaffRole;
}

export interface StaffDeps {
  records: RecordsDb;
  clock: Clock;
}

const summary = (row: StaffRow): StaffSummary => ({ id: row.id, name: row.name, role: row.role });

function audit(records: RecordsDb, at: number, action: string, stationId: string, staffId: string | null, details: object, approvedBy: string | null = null): void {
  records.insert(auditLog).values({ at, action, stationId, staffId, approvedBy, details }).run();
}

/**
 * Checks a PIN with lock-out: after `staff.maxPinFailures` wrong PINs in a row (default 5) the
 * member is locked for `staff.lockMinutes` (default 5). scrypt runs outside any write transaction
 * so a slow hash never blocks other windows' sales.
 */
export function checkPin(deps: StaffDeps, staffId: string, pin: string, stationId: string): StaffRow {
  const { records, clock } = deps;
  const row = records.select().from(staff).where(eq(staff.id, staffId)).get();
  if (!row || !row.active) throw new MarqueeError('NOT_FOUND', 'There is no active staff member with that id.');
  const now = clock.now();
  if (row.lockedUntil !== null && row.lockedUntil > now) {
    const minutes = Math.ceil((row.lockedUntil - now) / 60_000);
    throw new MarqueeError('LOCKED', `${row.name} is locked after too many wrong PINs; try again in ${minutes} minute(s) or ask a manager.`, {
      lockedUntil: row.lockedUntil,
    });
  }
  if (verifyPin(pin, { hash: row.pinHash, salt: row.pinSalt })) {
    if (row.failedAttempts !== 0 || row.lockedUntil !== null) {
      records.update(staff).set({ failedAttempts: 0, lockedUntil: null }).where(eq(staff.id, staffId)).run();
    }
    return row;
  }
  const maxFailures = readSetting(records, 'staff.maxPinFailures', 5);
  const lockMinutes = readSetting(records, 'staff.lockMinutes', 5);
  const locked = records.transaction(
    (tx) => {
      const updated = tx
        .update(staff)
        .set({ failedAttempts: sql`${staff.failedAttempts} + 1` })
        .where(eq(staff.id, staffId))
        .returning({ failedAttempts: staff.failedAttempts })
        .get();
      if (updated && updated.failedAttempts >= maxFailures) {
        tx.update(staff).set({ failedAttempts: 0, lockedUntil: now + lockMinutes * 60_000 }).where(eq(staff.id, staffId)).run();
        return true;
      }
      return false;
    },
    { behavior: 'immediate' },
  );
  audit(records, now, locked ? 'staff.locked' : 'staff.wrong-pin', stationId, staffId, {});
  if (locked) throw new MarqueeError('LOCKED', `Wrong PIN. ${row.name} is now locked for ${lockMinutes} minute(s).`);
  throw new MarqueeError('UNAUTHENTICATED', 'Wrong PIN.');
}

/** Signing in at a window replaces whoever was signed in there; other windows keep their sessions. */
export function signIn(deps: StaffDeps, stationId: string, staffId: string, pin: string): StaffSummary {
  const row = checkPin(deps, staffId, pin, stationId);
  const now = deps.clock.now();
  deps.records
    .insert(staffSessions)
    .values({ stationId, staffId, signedInAt: now })
    .onConflictDoUpdate({ target: staffSessions.stationId, set: { staffId, signedInAt: now } })
    .run();
  audit(deps.records, now, 'staff.signed-in', stationId, staffId, {});
  return summary(row);
}

export function signOut(deps: StaffDeps, stationId: string): void {
  const session = deps.records.select().from(staffSessions).where(eq(staffSessions.stationId, stationId)).get();
  if (!session) return;
  deps.records.delete(staffSessions).where(eq(staffSessions.stationId, stationId)).run();
  audit(deps.records, deps.clock.now(), 'staff.signed-out', stationId, session.staffId, {});
}

export function currentStaff(records: RecordsDb, stationId: string): StaffSummary | null {
  const row = records
    .select({ id: staff.id, name: staff.name, role: staff.role })
    .from(staffSessions)
    .innerJoin(staff, eq(staff.id, staffSessions.staffId))
    .where(and(eq(staffSessions.stationId, stationId), eq(staff.active, true)))
    .get();
  return row ?? null;
}

/** The actor of an operation at this window; refuses when nobody is signed in. */
export function requireActor(records: RecordsDb, stationId: string): Actor {
  const member = currentStaff(records, stationId);
  if (!member) throw new MarqueeError('UNAUTHENTICATED', 'Nobody is signed in at this window; sign in with your PIN first.');
  return { stationId, staffId: member.id, role: member.role };
}

/**
 * Who authorises an operation that needs `needed`: the actor when their role suffices, otherwise a
 * manager approving at the same window with their own PIN. Checked in the core, whatever the UI shows.
 */
export function authorize(deps: StaffDeps, actor: Actor, needed: StaffRole, what: string, approval?: Approval | null): string {
  if (roleAtLeast(actor.role, needed)) return actor.staffId;
  if (!approval) {
    throw new MarqueeError('FORBIDDEN', `${what} needs a ${needed}'s approval: ask a ${needed} to enter their PIN.`, { needed });
  }
  const approver = checkPin(deps, approval.staffId, approval.pin, actor.stationId);
  if (!roleAtLeast(approver.role, needed)) {
    throw new MarqueeError('FORBIDDEN', `${approver.name} is a ${approver.role} and cannot approve ${what.toLowerCase()}.`, { needed });
  }
  audit(deps.records, deps.clock.now(), 'staff.approved', actor.stationId, actor.staffId, { what }, approver.id);
  return approver.id;
}

export function listStaff(records: RecordsDb): StaffSummary[] {
  return records
    .select({ id: staff.id, name: staff.name, role: staff.role })
    .from(staff)
    .where(eq(staff.active, true))
    .orderBy(asc(staff.name))
    .all();
}

/** Only an admin adds staff, except the very first member of a new installation, who must be an admin. */
export function createStaff(
  deps: StaffDeps,
  actor: Actor | null,
  input: { name: string; role: StaffRole; pin: string },
): StaffSummary {
  const { hash, salt } = hashPin(input.pin);
  const id = ulid();
  deps.records.transaction(
    (tx) => {
      const existing = tx.get<{ n: number }>(sql`select count(*) as n from staff`).n;
      if (existing === 0) {
        if (input.role !== 'admin') throw new MarqueeError('FORBIDDEN', 'The first staff member of an installation must be an admin.');
      } else if (!actor || !roleAtLeast(actor.role, 'admin')) {
        throw new MarqueeError('FORBIDDEN', 'Only an admin can add staff members.');
      }
      tx.insert(staff).values({ id, name: input.name, role: input.role, pinHash: hash, pinSalt: salt }).run();
    },
    { behavior: 'immediate' },
  );
  audit(deps.records, deps.clock.now(), 'staff.created', actor?.stationId ?? 'setup', actor?.staffId ?? null, { id, role: input.role });
  return { id, name: input.name, role: input.role };
}
