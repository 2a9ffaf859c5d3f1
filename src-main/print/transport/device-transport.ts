import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { checkDeviceAddress, NotAPrinterPort, openPrinterDevice } from '../printers/device-path.ts';
import { errorWords, goAhead, permanentFailure, type PrinterTransport, type StatusProbe } from './transport.ts';

/**
 * A printer on a device file or serial port (/dev/usb/lp0, COM3). We write it ourselves rather
 * than through node-thermal-printer's file interface: that one uses fs.writeFile, which creates a
 * plain file when the device is missing, and keeps retrying for minutes after reporting failure,
 * so a job we were told had failed could still print later and then again on our retry.
 *
 * Every send opens the port through openPrinterDevice: the address must still be a printer
 * port's name, is opened without following links, and must be a character device once open.
 * A printer saved before those rules (or a file put where the device was) fails for good with a
 * sentence, and nothing is written.
 */
export function deviceTransport(path: string): PrinterTransport {
  const notConnected = `Not connected: nothing at ${path}`;
  const transport: PrinterTransport = {
    where: path,
    async probe(): Promise<StatusProbe> {
      try {
        await checkDeviceAddress(path);
      } catch (error) {
        return { reachable: false, reply: null, problem: errorWords(error) };
      }
      try {
        await access(path, constants.W_OK);
        // Reading DLE EOT answers back from a device file needs the port set up per OS; not done.
        return { reachable: true, reply: null, problem: null };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const problem = code === 'EACCES' || code === 'EPERM' ? `No permission to write to ${path}` : notConnected;
        return { reachable: false, reply: null, problem };
      }
    },
    async send(bytes, options) {
      // Not a printer port is not something waiting cures: the job fails for staff to move it.
      try {
        await checkDeviceAddress(path);
      } catch (error) {
        throw permanentFailure(errorWords(error));
      }
      await goAhead(transport, options);
      let handle;
      try {
        // No O_CREAT: a missing device must fail, never become a file nobody reads.
        handle = await openPrinterDevice(path);
      } catch (error) {
        if (error instanceof NotAPrinterPort) throw permanentFailure(error.message);
        const code = (error as NodeJS.ErrnoException).code;
        throw new MarqueeError('PRINTER_UNAVAILABLE', code === 'ENOENT' ? notConnected : `Cannot open ${path}: ${errorWords(error)}`);
      }
      try {
        let offset = 0;
        while (offset < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
          offset += bytesWritten;
        }
      } catch (error) {
        throw new MarqueeError('PRINTER_UNAVAILABLE', `Writing to ${path} failed: ${errorWords(error)}`);
      } finally {
        await handle.close().catch(() => undefined);
      }
    },
  };
  return transport;
}
