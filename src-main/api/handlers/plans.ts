import type { planProcedures } from '../../../src-shared/contract/plans.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { importSeatingPlan, listVenuesWithPlans } from '../../plans/import-plan.ts';
import type { Handlers } from '../dispatcher.ts';

export function planHandlers(office: BoxOffice): Pick<Handlers, keyof typeof planProcedures> {
  return {
    importSeatingPlan: (input) => importSeatingPlan(office.records, input),
    listVenues: () => listVenuesWithPlans(office.records),
  };
}
