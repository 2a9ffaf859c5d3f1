import type { catalogAdminProcedures } from '../../../src-shared/contract/catalog-admin.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { saveEvent, listEvents } from '../../admin/events.ts';
import { listEventPerformances, performanceImpact, updatePerformance } from '../../admin/performances.ts';
import { deactivateDiscountCode, listDiscountCodes, listEventPriceBands, removePriceBand, savePriceBand } from '../../admin/price-bands.ts';
import { putEventOnSale } from '../../admin/event-on-sale.ts';
import { createRun } from '../../admin/runs.ts';
import { timeZoneOf } from '../../admin/settings.ts';
import { createVenue, listBlocks, listPlanCategories, previewSeatingPlan } from '../../admin/venues.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

export function catalogAdminHandlers(office: BoxOffice): Pick<Handlers, keyof typeof catalogAdminProcedures> {
  const { records } = office;
  const now = () => office.clock.now();
  const changed = (reason: string) => office.bus.emit('performancesChanged', { reason });
  return {
    listEvents: () => {
      return listEvents(records);
    },
    saveEvent: (input, ctx) => {
      const event = saveEvent(records, actorOf(ctx), now(), input.id, input.event);
      changed('event saved');
      return event;
    },
    listEventPerformances: (input) => {
      return listEventPerformances(records, input.eventId);
    },
    createRun: (input, ctx) => {
      const actor = actorOf(ctx);
      const result = createRun(records, actor, now(), { ...input, timeZone: input.timeZone ?? timeZoneOf(records) });
      changed('run created');
      return result;
    },
    updatePerformance: (input, ctx) => {
      const { performanceId, ...changes } = input;
      const result = updatePerformance(records, actorOf(ctx), now(), performanceId, changes);
      changed('performance updated');
      return result;
    },
    putEventOnSale: (input, ctx) => {
      const result = putEventOnSale(records, actorOf(ctx), now(), input.eventId);
      if (result.putOnSale.length > 0) changed('performances put on sale');
      return result;
    },
    performanceImpact: (input) => {
      return performanceImpact(records, input.performanceId);
    },
    createVenue: (input, ctx) => createVenue(records, actorOf(ctx), now(), input),
    previewSeatingPlan: (input) => {
      return previewSeatingPlan(input);
    },
    planCategories: (input) => {
      return listPlanCategories(records, input.planId);
    },
    listBlocks: (input) => {
      return listBlocks(records, input.performanceId);
    },
    listEventPriceBands: (input) => {
      return listEventPriceBands(records, input.eventId);
    },
    savePriceBand: (input, ctx) => savePriceBand(records, actorOf(ctx), now(), input.eventId, input.id, input.band),
    removePriceBand: (input, ctx) => {
      removePriceBand(records, actorOf(ctx), now(), input.id);
      return { removed: true as const };
    },
    listDiscountCodes: () => {
      return listDiscountCodes(records);
    },
    deactivateDiscountCode: (input, ctx) => deactivateDiscountCode(records, actorOf(ctx), now(), input.id),
  };
}
