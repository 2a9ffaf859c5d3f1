import type { checkinProcedures } from '../../../src-shared/contract/checkin.ts';
import type { Counter } from '../../app/counter.ts';
import { doorCount, doorDetails } from '../../sales/door.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

export function checkinHandlers(counter: Counter): Pick<Handlers, keyof typeof checkinProcedures> {
  return {
    checkInTicket: (input, ctx) => {
      const answer = counter.engine().checkIn(actorOf(ctx), input);
      return { ...answer, ...doorDetails(counter.office.records.$client, input.performanceId, answer.ticket) };
    },
    doorCount: (input) => doorCount(counter.office.records.$client, input.performanceId),
    undoCheckIn: (input, ctx) => counter.engine().undoCheckIn(actorOf(ctx), input),
  };
}
