import { procedures, type ProcedureName } from '../../src-shared/contract/index.ts';
import type { StaffSummary } from '../../src-shared/contract/staff.ts';
import type { TerminalJoin } from '../../src-shared/contract/terminal-join.ts';
import { MarqueeError, type Result } from '../../src-shared/errors.ts';
import type { PrintService } from '../print/print-service.ts';
import { roleAtLeast } from '../staff/actor.ts';

/** What the terminal's own joining needs of it (terminal-core.ts): where it stands, and joining. */
export interface Joining {
  joinState(): Promise<TerminalJoin>;
  joinHost(address: string, fingerprint: string, windowName: string): Promise<TerminalJoin>;
}

/** What a local procedure is answered from: this terminal's print service and its joining. */
export interface LocalParts {
  printing: PrintService;
  joining: Joining;
}

type Local = (here: LocalParts, input: never) => unknown;

/**
 * The procedures a terminal answers itself, because they are about its own printers and print
 * queue (its station.sqlite), not the host's: the Printers screen, the queue, and the sale panel
 * following the job set a sale just queued here; and its joining a box office, which it does
 * before it has a host to ask. Everything else goes to the host.
 */
const LOCAL: Partial<Record<ProcedureName, Local>> = {
  listPrinters: ({ printing: p }) => p.listPrinters(),
  savePrinter: ({ printing: p }, input: Parameters<PrintService['savePrinter']>[0]) => p.savePrinter(input),
  removePrinter: ({ printing: p }, input: { printerId: string }) => (p.removePrinter(input.printerId), { removed: true as const }),
  testPrint: ({ printing: p }, input: { printerId: string }) => p.testPrint(input.printerId),
  readPrinterStatus: ({ printing: p }, input: { printerId: string }) => p.queue.readStatus(input.printerId),
  listPrintJobs: ({ printing: p }, input: Parameters<PrintService['listJobs']>[0]) => p.listJobs(input),
  retryPrintJob: ({ printing: p }, input: { jobId: string }) => p.queue.retry(input.jobId),
  cancelPrintJob: ({ printing: p }, input: { jobId: string }) => p.queue.cancel(input.jobId),
  movePrintJob: ({ printing: p }, input: { jobId: string; printerId: string }) => p.queue.move(input.jobId, input.printerId),
  getPrintJobSet: ({ printing: p }, input: { jobSetId: string }) => p.queue.jobSet(input.jobSetId),
  retryPrintJobSet: ({ printing: p }, input: { jobSetId: string }) => p.queue.retrySet(input.jobSetId),
  movePrintJobSet: ({ printing: p }, input: { jobSetId: string; printerId: string }) => p.queue.moveSet(input.jobSetId, input.printerId),
  getTerminalJoin: ({ joining }) => joining.joinState(),
  joinBoxOffice: async ({ joining }, input: { address: string; fingerprint: string; windowName: string }) => {
    // Public only while unpaired: once a manager approved this terminal, moving it is not a passer-by's choice.
    const now = await joining.joinState();
    if (now.phase === 'paired') {
      throw new MarqueeError('FORBIDDEN', `This terminal already works for the box office at ${now.address ?? 'its host'}; a manager removes it there (Manage → Windows) before it can join another.`);
    }
    return joining.joinHost(input.address, input.fingerprint, input.windowName);
  },
};

export function isLocalProcedure(name: ProcedureName): boolean {
  return Object.hasOwn(LOCAL, name);
}

/**
 * Answers a local procedure with the same rules as the dispatcher: who may call it is the
 * contract's declaration, checked against whoever is signed in at this terminal as the host says
 * (`signedIn`); the input is parsed with the contract's schema; failures are `{code, message}`.
 */
export async function callLocal(here: LocalParts, name: ProcedureName, input: unknown, signedIn: () => Promise<StaffSummary | null>): Promise<Result<unknown>> {
  const def = procedures[name];
  const access = def.access;
  if (access !== 'public') {
    const who = await signedIn();
    if (!who) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Nobody is signed in at this terminal; sign in with your PIN first.' } };
    const needed = access === 'setup' ? 'admin' : access;
    if (!roleAtLeast(who.role, needed)) return { ok: false, error: { code: 'FORBIDDEN', message: `This needs a ${needed}; ${who.name} is signed in as a ${who.role}.` } };
  }
  const parsed = def.input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: `The request is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'} ${i.message}`).join('; ')}.` } };
  try {
    return { ok: true, value: await LOCAL[name]!(here, parsed.data as never) };
  } catch (error) {
    if (error instanceof MarqueeError) return { ok: false, error: error.toAppError() };
    console.error(`[marquee] terminal's own ${name} failed`, error);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong at this terminal; it has been logged.' } };
  }
}
