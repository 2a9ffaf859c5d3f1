import type { ScreenDef } from '../shell/screen-def.ts';

/** The manager's screens, in tab order (seen by managers and admins only; the core checks too). */
export const managerScreens: ScreenDef[] = [];
