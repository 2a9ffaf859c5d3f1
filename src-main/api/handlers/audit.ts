import type { auditProcedures } from '../../../src-shared/contract/audit.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { queryAuditLog } from '../../admin/audit-query.ts';
import { requireManager } from '../../admin/gate.ts';
import type { Handlers } from '../dispatcher.ts';
import { stationOf } from './staff.ts';

export function auditHandlers(office: BoxOffice): Pick<Handlers, keyof typeof auditProcedures> {
  return {
    queryAuditLog: (input, ctx) => {
      requireManager({ records: office.records, clock: office.clock }, stationOf(office, ctx), 'Reading the audit log');
      return queryAuditLog(office.records, input);
    },
  };
}
