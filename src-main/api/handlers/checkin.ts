import type { checkinProcedures } from '../../../src-shared/contract/checkin.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { salesFor } from '../../sales/engine.ts';
import { requireActor } from '../../staff/auth.ts';
import type { Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

export function checkinHandlers(office: BoxOffice): Pick<Handlers, keyof typeof checkinProcedures> {
  return {
    checkInTicket: (input, ctx) => salesFor(office).checkIn(requireActor(office.records, stationOf(office, ctx)), input),
    undoCheckIn: (input, ctx) => salesFor(office).undoCheckIn(requireActor(office.records, stationOf(office, ctx)), input),
  };
}
