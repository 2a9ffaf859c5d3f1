import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { openBoxOffice } from '../src-main/core/box-office.ts';
import { sourceMigrationsRoot } from '../src-main/paths.ts';
import { FakePrinter } from '../src-main/print/fake-printer/fake-printer.ts';
import { PrintService } from '../src-main/print/print-service.ts';
import { median, row, type BenchArea, type BenchRow } from './types.ts';
import { ulid } from 'ulid';
import { printOrderDocuments } from '../src-main/app/print-documents.ts';
import { composeBoxOffice } from '../src-main/app/compose.ts';
import { seedShow } from '../test/sales/fixtures.ts';

const TICKETS = 100;
const FIRST_BYTES_RUNS = 20;

/** A ticket about the size a real one is: text, a QR code, a 576 x 160 dot raster (the logo), a cut. */
function ticket(n: number): Buffer {
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  p.alignCenter();
  p.println(`HAMLET  Sat 19:30  Stalls row F seat ${n}`);
  p.printQR(`MQ-${String(n).padStart(8, '0')}`);
  const raster = Buffer.alloc(8 + 72 * 160, 0x5a);
  raster.set([0x1d, 0x76, 0x30, 0x00, 72, 0, 160, 0]);
  p.add(raster);
  p.cut();
  return Buffer.from(p.getBuffer());
}

/** node-thermal-printer sending the bytes itself, one connection per ticket: the floor. */
async function sendDirect(uri: string, bytes: Buffer): Promise<void> {
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: uri });
  p.setBuffer(bytes);
  await p.execute();
}

const SALES = 20;
/** seedShow's Adult band: 25.00 for every seat. */
const SEED_ADULT_PRICE = 2500;

/**
 * From the moment a card sale of one ticket commits to its ticket being received whole by the
 * printer: rendering the layout, the job set in the station database, the queue, the socket.
 * (A cash sale opens the drawer first; that pulse is its own tiny job and is left out here.)
 */
async function firstTicketAfterSale(): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'marquee-bench-sale-print-'));
  const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'bench' });
  const fake = await FakePrinter.start();
  const boxOffice = composeBoxOffice(office, { sweeper: false, sync: false, print: { api: false } });
  const service = boxOffice.printing;
  try {
    await service.savePrinter({
      name: 'Counter',
      type: 'epson',
      interface: fake.uri,
      widthDots: 576,
      characterSet: 'PC858_EURO',
      jobKinds: ['ticket', 'receipt', 'report'],
      drawerPin: null,
    });
    const show = seedShow(office, { rows: 10, seatsPerRow: 20, standing: 0 });
    const engine = boxOffice.engine();
    const actor = { stationId: office.identity.id, staffId: ulid(), role: 'cashier' as const };
    const seats = engine.availability(show.performanceId).map(([id]) => id);
    const times: number[] = [];
    for (let i = 0; i < SALES + 3; i += 1) {
      const hold = engine.holdSeats(actor, { performanceId: show.performanceId, unitIds: [seats[i]!] });
      const sale = engine.book(actor, {
        holdId: hold.holdId,
        lines: [{ unitId: seats[i]!, priceBandId: show.bands.adult }],
        payments: [{ method: 'card', amountMinor: SEED_ADULT_PRICE, reference: `bench ${i}` }],
      });
      const committed = performance.now();
      const before = fake.jobs.length;
      await printOrderDocuments(boxOffice, sale.order.id);
      await fake.waitForJobs(before + 1);
      if (i >= 3) times.push(performance.now() - committed); // the first sales warm the JIT and the layout cache
      await fake.waitForJobs(before + 2);
    }
    return times;
  } finally {
    await boxOffice.stop();
    await fake.stop();
    office.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const printQueueBench: BenchArea = {
  area: 'print-queue',
  async run(): Promise<BenchRow[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'marquee-bench-print-'));
    const office = openBoxOffice({ dataDir, migrationsRoot: sourceMigrationsRoot, mode: 'host', version: 'bench' });
    const fake = await FakePrinter.start();
    const service = new PrintService(office, { api: false });
    try {
      const printer = await service.savePrinter({
        name: 'Bench',
        type: 'epson',
        interface: fake.uri,
        widthDots: 576,
        characterSet: 'PC858_EURO',
        jobKinds: ['ticket', 'receipt', 'report'],
        drawerPin: null,
      });
      const tickets = Array.from({ length: TICKETS }, (_, i) => ticket(i + 1));

      // Warm both paths (JIT, sockets, SQLite pages) before measuring.
      for (const bytes of tickets.slice(0, 10)) await sendDirect(fake.uri, bytes);
      service.submit({ jobs: tickets.slice(0, 10).map((bytes) => ({ kind: 'ticket', bytes })) });
      await fake.waitForJobs(20);

      let start = performance.now();
      for (const bytes of tickets) await sendDirect(fake.uri, bytes);
      await fake.waitForJobs(20 + TICKETS);
      const directPerTicket = (performance.now() - start) / TICKETS;

      // 100 tickets, as a cashier's screen would submit them: one job set per sale of one ticket.
      start = performance.now();
      for (const bytes of tickets) service.submit({ jobs: [{ kind: 'ticket', bytes, printerId: printer.id }] });
      await fake.waitForJobs(20 + 2 * TICKETS);
      const queuedPerTicket = (performance.now() - start) / TICKETS;

      const firstBytes: number[] = [];
      const firstBytesDirect: number[] = [];
      for (let run = 0; run < FIRST_BYTES_RUNS; run += 1) {
        const before = fake.jobs.length;
        const t0 = performance.now();
        service.submit({ jobs: [{ kind: 'ticket', bytes: tickets[run]! }] });
        await fake.waitForJobs(before + 1);
        firstBytes.push(performance.now() - t0);
        const t1 = performance.now();
        await sendDirect(fake.uri, tickets[run]!);
        await fake.waitForJobs(before + 2);
        firstBytesDirect.push(performance.now() - t1);
      }

      const afterSale = await firstTicketAfterSale();
      return [
        row('first ticket at the printer after the sale commits', median(afterSale), 'ms', median(firstBytesDirect), '<= 100 ms', (v) => v <= 100),
        row('queue overhead per job (queue - direct)', queuedPerTicket - directPerTicket, 'ms', directPerTicket, '<= 5 ms a job', (v) => v <= 5),
        row('100 tickets through the queue, per ticket', queuedPerTicket, 'ms', directPerTicket, 'overhead <= 5 ms', () => queuedPerTicket - directPerTicket <= 5),
        row('first ticket bytes at the printer after enqueue', median(firstBytes), 'ms', median(firstBytesDirect), '<= 100 ms', (v) => v <= 100),
      ];
    } finally {
      await service.stop();
      await fake.stop();
      office.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
