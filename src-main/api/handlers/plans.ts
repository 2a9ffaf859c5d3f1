import type { planProcedures } from '../../../src-shared/contract/plans.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { recordAudit } from '../../admin/audit-trail.ts';
import { importSeatingPlan, listVenuesWithPlans } from '../../plans/import-plan.ts';
import { movePlanFocus } from '../../plans/plan-focus.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

export function planHandlers(office: BoxOffice): Pick<Handlers, keyof typeof planProcedures> {
  return {
    importSeatingPlan: (input, ctx) => {
      // Plans decide what can be sold, so importing one is a manager's change, checked here.
      const actor = actorOf(ctx);
      return office.records.transaction(
        () => {
          const result = importSeatingPlan(office.records, input);
          recordAudit(office.records, office.clock.now(), actor, 'plan.imported', { planId: result.planId, venueId: input.venueId, name: input.name, seats: result.seats });
          return result;
        },
        { behavior: 'immediate' },
      );
    },
    movePlanFocus: (input, ctx) => {
      const actor = actorOf(ctx);
      return office.records.transaction(
        () => {
          const focus = movePlanFocus(office.records, input.planId, input.focus);
          recordAudit(office.records, office.clock.now(), actor, 'plan.focus-moved', { planId: input.planId, x: focus.x, y: focus.y });
          return focus;
        },
        { behavior: 'immediate' },
      );
    },
    listVenues: () => listVenuesWithPlans(office.records),
  };
}
