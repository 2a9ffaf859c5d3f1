import type { RunningBoxOffice } from '../../app/compose.ts';
import type { SessionStore } from '../../staff/sessions.ts';
import { SignInThrottle } from '../../staff/sign-in-throttle.ts';
import type { Handlers } from '../dispatcher.ts';
import { performanceHandlers } from './performances.ts';
import { planHandlers } from './plans.ts';
import { printingHandlers } from './printing.ts';
import { layoutHandlers } from './layouts.ts';
import { syncHandlers } from './sync.ts';
import { salesHandlers } from './sales.ts';
import { staffHandlers } from './staff.ts';
import { checkinHandlers } from './checkin.ts';
import { systemHandlers } from './system.ts';
import { orderHandlers } from './orders.ts';
import { catalogAdminHandlers } from './catalog-admin.ts';
import { staffAdminHandlers } from './staff-admin.ts';
import { auditHandlers } from './audit.ts';
import { settingsHandlers } from './settings.ts';
import { windowHandlers } from './windows.ts';
import { windowServingHandlers } from './window-serving.ts';
import { terminalJoinHandlers } from './terminal-join.ts';
import type { WindowServing } from '../../app/serve-windows.ts';
import { shiftHandlers } from './shifts.ts';
import { backupHandlers } from './backups.ts';
import { exportHandlers } from './exports.ts';
import { reportHandlers } from './reports.ts';
import { trainingHandlers } from './training.ts';

/**
 * Every domain's handlers, merged; the dispatcher refuses to start if one is missing. `throttle`
 * is the box office's one memory of wrong PINs, shared by sign-in, approvals and the manager who
 * clears it (createApi makes it next to the sessions). Handlers that sell, print or sync get
 * the running box office's one engine, print service and sync service (app/compose.ts).
 */
export function createHandlers(
  boxOffice: RunningBoxOffice,
  sessions: SessionStore,
  throttle = new SignInThrottle(boxOffice.office.clock),
  // The desktop's "Serve other windows" switch (host/embedded-host.ts); null in host mode and tests.
  windowServing: WindowServing | null = null,
): Handlers {
  const { office } = boxOffice;
  return {
    ...systemHandlers(office),
    ...performanceHandlers(office),
    ...planHandlers(office),
    ...syncHandlers(office, boxOffice.sync),
    ...salesHandlers(boxOffice, throttle),
    ...staffHandlers(office, sessions, throttle),
    ...checkinHandlers(boxOffice),
    ...printingHandlers(boxOffice),
    ...layoutHandlers(boxOffice),
    ...orderHandlers(boxOffice),
    ...catalogAdminHandlers(office),
    ...staffAdminHandlers(office, throttle),
    ...auditHandlers(office),
    ...settingsHandlers(office, sessions),
    ...windowHandlers(office, sessions),
    ...windowServingHandlers(office, windowServing),
    ...terminalJoinHandlers(),
    ...shiftHandlers(boxOffice, throttle),
    ...backupHandlers(boxOffice.backups),
    ...exportHandlers(boxOffice.exports, () => office.clock.now()),
    ...reportHandlers(office),
    // Nobody trains here; host mode's createWindowApi (api/window-api.ts) gives these their training desk.
    ...trainingHandlers(null),
  };
}
