/** Who performs an operation: the window it happens at and the signed-in staff member. */
export type StaffRole = 'cashier' | 'manager' | 'admin';

export interface Actor {
  stationId: string;
  staffId: string;
  role: StaffRole;
}

/** A manager's own PIN typed in at the cashier's window to approve one operation. */
export interface Approval {
  staffId: string;
  pin: string;
}

const ROLE_LEVEL: Record<StaffRole, number> = { cashier: 0, manager: 1, admin: 2 };

export function roleAtLeast(role: StaffRole, needed: StaffRole): boolean {
  return ROLE_LEVEL[role] >= ROLE_LEVEL[needed];
}
