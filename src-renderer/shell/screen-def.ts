import type { ComponentType } from 'react';
import type { StaffSummary } from '../../src-shared/contract/staff.ts';
import type { StationInfo } from '../../src-shared/contract/system.ts';

export interface ScreenProps {
  station: StationInfo;
  staff: StaffSummary;
  /** Switch to another screen, e.g. from an order to its performance. */
  go(screenId: string): void;
}

/** A top-level screen: its tab label, Alt+key shortcut and the least role that sees it. */
export interface ScreenDef {
  id: string;
  label: string;
  /** Alt+<key> opens it; shown on the tab. */
  key: string;
  role: 'cashier' | 'manager' | 'admin';
  component: ComponentType<ScreenProps>;
}

const LEVEL = { cashier: 0, manager: 1, admin: 2 } as const;

export function canSee(staff: StaffSummary, screen: ScreenDef): boolean {
  return LEVEL[staff.role] >= LEVEL[screen.role];
}
