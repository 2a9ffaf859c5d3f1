/**
 * `npm run fake-printer [-- --port 9100 --out ./fake-printer-jobs]`: a pretend network thermal
 * printer for demos. Type a command and Enter to change its state:
 *   paper-out | paper-in | cover-open | cover-closed | offline | online | quit
 */
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { FakePrinter } from '../src-main/print/fake-printer/fake-printer.ts';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

const port = Number(option('port', process.env['FAKE_PRINTER_PORT'] ?? '9100'));
const outDir = resolve(option('out', 'fake-printer-jobs'));
const printer = await FakePrinter.start({ port, outDir, host: option('host', '127.0.0.1') });

console.log(`Fake printer listening at ${printer.uri}`);
console.log(`Jobs are written to ${outDir}`);
console.log('Commands: paper-out, paper-in, cover-open, cover-closed, offline, online, quit');

const commands: Record<string, () => Promise<void> | void> = {
  'paper-out': () => printer.set({ paperOut: true }),
  'paper-in': () => printer.set({ paperOut: false }),
  'cover-open': () => printer.set({ coverOpen: true }),
  'cover-closed': () => printer.set({ coverOpen: false }),
  offline: () => printer.setOffline(true),
  online: () => printer.setOffline(false),
  quit: async () => {
    await printer.stop();
    process.exit(0);
  },
};

let printed = 0;
setInterval(() => {
  while (printed < printer.jobs.length) {
    printed += 1;
    console.log(`printed job ${printed}: ${printer.jobs[printed - 1]!.length} bytes`);
  }
}, 200).unref();

const input = createInterface({ input: process.stdin });
input.on('line', async (line) => {
  const command = commands[line.trim()];
  if (!command) {
    if (line.trim()) console.log(`Unknown command '${line.trim()}'.`);
    return;
  }
  await command();
  const { paperOut, coverOpen } = printer.condition;
  console.log(`now: ${printer.online ? 'online' : 'offline'}, ${paperOut ? 'paper out' : 'paper in'}, ${coverOpen ? 'cover open' : 'cover closed'}`);
});
process.on('SIGINT', () => void commands['quit']!());
