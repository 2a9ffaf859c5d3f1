import type { ScreenDef } from '../shell/screen-def.ts';
import { SyncScreen } from './sync/SyncScreen.tsx';

/** The manager's screens, in tab order (seen by managers and admins only; the core checks too). */
export const managerScreens: ScreenDef[] = [
  { id: 'sync', label: 'Sync', key: '9', role: 'manager', component: SyncScreen },
];
