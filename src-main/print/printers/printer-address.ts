import { MarqueeError } from '../../../src-shared/errors.ts';
import { looksLikeDevicePath } from './device-path.ts';

/** Where a printer is reached; parsed once so transports and status words agree. */
export type PrinterAddress =
  | { kind: 'tcp'; host: string; port: number; uri: string }
  | { kind: 'device'; path: string }
  | { kind: 'os'; printerName: string };

// The same shapes node-thermal-printer's getInterface() recognises, so what we accept it can drive.
const TCP = /^tcp:\/\/([^/:\s]+)(?::(\d+))?\/?$/i;
const OS_PRINTER = /^printer:([^/]+)$/i;

export function parsePrinterAddress(text: string): PrinterAddress {
  const value = text.trim();
  const tcp = TCP.exec(value);
  if (tcp) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new MarqueeError('BAD_INPUT', `The printer address '${value}' has no usable port; use 1 to 65535, e.g. tcp://192.168.1.50:9100.`);
    }
    const host = tcp[1]!;
    return { kind: 'tcp', host, port, uri: `tcp://${host}:${port}` };
  }
  const os = OS_PRINTER.exec(value);
  if (os) return { kind: 'os', printerName: os[1]!.trim() };
  // Only the shape here, so printers saved before the device rule still parse; whether it is a
  // printer port is checked when saving and again when sending (device-path.ts).
  if (looksLikeDevicePath(value) && !value.includes('\0')) return { kind: 'device', path: value };
  throw new MarqueeError(
    'BAD_INPUT',
    `'${value}' is not a printer address. Use tcp://host:9100 for a network printer, a device such as /dev/usb/lp0 or COM3, or printer:NAME for a printer installed in the operating system.`,
  );
}

/** How the address reads in status words: "127.0.0.1:9100", "/dev/usb/lp0", "system printer Kiosk". */
export function describeAddress(address: PrinterAddress): string {
  switch (address.kind) {
    case 'tcp':
      return `${address.host}:${address.port}`;
    case 'device':
      return address.path;
    case 'os':
      return `system printer '${address.printerName}'`;
  }
}
