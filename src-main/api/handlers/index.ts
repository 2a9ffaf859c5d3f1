import type { BoxOffice } from '../../core/box-office.ts';
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

/** Every domain's handlers, merged; the dispatcher refuses to start if one is missing. */
export function createHandlers(office: BoxOffice): Handlers {
  return {
    ...systemHandlers(office),
    ...performanceHandlers(office),
    ...planHandlers(office),
    ...syncHandlers(office),
    ...salesHandlers(office),
    ...staffHandlers(office),
    ...checkinHandlers(office),
    ...printingHandlers(office),
    ...layoutHandlers(office),
    ...orderHandlers(office),
    ...catalogAdminHandlers(office),
    ...staffAdminHandlers(office),
    ...auditHandlers(office),
    ...settingsHandlers(office),
  };
}
