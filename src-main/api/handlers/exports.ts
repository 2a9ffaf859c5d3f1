import type { exportProcedures } from '../../../src-shared/contract/exports.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { ExportService } from '../../exports/export-service.ts';
import { actorOf } from '../actor-of.ts';
import type { Handlers } from '../dispatcher.ts';

/** Exports: thin adapters over exports/export-service.ts. */
export function exportHandlers(service: ExportService, now: () => number): Pick<Handlers, keyof typeof exportProcedures> {
  const savedOrRefuse = (id: string) => {
    const saved = service.queue.saved(id);
    if (!saved) throw new MarqueeError('NOT_FOUND', 'There is no such saved export; it may have been deleted.');
    return saved;
  };
  return {
    startExport: (request, ctx) => service.enqueue(request, actorOf(ctx).name),
    listExportJobs: () => service.list(),
    cancelExport: ({ jobId }) => service.cancel(jobId),
    exportDownloadLink: ({ jobId }, ctx) => {
      if (ctx.transport === 'ipc') throw new MarqueeError('BAD_INPUT', 'The desktop app saves exports from its own window; download links are for host mode.');
      const file = service.file(jobId);
      const actor = actorOf(ctx);
      const ticket = service.tickets.issue(jobId, { stationId: actor.stationId, sessionSecret: ctx.sessionSecret ?? '' }, now());
      return { path: `/exports/${jobId}/download?ticket=${ticket.ticket}`, fileName: file.fileName, expiresAt: ticket.expiresAt };
    },
    saveExportSetting: ({ name, request }, ctx) => service.queue.save(name, request, actorOf(ctx).name, now()),
    listExportSettings: () => service.queue.savedList(),
    rerunExportSetting: ({ settingId }, ctx) => service.enqueue(savedOrRefuse(settingId).request, actorOf(ctx).name),
    deleteExportSetting: ({ settingId }) => {
      if (!service.queue.unsave(settingId)) throw new MarqueeError('NOT_FOUND', 'There is no such saved export; it may have been deleted already.');
      return { deleted: true as const };
    },
  };
}
