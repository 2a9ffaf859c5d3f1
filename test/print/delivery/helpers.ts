import { rmSync } from 'node:fs';
import type { BoxOffice } from '../../../src-main/core/box-office.ts';
import { FakePrinter, type FakePrinterOptions } from '../../../src-main/print/fake-printer/fake-printer.ts';
import type { RunningBoxOffice } from '../../../src-main/app/compose.ts';
import type { PrintService, PrintServiceOptions } from '../../../src-main/print/print-service.ts';
import type { PrinterSettings, PrinterView } from '../../../src-shared/contract/printing.ts';
import { composeForTest, makeTempDir, openTempBoxOffice } from '../../helpers/temp-box-office.ts';

/** Short pauses so waiting-and-retrying finishes in a test's time; the logic is the same. */
export const fastOptions: PrintServiceOptions = {
  api: false,
  backoff: { baseMs: 20, maxMs: 120 },
  tcpTimeouts: { connectMs: 1000, replyMs: 150, closeMs: 1000 },
};

export function printerSettings(overrides: Partial<PrinterSettings> & { interface: string }): PrinterSettings {
  return {
    name: 'Front desk',
    type: 'epson',
    widthDots: 576,
    characterSet: 'PC858_EURO',
    jobKinds: ['ticket', 'receipt', 'report'],
    drawerPin: null,
    ...overrides,
  };
}

export interface PrintingRig {
  office: BoxOffice;
  dataDir: string;
  /** The running box office over `office`; `service` is its one print service. */
  boxOffice: RunningBoxOffice;
  service: PrintService;
  fake: FakePrinter;
  outDir: string;
  printer: PrinterView;
  /** Stops the service and the fake printer, closes the databases, deletes the folders. */
  dispose(): Promise<void>;
}

export async function openPrintingRig(
  options: { service?: PrintServiceOptions; fake?: FakePrinterOptions; printer?: Partial<PrinterSettings> } = {},
): Promise<PrintingRig> {
  const temp = openTempBoxOffice();
  const outDir = makeTempDir('marquee-fake-printer-');
  const fake = await FakePrinter.start({ outDir, ...options.fake });
  const boxOffice = composeForTest(temp.office, { print: { ...fastOptions, ...options.service } });
  const service = boxOffice.printing;
  const printer = await service.savePrinter(printerSettings({ interface: fake.uri, ...options.printer }));
  return {
    office: temp.office,
    dataDir: temp.dataDir,
    boxOffice,
    service,
    fake,
    outDir,
    printer,
    async dispose() {
      await boxOffice.stop();
      await fake.stop();
      temp.dispose();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Polls (the queue works on its own timers) until the condition holds. */
export async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > until) throw new Error(`Condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function ticketBytes(n: number): Buffer {
  return Buffer.concat([Buffer.from([0x1b, 0x40]), Buffer.from(`TICKET ${n}\n`), Buffer.from([0x1d, 0x56, 0x01])]);
}
