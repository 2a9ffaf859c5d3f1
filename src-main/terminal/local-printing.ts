import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { WindowDocument, WindowPrint } from '../app/print-at-window.ts';
import { DocumentSet, type DocumentPrinting } from '../app/print-documents.ts';
import type { PrintService } from '../print/print-service.ts';
import type { DrawerOutcome, JobSetRequest } from '../print/queue/print-queue.ts';
import { forgetDocuments, noteAction, type JournalEntry } from './terminal-store.ts';

/**
 * Prints what the host sent back for one of this terminal's actions, on this terminal's own
 * printers, with this terminal's own layout choices, through its own print queue: the same
 * DocumentSet the host would have used, so the layout fallbacks and warnings are the host's rules.
 * The job set and the journal entry's "done" are written in one station transaction, so a
 * terminal stopped at any point prints the documents once: before the commit the entry is still
 * "answered" and is printed at the next start; after it, the queue (which survives restarts)
 * has them and the journal says done.
 */
export async function printAtThisWindow(local: DocumentPrinting, entry: JournalEntry): Promise<PrintOutcome> {
  let outcome: PrintOutcome = { printed: 'queued', jobSetId: null, problem: null };
  const rendered: { set: DocumentSet | null; print: WindowPrint; outcome?: PrintOutcome }[] = [];
  for (const print of entry.print) rendered.push(await render(local, print));
  local.office.station.transaction(() => {
    for (const part of rendered) {
      outcome = part.outcome ?? part.set!.submit(part.print.source);
    }
    noteAction(local.office.station, forgetDocuments(entry));
  });
  // A drawer with no paper (a no-sale) has no job set to travel with: it pulses once the journal
  // says done, so a terminal stopped here leaves the drawer shut rather than opening it twice.
  for (const part of rendered) {
    if (part.print.openDrawer && part.print.documents.length === 0) outcome = drawerOutcome(await local.printing.openDrawer());
  }
  return outcome;
}

function drawerOutcome(drawer: DrawerOutcome): PrintOutcome {
  return drawer.opened ? { printed: 'queued', jobSetId: null, problem: null } : { printed: 'no-printer', jobSetId: null, problem: drawer.reason };
}

/** One action's documents rendered for this terminal's printers; the drawer opens ahead of them in the same job set. */
async function render(local: DocumentPrinting, print: WindowPrint): Promise<{ set: DocumentSet | null; print: WindowPrint; outcome?: PrintOutcome }> {
  const printing = local.printing;
  // The drawer pulse travels with the job set (the queue pulses it first), so it too happens exactly once.
  const withDrawer = {
    requireLayouts: () => printing.requireLayouts(),
    submit: (request: JobSetRequest) => printing.submit({ ...request, openDrawer: print.openDrawer }),
  } as unknown as PrintService;
  try {
    const set = new DocumentSet({ ...local, printing: withDrawer });
    for (const doc of print.documents) await add(set, doc);
    return { set, print };
  } catch (error) {
    if (error instanceof MarqueeError && error.code === 'PRINTER_UNAVAILABLE') {
      return { set: null, print, outcome: { printed: 'no-printer', jobSetId: null, problem: error.message } };
    }
    return { set: null, print, outcome: { printed: 'failed', jobSetId: null, problem: `Printing failed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

async function add(set: DocumentSet, doc: WindowDocument): Promise<void> {
  // A receipt needs a receipt printer; a terminal without one still prints its tickets (as the host does).
  const printer = doc.kind === 'receipt' ? set.printerFor('receipt') : set.requirePrinterFor(doc.kind);
  if (!printer) return;
  await set.add({ printer, kind: doc.kind, base: doc.base, layoutId: doc.layoutId, data: doc.data, label: doc.label });
}
