import type { PrinterType } from '../../../src-shared/contract/printing.ts';
import { parsePrinterAddress } from '../printers/printer-address.ts';
import { deviceTransport } from './device-transport.ts';
import { osPrinterTransport } from './os-printer-transport.ts';
import { defaultTcpTimeouts, tcpTransport, type TcpTimeouts } from './tcp-transport.ts';
import type { PrinterTransport } from './transport.ts';

export interface TransportTarget {
  type: PrinterType;
  interface: string;
}

export type TransportFactory = (printer: TransportTarget) => PrinterTransport;

/** The real transports, chosen by the address's form. */
export function createTransportFactory(timeouts: TcpTimeouts = defaultTcpTimeouts): TransportFactory {
  return (printer) => {
    const address = parsePrinterAddress(printer.interface);
    switch (address.kind) {
      case 'tcp':
        return tcpTransport({ host: address.host, port: address.port }, timeouts);
      case 'device':
        return deviceTransport(address.path);
      case 'os':
        return osPrinterTransport({ printerName: address.printerName, type: printer.type });
    }
  };
}
