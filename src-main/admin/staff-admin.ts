import { and, asc, eq, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../db/open.ts';
import { staff, staffSessions } from '../db/records/schema.ts';
import { roleAtLeast, type Actor, type StaffRole } from '../staff/actor.ts';
import { requireAllowedPin } from '../staff/auth.ts';
import { hashPinAsync } from '../staff/pin.ts';
import { recordAudit } from './audit-trail.ts';

const columns = { id: staff.id, name: staff.name, role: staff.role, active: staff.active, lockedUntil: staff.lockedUntil };

export function listAllStaff(records: RecordsDb) {
  return records.select(columns).from(staff).orderBy(sql`${staff.active} desc`, asc(staff.name)).all();
}

function getMember(records: RecordsDb, id: string) {
  const row = records.select(columns).from(staff).where(eq(staff.id, id)).get();
  if (!row) throw new MarqueeError('NOT_FOUND', `There is no staff member with id ${id}.`);
  return row;
}

/** A manager manages cashiers and managers; admins (and granting admin) are an admin's business. */
function mayManage(actor: Actor, role: StaffRole, what: string): void {
  if (role === 'admin' && !roleAtLeast(actor.role, 'admin')) {
    throw new MarqueeError('FORBIDDEN', `Only an admin can ${what} an admin.`);
  }
}

function activeAdmins(records: RecordsDb, except: string): number {
  return records.get<{ n: number }>(sql`select count(*) as n from staff where role = 'admin' and active = 1 and id <> ${except}`).n;
}

export async function addStaff(records: RecordsDb, actor: Actor, now: number, input: { name: string; role: StaffRole; pin: string }) {
  mayManage(actor, input.role, 'add');
  requireAllowedPin(records, input.pin);
  // scrypt is slow on purpose: hash off the main thread, before taking the write lock.
  const pin = await hashPinAsync(input.pin);
  const id = ulid();
  records.transaction(
    () => {
      const same = records.select({ id: staff.id }).from(staff).where(and(eq(staff.name, input.name), eq(staff.active, true))).get();
      if (same) throw new MarqueeError('CONFLICT', `There is already an active staff member called ${input.name}; use a distinct name so the sign-in screen is clear.`);
      records.insert(staff).values({ id, name: input.name, role: input.role, pinHash: pin.hash, pinSalt: pin.salt }).run();
      recordAudit(records, now, actor, 'staff.added', { targetStaffId: id, name: input.name, role: input.role });
    },
    { behavior: 'immediate' },
  );
  return getMember(records, id);
}

export function updateStaff(records: RecordsDb, actor: Actor, now: number, input: { staffId: string; role?: StaffRole | undefined; active?: boolean | undefined }) {
  if (input.role === undefined && input.active === undefined) throw new MarqueeError('BAD_INPUT', 'Nothing to change: give a new role or enable/disable the member.');
  records.transaction(
    () => {
      const before = getMember(records, input.staffId);
      mayManage(actor, before.role, 'change');
      if (input.role !== undefined) mayManage(actor, input.role, 'make someone');
      if (input.staffId === actor.staffId && (input.active === false || (input.role !== undefined && !roleAtLeast(input.role, actor.role)))) {
        throw new MarqueeError('CONFLICT', 'You cannot disable yourself or lower your own role; ask another manager.');
      }
      const losesAdmin = before.role === 'admin' && before.active && (input.active === false || (input.role !== undefined && input.role !== 'admin'));
      if (losesAdmin && activeAdmins(records, before.id) === 0) {
        throw new MarqueeError('CONFLICT', `${before.name} is the last active admin; make someone else an admin first.`);
      }
      const set: { role?: StaffRole; active?: boolean } = {};
      if (input.role !== undefined) set.role = input.role;
      if (input.active !== undefined) set.active = input.active;
      records.update(staff).set(set).where(eq(staff.id, input.staffId)).run();
      // A disabled member must not keep selling at a window they are still signed in at.
      if (input.active === false) records.delete(staffSessions).where(eq(staffSessions.staffId, input.staffId)).run();
      const action = input.active === false ? 'staff.disabled' : input.active === true && !before.active ? 'staff.enabled' : 'staff.role-changed';
      recordAudit(records, now, actor, action, { targetStaffId: input.staffId, name: before.name, before: { role: before.role, active: before.active }, after: set });
    },
    { behavior: 'immediate' },
  );
  return getMember(records, input.staffId);
}

export async function resetStaffPin(records: RecordsDb, actor: Actor, now: number, input: { staffId: string; pin: string }) {
  // Asked before hashing too, so a refused reset costs no scrypt.
  mayManage(actor, getMember(records, input.staffId).role, 'reset the PIN of');
  requireAllowedPin(records, input.pin);
  const pin = await hashPinAsync(input.pin);
  records.transaction(
    () => {
      const member = getMember(records, input.staffId);
      mayManage(actor, member.role, 'reset the PIN of');
      records.update(staff).set({ pinHash: pin.hash, pinSalt: pin.salt, failedAttempts: 0, lockedUntil: null }).where(eq(staff.id, input.staffId)).run();
      recordAudit(records, now, actor, 'staff.pin-reset', { targetStaffId: input.staffId, name: member.name });
    },
    { behavior: 'immediate' },
  );
  return getMember(records, input.staffId);
}

