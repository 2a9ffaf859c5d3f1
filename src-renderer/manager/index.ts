import type { ScreenDef } from '../shell/screen-def.ts';
import { SyncScreen } from './sync/SyncScreen.tsx';
import { PrintersScreen } from './printers/PrintersScreen.tsx';
import { LayoutsScreen } from './layouts/LayoutsScreen.tsx';
import { EventsScreen } from './events/EventsScreen.tsx';
import { VenuesScreen } from './venues/VenuesScreen.tsx';
import { PricesScreen } from './prices/PricesScreen.tsx';
import { StaffScreen } from './staff/StaffScreen.tsx';
import { AuditScreen } from './audit/AuditScreen.tsx';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import { WindowsScreen } from './windows/WindowsScreen.tsx';
import { BackupsScreen } from './backups/BackupsScreen.tsx';
import { VenueCashUpScreen } from './cashup/VenueCashUpScreen.tsx';
import { ReportsTab } from './reports/ReportsTab.tsx';

/** The manager's screens, in tab order (seen by managers and admins only; the core checks too). */
export const managerScreens: ScreenDef[] = [
  { id: 'events', label: 'Events', key: 'e', role: 'manager', component: EventsScreen },
  { id: 'venues', label: 'Venues', key: 'v', role: 'manager', component: VenuesScreen },
  { id: 'prices', label: 'Prices', key: 'p', role: 'manager', component: PricesScreen },
  { id: 'staff', label: 'Staff', key: 's', role: 'manager', component: StaffScreen },
  { id: 'audit', label: 'Audit', key: 'a', role: 'manager', component: AuditScreen },
  { id: 'settings', label: 'Settings', key: 'g', role: 'manager', component: SettingsScreen },
  { id: 'windows', label: 'Windows', key: 'w', role: 'manager', component: WindowsScreen },
  { id: 'sync', label: 'Sync', key: '9', role: 'manager', component: SyncScreen },
  { id: 'printers', label: 'Printers', key: '7', role: 'manager', component: PrintersScreen },
  { id: 'layouts', label: 'Layouts', key: '8', role: 'manager', component: LayoutsScreen },
  { id: 'backups', label: 'Backups', key: '6', role: 'manager', component: BackupsScreen },
  { id: 'venue-cashup', label: 'Venue cash-up', key: 'u', role: 'manager', component: VenueCashUpScreen },
  { id: 'reports', label: 'Reports', key: 'r', role: 'manager', component: ReportsTab },
];
