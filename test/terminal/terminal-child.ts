import { writeSync } from 'node:fs';
import { sourceMigrationsRoot } from '../../src-main/paths.ts';
import { openTerminal } from '../../src-main/terminal/terminal-core.ts';
import { cashBasket, must, signInCashier } from './terminal-sale.ts';

/**
 * A terminal in its own process that sells two seats for cash and dies (SIGKILL) the moment the
 * host's answer is in its journal, before anything printed. Env: TERMINAL_DIR, HOST_URL,
 * HOST_FINGERPRINT, PRINTER_URI.
 */
const env = process.env as Record<string, string>;
const terminal = await openTerminal({
  dataDir: env.TERMINAL_DIR!,
  migrationsRoot: sourceMigrationsRoot,
  version: '0.0.0-test',
  afterAnswer: (entry) => {
    writeSync(1, `ANSWERED ${entry.key} ${entry.print.length}\n`);
    process.kill(process.pid, 'SIGKILL');
  },
});
if (!terminal.host()) {
  await terminal.printing.savePrinter({ name: 'Till 2 printer', type: 'epson', interface: env.PRINTER_URI!, widthDots: 576, characterSet: 'PC858_EURO', jobKinds: ['ticket', 'receipt'], drawerPin: 2 });
  await terminal.join(env.HOST_URL!, env.HOST_FINGERPRINT!, 'Till 2');
}
await signInCashier(terminal);
const basket = await cashBasket(terminal);
await must(terminal, 'bookSeats', basket.input);
writeSync(1, 'NOT KILLED\n');
process.exit(3);
