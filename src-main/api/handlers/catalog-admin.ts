import type { catalogAdminProcedures } from '../../../src-shared/contract/catalog-admin.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { saveEvent, listEvents } from '../../admin/events.ts';
import { requireManager } from '../../admin/gate.ts';
import { listEventPerformances, performanceImpact, updatePerformance } from '../../admin/performances.ts';
import { deactivateDiscountCode, listDiscountCodes, listEventPriceBands, removePriceBand, savePriceBand } from '../../admin/price-bands.ts';
import { createRun } from '../../admin/runs.ts';
import { timeZoneOf } from '../../admin/settings.ts';
import { createVenue, listBlocks, listPlanCategories, previewSeatingPlan } from '../../admin/venues.ts';
import type { CallContext, Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

export function catalogAdminHandlers(office: BoxOffice): Pick<Handlers, keyof typeof catalogAdminProcedures> {
  const { records } = office;
  const manager = (ctx: CallContext, what: string) => requireManager({ records, clock: office.clock }, stationOf(office, ctx), what);
  const now = () => office.clock.now();
  const changed = (reason: string) => office.bus.emit('performancesChanged', { reason });
  return {
    listEvents: (_input, ctx) => {
      manager(ctx, 'Managing events');
      return listEvents(records);
    },
    saveEvent: (input, ctx) => {
      const event = saveEvent(records, manager(ctx, 'Editing events'), now(), input.id, input.event);
      changed('event saved');
      return event;
    },
    listEventPerformances: (input, ctx) => {
      manager(ctx, 'Managing performances');
      return listEventPerformances(records, input.eventId);
    },
    createRun: (input, ctx) => {
      const actor = manager(ctx, 'Creating performances');
      const result = createRun(records, actor, now(), { ...input, timeZone: input.timeZone ?? timeZoneOf(records) });
      changed('run created');
      return result;
    },
    updatePerformance: (input, ctx) => {
      const { performanceId, ...changes } = input;
      const result = updatePerformance(records, manager(ctx, 'Changing a performance'), now(), performanceId, changes);
      changed('performance updated');
      return result;
    },
    performanceImpact: (input, ctx) => {
      manager(ctx, 'Reviewing a cancellation');
      return performanceImpact(records, input.performanceId);
    },
    createVenue: (input, ctx) => createVenue(records, manager(ctx, 'Adding a venue'), now(), input),
    previewSeatingPlan: (input, ctx) => {
      manager(ctx, 'Importing a seating plan');
      return previewSeatingPlan(input);
    },
    planCategories: (input, ctx) => {
      manager(ctx, 'Mapping plan categories');
      return listPlanCategories(records, input.planId);
    },
    listBlocks: (input, ctx) => {
      manager(ctx, 'Managing seat blocks');
      return listBlocks(records, input.performanceId);
    },
    listEventPriceBands: (input, ctx) => {
      manager(ctx, 'Managing prices');
      return listEventPriceBands(records, input.eventId);
    },
    savePriceBand: (input, ctx) => savePriceBand(records, manager(ctx, 'Changing prices'), now(), input.eventId, input.id, input.band),
    removePriceBand: (input, ctx) => {
      removePriceBand(records, manager(ctx, 'Removing a price'), now(), input.id);
      return { removed: true as const };
    },
    listDiscountCodes: (_input, ctx) => {
      manager(ctx, 'Managing discount codes');
      return listDiscountCodes(records);
    },
    deactivateDiscountCode: (input, ctx) => deactivateDiscountCode(records, manager(ctx, 'Switching off a discount code'), now(), input.id),
  };
}
