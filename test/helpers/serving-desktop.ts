import { createApi } from '../../src-main/api/create-api.ts';
import type { Dispatcher } from '../../src-main/api/dispatcher.ts';
import { EmbeddedHost } from '../../src-main/host/embedded-host.ts';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { FakePrinter } from '../../src-main/print/fake-printer/fake-printer.ts';
import { openTerminal, type Terminal } from '../../src-main/terminal/terminal-core.ts';
import { seedShow, seedStaff } from '../sales/fixtures.ts';
import { composeForTest, makeTempDir, openTempBoxOffice } from './temp-box-office.ts';
import { openWindow } from './window.ts';

/**
 * The one way tests get a desktop box office that can "Serve other windows" (Manage → Windows) and
 * a terminal that joins it: the embedded host over TLS on loopback (counted as another computer, so
 * pairing needs a manager's approval), the desktop's own window signed in as its manager, and a
 * terminal core on its own temp data folder with, when asked, its own fake counter printer.
 */

type Cleanups = (() => Promise<void> | void)[];

export const TILL_PRINTER = { type: 'epson', widthDots: 576, characterSet: 'PC858_EURO', drawerPin: 2 } as const;

export async function openServingDesktop(cleanups: Cleanups, options: { show?: boolean } = {}) {
  const temp = openTempBoxOffice();
  const people = seedStaff(temp.office);
  const show = options.show === false ? null : seedShow(temp.office, { rows: 2, seatsPerRow: 6, standing: 0 });
  const running = composeForTest(temp.office);
  let api: Dispatcher | null = null;
  const serving = new EmbeddedHost({ boxOffice: running, dispatcher: () => api!, port: 0, host: '127.0.0.1', localClientAddresses: [] });
  api = createApi(running, { checkOutput: true, windowServing: serving });
  // The desktop's own window, as the IPC transport calls the dispatcher.
  const desk = openWindow(api, temp.office.identity.id);
  await desk.signIn(people.manager.staffId, people.pins.manager);
  cleanups.push(async () => {
    await serving.close();
    await running.stop();
    temp.dispose();
  });
  return { temp, people, show: show!, running, serving, desk };
}

export async function openTestTerminal(cleanups: Cleanups, printerKinds?: ('ticket' | 'receipt' | 'report')[]): Promise<{ terminal: Terminal; printer: FakePrinter | null }> {
  const terminal = await openTerminal({ dataDir: makeTempDir('marquee-terminal-'), migrationsRoot: sourceMigrationsRoot, version: '0.0.0-test' });
  const printer = printerKinds ? await FakePrinter.start() : null;
  if (printer) await terminal.printing.savePrinter({ ...TILL_PRINTER, jobKinds: printerKinds!, name: 'Till printer', interface: printer.uri });
  cleanups.push(async () => {
    await terminal.close();
    await printer?.stop();
  });
  return { terminal, printer };
}
