import type { checkinProcedures } from '../../../src-shared/contract/checkin.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { salesFor } from '../../sales/engine.ts';
import type { Handlers } from '../dispatcher.ts';
import { actorOf } from '../actor-of.ts';

export function checkinHandlers(office: BoxOffice): Pick<Handlers, keyof typeof checkinProcedures> {
  return {
    checkInTicket: (input, ctx) => salesFor(office).checkIn(actorOf(ctx), input),
    undoCheckIn: (input, ctx) => salesFor(office).undoCheckIn(actorOf(ctx), input),
  };
}
