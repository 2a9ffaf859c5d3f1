import { afterEach, describe, expect, it } from 'vitest';
import { CASHIER, MANAGER, openDemoWorld, type AdminWorld } from './helpers.ts';

let world: AdminWorld | null = null;
afterEach(() => {
  world?.dispose();
  world = null;
});

describe('staff administration', () => {
  it('adds a cashier who can sign in, resets a PIN and disables a member, signing them out', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const added = await manager.call('addStaff', { name: 'Sam Usher', role: 'cashier', pin: '4321' });
    expect(added).toMatchObject({ name: 'Sam Usher', role: 'cashier', active: true });
    const sam = await world.window('Sam Usher', '4321');
    expect(await sam.call('currentStaff', {})).toMatchObject({ name: 'Sam Usher' });

    await manager.call('resetStaffPin', { staffId: added.id, pin: '8765' });
    expect((await sam.fail('signIn', { staffId: added.id, pin: '4321' })).code).toBe('UNAUTHENTICATED');
    await sam.call('signIn', { staffId: added.id, pin: '8765' });

    const disabled = await manager.call('updateStaff', { staffId: added.id, active: false });
    expect(disabled.active).toBe(false);
    expect(await sam.call('currentStaff', {})).toBeNull();
    expect((await sam.fail('signIn', { staffId: added.id, pin: '8765' })).code).toBe('NOT_FOUND');
    expect((await manager.call('listStaff', {})).some((s) => s.name === 'Sam Usher')).toBe(false);
    expect((await manager.call('listAllStaff', {})).find((s) => s.id === added.id)?.active).toBe(false);

    const log = await manager.call('queryAuditLog', { staffId: world.staffId('Morgan Hale'), kind: 'staff.' });
    expect(log.entries.map((e) => e.kind)).toEqual(expect.arrayContaining(['staff.added', 'staff.pin-reset', 'staff.disabled']));
  });

  it('keeps admins an admin’s business and refuses to lock a manager out of their own account', async () => {
    world = openDemoWorld();
    const manager = await world.window(...MANAGER);
    const admin = await manager.fail('addStaff', { name: 'Eve', role: 'admin', pin: '1234' });
    expect(admin).toMatchObject({ code: 'FORBIDDEN', message: 'Only an admin can add an admin.' });
    const self = await manager.fail('updateStaff', { staffId: world.staffId('Morgan Hale'), active: false });
    expect(self.code).toBe('CONFLICT');
    const promoted = await manager.call('updateStaff', { staffId: world.staffId('Tom Booth'), role: 'manager' });
    expect(promoted.role).toBe('manager');
    const dup = await manager.fail('addStaff', { name: 'Priya Shah', role: 'cashier', pin: '1234' });
    expect(dup.code).toBe('CONFLICT');
    // The cashier is untouched by all this.
    const cashier = await world.window(...CASHIER);
    expect((await cashier.call('currentStaff', {}))?.role).toBe('cashier');
  });
});
