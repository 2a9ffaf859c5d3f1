import type { PrinterStatus } from '../../../src-shared/contract/printing.ts';
import type { Clock } from '../../core/clock.ts';
import type { Printer } from '../printers/printer-store.ts';
import { canPrint, decodeRealtimeStatus, describeRealtimeStatus, unknownStatus } from '../status/realtime-status.ts';
import { errorWords, type PrinterTransport, type StatusProbe } from '../transport/transport.ts';

/**
 * What each printer last said about itself (paper, cover, reachable), kept in memory and
 * announced when it changes, and which printers never answer DLE EOT (asking them before every
 * job would cost a timeout each time). The lanes record what a job's in-band probe found; staff
 * ask through `look`.
 */
export class PrinterStatuses {
  private readonly statuses = new Map<string, PrinterStatus>();
  /** Printers that did not answer DLE EOT: we stop asking before each job. */
  private readonly silent = new Set<string>();

  constructor(
    private readonly clock: Clock,
    private readonly changed: (printerId: string, status: PrinterStatus) => void = () => undefined,
  ) {}

  of(printerId: string): PrinterStatus {
    return this.statuses.get(printerId) ?? unknownStatus();
  }

  /** Whether to ask the printer's status before a job (not for one known to stay silent). */
  worthAsking(printerId: string): boolean {
    return !this.silent.has(printerId);
  }

  /** Ask again next time: staff retried, or the printer stopped answering and may have come back different. */
  askAgain(printerId: string): void {
    this.silent.delete(printerId);
  }

  /** Asks the printer now, over its transport, and records what it said. */
  async look(printer: Printer, transport: PrinterTransport): Promise<PrinterStatus> {
    let probe: StatusProbe;
    try {
      probe = await transport.probe();
    } catch (error) {
      probe = { reachable: false, reply: null, problem: errorWords(error) };
    }
    return this.record(printer, transport, probe);
  }

  /** Turns a probe's answer into the status staff read, and remembers it. */
  record(printer: Printer, transport: PrinterTransport, probe: StatusProbe): PrinterStatus {
    const checkedAt = this.clock.now();
    let status: PrinterStatus;
    if (!probe.reachable) {
      status = { state: 'unreachable', words: probe.problem ?? `Not answering at ${transport.where}`, reportsStatus: false, checkedAt };
    } else if (probe.reply === null) {
      this.silent.add(printer.id);
      status = { state: 'ready', words: 'Connected (this printer does not report paper or cover)', reportsStatus: false, checkedAt };
    } else {
      this.silent.delete(printer.id);
      status = { ...describeRealtimeStatus(decodeRealtimeStatus(probe.reply)), reportsStatus: true, checkedAt };
    }
    this.set(printer.id, status);
    return status;
  }

  /** A send that did not reach the printer: it is away, in the send's words. */
  unreachable(printerId: string, words: string): void {
    this.set(printerId, { state: 'unreachable', words, reportsStatus: this.worthAsking(printerId), checkedAt: this.clock.now() });
    // A printer that stopped answering may have been the reason it was silent; ask again next time.
    this.silent.delete(printerId);
  }

  /** A job went through: the printer is ready, unless it had already said something more precise. */
  printed(printerId: string, at: number): void {
    const current = this.statuses.get(printerId);
    if (!current || !canPrint(current.state) || current.state === 'unknown') {
      this.set(printerId, { state: 'ready', words: 'Ready', reportsStatus: this.worthAsking(printerId), checkedAt: at });
    }
  }

  private set(printerId: string, status: PrinterStatus): void {
    const previous = this.statuses.get(printerId);
    this.statuses.set(printerId, status);
    if (!previous || previous.state !== status.state || previous.words !== status.words) this.changed(printerId, status);
  }
}
