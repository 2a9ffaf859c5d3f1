import { join } from 'node:path';
import type { BoxOffice } from '../core/box-office.ts';
import { FakePrinter } from './fake-printer/fake-printer.ts';
import type { PrintService } from './print-service.ts';
import { listActivePrinters } from './printers/printer-store.ts';

const DEMO_PRINTER_NAME = 'Counter printer (simulated)';

export interface DemoPrinter {
  printer: FakePrinter;
  /** Where each received job lands as NNNN.bin. */
  outDir: string;
  stop(): Promise<void>;
}

/**
 * The demo's counter printer: a fake ESC/POS printer on a free loopback port that files every job
 * under <dataDir>/fake-printer/. A station with no printer gets it for tickets, receipts and
 * reports; one that already has it (an earlier demo run) is pointed at this run's port.
 */
export async function startDemoPrinter(office: BoxOffice, printing: Pick<PrintService, 'savePrinter'>): Promise<DemoPrinter> {
  const outDir = join(office.dataDir, 'fake-printer');
  const printer = await FakePrinter.start({ outDir });
  const existing = listActivePrinters(office.station);
  const earlier = existing.find((p) => p.name === DEMO_PRINTER_NAME);
  if (existing.length === 0 || earlier) {
    await printing.savePrinter({
      id: earlier?.id,
      name: DEMO_PRINTER_NAME,
      type: 'epson',
      interface: printer.uri,
      widthDots: 576,
      characterSet: 'PC858_EURO',
      jobKinds: ['ticket', 'receipt', 'report'],
      drawerPin: 2,
    });
  }
  return { printer, outDir, stop: () => printer.stop() };
}
