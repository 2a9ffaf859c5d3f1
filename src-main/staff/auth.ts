import { asc, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { Clock } from '../core/clock.ts';
import type { RecordsDb } from '../db/open.ts';
import { auditLog, staff, type StaffRow } from '../db/records/schema.ts';
import { roleAtLeast, type Actor, type Approval, type StaffRole } from './actor.ts';
import { readSetting } from '../core/settings.ts';
import { hashPinAsync, PIN_DIGITS, verifyPinAsync } from './pin.ts';
import type { PinSource, SignInThrottle, WrongPinOutcome } from './sign-in-throttle.ts';

export type { PinSource } from './sign-in-throttle.ts';

export interface StaffSummary {
  id: string;
  name: string;
  role: StaffRole;
}

export interface StaffDeps {
  records: RecordsDb;
  clock: Clock;
}

/** What checking a PIN needs: the records, and the box office's one throttle of wrong PINs. */
export interface PinDeps extends StaffDeps {
  throttle: SignInThrottle;
}

function audit(records: RecordsDb, at: number, action: string, stationId: string, staffId: string | null, details: object, approvedBy: string | null = null): void {
  records.insert(auditLog).values({ at, action, stationId, staffId, approvedBy, details }).run();
}

/** The shortest PIN this installation accepts for a new or reset PIN (Settings, 4 to 8). */
export function minPinLength(records: RecordsDb): number {
  // The registry's type keeps it within 4 to 8; a damaged value reads as the default.
  return readSetting(records, 'staff.minPinLength');
}

/**
 * Refuses a PIN about to be set that is not 4 to 8 digits or shorter than the setting asks, before
 * any hashing. PINs already set keep working; the rule applies when one is given or reset.
 */
export function requireAllowedPin(records: RecordsDb, pin: string): void {
  const min = minPinLength(records);
  if (!/^\d+$/.test(pin) || pin.length < min || pin.length > PIN_DIGITS.max) {
    const range = min === PIN_DIGITS.max ? `exactly ${min} digits` : `${min} to ${PIN_DIGITS.max} digits`;
    throw new MarqueeError('BAD_INPUT', `A PIN must be ${range} here (Settings sets the minimum length); choose another PIN.`, { minPinLength: min });
  }
}

function wrongPinSentence(outcome: WrongPinOutcome): string {
  if (outcome.paused) return 'Wrong PIN. Too many wrong PINs have been typed here, so signing in is paused for a few minutes; a manager can lift the pause.';
  if (outcome.waitMs > 0) return `Wrong PIN. Wait ${Math.ceil(outcome.waitMs / 1_000)} second(s) before the next try.`;
  return 'Wrong PIN.';
}

/**
 * Checks a member's PIN typed at `where`. Wrong PINs slow down that window and address (the
 * throttle refuses with SLOW_DOWN before any scrypt runs), never the member: a stranger's guesses
 * cannot lock a manager out of the windows they use. The hash runs off the main thread, at most
 * two at a time (pin.ts), and outside any write transaction, so it never blocks another window.
 */
export async function checkPin(deps: PinDeps, staffId: string, pin: string, where: PinSource): Promise<StaffRow> {
  const { records, clock } = deps;
  const attempt = deps.throttle.begin(where);
  try {
    const row = records.select().from(staff).where(eq(staff.id, staffId)).get();
    if (!row || !row.active) throw new MarqueeError('NOT_FOUND', 'There is no active staff member with that id.');
    if (await verifyPinAsync(pin, { hash: row.pinHash, salt: row.pinSalt })) return row;
    const outcome = attempt.wrong();
    audit(records, clock.now(), 'staff.wrong-pin', where.stationId, staffId, { peer: where.peer, waitMs: outcome.waitMs, paused: outcome.paused });
    throw new MarqueeError('UNAUTHENTICATED', wrongPinSentence(outcome), { retryAfterMs: outcome.waitMs });
  } finally {
    attempt.done();
  }
}

/** A manager whose PIN was checked for this one request; only verifyApproval makes these. */
export interface VerifiedApprover {
  readonly staffId: string;
  readonly name: string;
  readonly role: StaffRole;
}

const verified = new WeakSet<VerifiedApprover>();

/**
 * Checks the PIN of an approval typed at the actor's window, before the (synchronous) sales
 * engine runs: same throttle as sign-in, keyed by that window and its address. Nothing is checked
 * when there is no approval or when the actor may do it themselves (`needed`), so a manager's own
 * sale costs no scrypt. The engine's `authorize` then decides whether the approver's role suffices.
 */
export async function verifyApproval(
  deps: PinDeps,
  actor: Actor,
  approval: Approval | null | undefined,
  where: PinSource,
  needed: StaffRole = 'manager',
): Promise<VerifiedApprover | undefined> {
  if (!approval || roleAtLeast(actor.role, needed)) return undefined;
  const row = await checkPin(deps, approval.staffId, approval.pin, where);
  const approver: VerifiedApprover = Object.freeze({ staffId: row.id, name: row.name, role: row.role });
  verified.add(approver);
  return approver;
}

/**
 * Who authorises an operation that needs `needed`: the actor when their role suffices, otherwise a
 * manager who approved at the same window with their own PIN, checked by verifyApproval before
 * the engine runs. Checked in the core, whatever the UI shows.
 */
export function authorize(deps: StaffDeps, actor: Actor, needed: StaffRole, what: string, approver?: VerifiedApprover | null): string {
  if (roleAtLeast(actor.role, needed)) return actor.staffId;
  if (!approver) {
    throw new MarqueeError('FORBIDDEN', `${what} needs a ${needed}'s approval: ask a ${needed} to enter their PIN.`, { needed });
  }
  // A programming error, not a caller's: an approval must never reach the engine unchecked.
  if (!verified.has(approver)) throw new Error('An approval reached the sales engine without its PIN being checked.');
  if (!roleAtLeast(approver.role, needed)) {
    throw new MarqueeError('FORBIDDEN', `${approver.name} is a ${approver.role} and cannot approve ${what.toLowerCase()}.`, { needed });
  }
  audit(deps.records, deps.clock.now(), 'staff.approved', actor.stationId, actor.staffId, { what }, approver.staffId);
  return approver.staffId;
}

export function listStaff(records: RecordsDb): StaffSummary[] {
  return records
    .select({ id: staff.id, name: staff.name, role: staff.role })
    .from(staff)
    .where(eq(staff.active, true))
    .orderBy(asc(staff.name))
    .all();
}

/**
 * The first start of a new installation: its first admin, and nothing else. Once anyone is on the
 * staff list this refuses, whoever asks; later members are added by a manager with `addStaff`
 * (the dispatcher already refuses anonymous callers once there is staff, before any hashing).
 */
export async function createFirstAdmin(deps: StaffDeps, stationId: string, input: { name: string; pin: string }): Promise<StaffSummary> {
  const requireEmpty = (db: Pick<RecordsDb, 'get'>) => {
    if (db.get<{ n: number }>(sql`select count(*) as n from staff`).n > 0) {
      throw new MarqueeError('CONFLICT', 'This installation already has its first admin; add staff members in Staff.');
    }
  };
  // Asked before hashing, so a refused caller costs no scrypt; asked again under the write lock.
  requireEmpty(deps.records);
  requireAllowedPin(deps.records, input.pin);
  const { hash, salt } = await hashPinAsync(input.pin);
  const id = ulid();
  deps.records.transaction(
    (tx) => {
      requireEmpty(tx);
      tx.insert(staff).values({ id, name: input.name, role: 'admin', pinHash: hash, pinSalt: salt }).run();
    },
    { behavior: 'immediate' },
  );
  audit(deps.records, deps.clock.now(), 'staff.created', stationId, null, { id, role: 'admin' });
  return { id, name: input.name, role: 'admin' };
}
