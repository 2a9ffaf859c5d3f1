import type { BoxOffice } from '../../core/box-office.ts';
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

/**
 * Every domain's handlers, merged; the dispatcher refuses to start if one is missing. `throttle`
 * is the box office's one memory of wrong PINs, shared by sign-in, approvals and the manager who
 * clears it (createApi makes it next to the sessions).
 */
export function createHandlers(office: BoxOffice, sessions: SessionStore, throttle = new SignInThrottle(office.clock)): Handlers {
  return {
    ...systemHandlers(office),
    ...performanceHandlers(office),
    ...planHandlers(office),
    ...syncHandlers(office),
    ...salesHandlers(office, throttle),
    ...staffHandlers(office, sessions, throttle),
    ...checkinHandlers(office),
    ...printingHandlers(office),
    ...layoutHandlers(office),
    ...orderHandlers(office),
    ...catalogAdminHandlers(office),
    ...staffAdminHandlers(office, throttle),
    ...auditHandlers(office),
    ...settingsHandlers(office, sessions),
    ...windowHandlers(office, sessions),
  };
}
