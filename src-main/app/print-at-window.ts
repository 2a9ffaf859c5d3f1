import { AsyncLocalStorage } from 'node:async_hooks';
import type { JobKind } from '../../src-shared/contract/printing.ts';
import type { PrintOutcome } from '../../src-shared/contract/sales.ts';
import type { Printer } from '../print/printers/printer-store.ts';
import type { DocumentRequest, DocumentSet } from './print-documents.ts';

/** One document a terminal prints itself: what DocumentRequest says, without the host's printer. */
export interface WindowDocument {
  kind: JobKind;
  base: string;
  layoutId: string | null;
  data: object;
  label: string;
}

/**
 * What a counter action left for the calling window to print: its documents in order and whether
 * the drawer opens first. A terminal (src-main/terminal/) renders these on its own printers.
 */
export interface WindowPrint {
  source: string;
  openDrawer: boolean;
  documents: WindowDocument[];
}

/**
 * A call from a window that prints at its own counter (a desktop terminal) runs inside this
 * store: printDocuments then collects the documents here instead of rendering them for the host's
 * printers, so a terminal's sale never comes out of the host's printer. An async-local store
 * rather than an argument, because every counter use case (sale, reservation, refund, exchange,
 * reprint, cash-up) prints through the one printDocuments and none of them should have to know
 * where the paper is.
 */
const atWindow = new AsyncLocalStorage<WindowPrint[]>();

/** Runs one procedure call for a window that prints its own documents; returns them beside the answer. */
export async function callPrintingAtWindow<T>(call: () => Promise<T>): Promise<{ answer: T; print: WindowPrint[] }> {
  const print: WindowPrint[] = [];
  const answer = await atWindow.run(print, call);
  return { answer, print };
}

/** True while a call from a window that prints its own documents is being answered. */
export function printsAtWindow(): boolean {
  return atWindow.getStore() !== undefined;
}

/** Any printer kind the window might have: the window picks its real printer when it renders. */
const WINDOW_PRINTER: Printer = {
  id: 'at-window',
  name: 'The window’s own printer',
  type: 'epson',
  interface: 'at-window',
  widthDots: 576,
  characterSet: 'PC858_EURO',
  jobKinds: ['ticket', 'receipt', 'report', 'test'],
  drawerPin: null,
  defaultLayouts: {},
} as unknown as Printer;

/**
 * Collects an action's documents for the window instead of printing them here: the same callback
 * printDocuments would run against a DocumentSet, against a set that only notes each request.
 * Only for a call that prints at its window (printsAtWindow()).
 */
export async function collectForWindow(
  options: { source: string; openDrawer: boolean },
  documents: (set: DocumentSet) => Promise<void>,
): Promise<PrintOutcome> {
  const store = atWindow.getStore();
  if (!store) throw new Error('collectForWindow runs only inside callPrintingAtWindow');
  const noted: WindowDocument[] = [];
  const set = {
    printerFor: () => WINDOW_PRINTER,
    requirePrinterFor: () => WINDOW_PRINTER,
    add: (doc: DocumentRequest) => {
      noted.push({ kind: doc.kind, base: doc.base, layoutId: doc.layoutId ?? null, data: doc.data, label: doc.label });
      return Promise.resolve();
    },
  };
  try {
    await documents(set as unknown as DocumentSet);
  } catch (error) {
    return { printed: 'failed', jobSetId: null, problem: `Printing failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  store.push({ source: options.source, openDrawer: options.openDrawer, documents: noted });
  // The window replaces this with its own queue's outcome once it has queued the documents.
  return { printed: 'queued', jobSetId: null, problem: null };
}

/** A terminal sends this header (value '1') on every call: its documents come back in the answer, never to the host's printers. */
export const PRINTS_HERE_HEADER = 'x-marquee-prints-here';
/** The answer's field, beside `ok` and `value`, that carries the calling terminal's documents. */
export const WINDOW_PRINT_FIELD = 'windowPrint';
