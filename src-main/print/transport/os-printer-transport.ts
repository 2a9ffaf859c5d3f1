import { ThermalPrinter, type PrinterTypes } from 'node-thermal-printer';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { PrinterType } from '../../../src-shared/contract/printing.ts';
import { errorWords, goAhead, permanentFailure, type PrinterTransport, type StatusProbe } from './transport.ts';

/** The part of a native printer module (node-printer and its forks) node-thermal-printer uses. */
export interface OsPrinterDriver {
  getPrinters(): { name: string; status?: string | string[]; attributes?: string[] }[];
  getPrinter(name: string): { name: string; status?: string | string[] } | undefined;
  printDirect(options: object): void;
}

/** Native modules that can hand raw bytes to the OS spooler; none ships with Marquee. */
const OS_DRIVER_MODULES = ['@thiagoelg/node-printer', 'printer', '@grandchef/node-printer'] as const;

let cachedDriver: Promise<OsPrinterDriver | null> | undefined;

function loadOsPrinterDriver(): Promise<OsPrinterDriver | null> {
  cachedDriver ??= (async () => {
    for (const name of OS_DRIVER_MODULES) {
      try {
        const loaded = (await import(/* @vite-ignore */ name)) as { default?: OsPrinterDriver } & OsPrinterDriver;
        const driver = loaded.default ?? loaded;
        if (typeof driver.printDirect === 'function') return driver;
      } catch {
        // Not installed; try the next one.
      }
    }
    return null;
  })();
  return cachedDriver;
}

function missingDriverMessage(printerName: string): string {
  return (
    `Printing to the system printer '${printerName}' needs a printer driver module ` +
    `(${OS_DRIVER_MODULES.join(' or ')}), and none is installed on this computer. ` +
    'Use the printer\'s network address (tcp://host:9100) or its device (/dev/usb/lp0, COM3) instead.'
  );
}

/** Throws the clear MarqueeError when no driver module is present; used when saving a printer. */
export async function requireOsPrinterDriver(printerName: string): Promise<OsPrinterDriver> {
  const driver = await loadOsPrinterDriver();
  if (!driver) throw new MarqueeError('PRINTER_UNAVAILABLE', missingDriverMessage(printerName));
  return driver;
}

/** A printer installed in the operating system, reached through node-thermal-printer's `printer:` interface. */
export function osPrinterTransport(target: { printerName: string; type: PrinterType }): PrinterTransport {
  const where = `system printer '${target.printerName}'`;
  const transport: PrinterTransport = {
    where,
    async probe(): Promise<StatusProbe> {
      const driver = await loadOsPrinterDriver();
      if (!driver) return { reachable: false, reply: null, problem: missingDriverMessage(target.printerName) };
      const found = driver.getPrinter(target.printerName);
      if (!found) return { reachable: false, reply: null, problem: `The operating system has no printer called '${target.printerName}'` };
      const status = ([] as string[]).concat(found.status ?? []).join(' ');
      if (/NOT-AVAILABLE|OFFLINE/i.test(status)) return { reachable: false, reply: null, problem: `${where} is offline` };
      return { reachable: true, reply: null, problem: null };
    },
    async send(bytes, options) {
      const driver = await loadOsPrinterDriver();
      if (!driver) throw permanentFailure(missingDriverMessage(target.printerName));
      await goAhead(transport, options);
      const printer = new ThermalPrinter({
        type: target.type as PrinterTypes,
        interface: `printer:${target.printerName}`,
        driver,
      });
      printer.setBuffer(bytes);
      try {
        await printer.execute();
      } catch (error) {
        throw new MarqueeError('PRINTER_UNAVAILABLE', `The spooler refused the job for ${where}: ${errorWords(error)}`);
      }
    },
  };
  return transport;
}
