import { and, eq, inArray, sql } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { DefaultLayouts, JobKind, PrinterSettings, PrinterType } from '../../../src-shared/contract/printing.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { StationDb } from '../../db/open.ts';
import { printers, printJobs, type PrinterRow } from '../../db/station/schema.ts';
import { requireOsPrinterDriver } from '../transport/os-printer-transport.ts';
import { checkDeviceAddress } from './device-path.ts';
import { parsePrinterAddress } from './printer-address.ts';

/** A printer as the queue and the screens use it. */
export interface Printer extends PrinterSettings {
  id: string;
  /** The layout per job kind this printer uses when a sale names none. */
  defaultLayouts: DefaultLayouts;
}

/** States in which a job still needs someone or something to act on it. */
const OPEN_JOB_STATES = ['queued', 'sending', 'failed', 'uncertain'] as const;

export function toPrinter(row: PrinterRow): Printer {
  return {
    id: row.id,
    name: row.name,
    type: row.type as PrinterType,
    interface: row.interface,
    widthDots: row.widthDots === 384 ? 384 : 576,
    characterSet: row.characterSet as Printer['characterSet'],
    jobKinds: row.jobKinds as JobKind[],
    drawerPin: row.drawerPin === 2 || row.drawerPin === 5 ? row.drawerPin : null,
    defaultLayouts: (row.defaultLayouts ?? {}) as DefaultLayouts,
  };
}

// Every job submitted routes through this list, so its statement is prepared once per database.
const activeStatements = new WeakMap<StationDb, { all(): PrinterRow[] }>();

export function listActivePrinters(station: StationDb): Printer[] {
  let statement = activeStatements.get(station);
  if (!statement) {
    statement = station.select().from(printers).where(eq(printers.active, true)).orderBy(printers.createdAt, printers.id).prepare();
    activeStatements.set(station, statement);
  }
  return statement.all().map(toPrinter);
}

export function findPrinter(station: StationDb, printerId: string): Printer {
  const row = station.select().from(printers).where(eq(printers.id, printerId)).get();
  if (!row || !row.active) throw new MarqueeError('NOT_FOUND', 'That printer does not exist or has been removed from this station.');
  return toPrinter(row);
}

/**
 * Adds (no id) or changes a printer; the address is checked before anything is written. Default
 * layouts left out keep what the printer had.
 */
export async function savePrinter(
  station: StationDb,
  input: PrinterSettings & { id?: string | undefined; defaultLayouts?: DefaultLayouts | undefined },
): Promise<Printer> {
  const address = parsePrinterAddress(input.interface);
  if (address.kind === 'os') await requireOsPrinterDriver(address.printerName);
  if (address.kind === 'device') await checkDeviceAddress(address.path);
  const values = {
    name: input.name.trim(),
    type: input.type,
    interface: input.interface.trim(),
    widthDots: input.widthDots,
    characterSet: input.characterSet,
    jobKinds: [...new Set(input.jobKinds)],
    drawerPin: input.drawerPin,
  };
  return station.transaction((tx) => {
    const clash = tx
      .select({ id: printers.id })
      .from(printers)
      .where(and(eq(printers.active, true), sql`lower(${printers.name}) = lower(${values.name})`))
      .get();
    if (clash && clash.id !== input.id) {
      throw new MarqueeError('CONFLICT', `There is already a printer called '${values.name}' on this station; choose another name.`);
    }
    if (input.id === undefined) {
      const id = ulid();
      const defaultLayouts = input.defaultLayouts ?? {};
      tx.insert(printers).values({ id, ...values, defaultLayouts }).run();
      return { id, ...values, defaultLayouts };
    }
    const row = tx
      .update(printers)
      .set(input.defaultLayouts ? { ...values, defaultLayouts: input.defaultLayouts } : values)
      .where(and(eq(printers.id, input.id), eq(printers.active, true)))
      .returning()
      .get();
    if (!row) throw new MarqueeError('NOT_FOUND', 'That printer does not exist or has been removed from this station.');
    return toPrinter(row);
  });
}

/**
 * Takes a printer out of use. The row stays (its finished jobs point at it); refused while any
 * job still waits on it, because a job is never dropped without someone deciding.
 */
export function removePrinter(station: StationDb, printerId: string): void {
  station.transaction((tx) => {
    findPrinter(tx as unknown as StationDb, printerId);
    const waiting = tx
      .select({ n: sql<number>`count(*)` })
      .from(printJobs)
      .where(and(eq(printJobs.printerId, printerId), inArray(printJobs.state, [...OPEN_JOB_STATES])))
      .get();
    if (waiting && waiting.n > 0) {
      throw new MarqueeError(
        'CONFLICT',
        `This printer still has ${waiting.n} job${waiting.n === 1 ? '' : 's'} waiting; move or cancel them before removing it.`,
      );
    }
    tx.update(printers).set({ active: false }).where(eq(printers.id, printerId)).run();
  });
}
