import type { auditProcedures } from '../../../src-shared/contract/audit.ts';
import type { BoxOffice } from '../../core/box-office.ts';
import { queryAuditLog } from '../../admin/audit-query.ts';
import type { Handlers } from '../dispatcher.ts';

export function auditHandlers(office: BoxOffice): Pick<Handlers, keyof typeof auditProcedures> {
  return {
    queryAuditLog: (input) => {
      return queryAuditLog(office.records, input);
    },
  };
}
