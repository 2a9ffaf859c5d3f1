import type { Counter } from '../../src-main/app/counter.ts';
import { decodeEscPos, decodedTextLines } from '../../src-main/print/render/index.ts';
import { seedShow, seedStaff, type ShowFixture, type StaffFixture } from '../sales/fixtures.ts';
import { openPrintingRig, type PrintingRig } from '../print/delivery/helpers.ts';
import { openShiftFor } from '../helpers/counter.ts';

/** The pulse an Epson sends to a drawer on pin 2 (ESC p 0 50 250). */
export const DRAWER_PULSE = Buffer.from([0x1b, 0x70, 0x00, 0x32, 0xfa]);

export const textOf = (bytes: Buffer) => decodedTextLines(decodeEscPos(bytes)).join('\n');

export interface CounterRig {
  rig: PrintingRig;
  counter: Counter;
  show: ShowFixture;
  people: StaffFixture;
  /** Holds these seats for the cashier and answers the hold. */
  hold(labels: string[]): { holdId: string; unitIds: number[] };
  /** Labels of every job the station ever queued (finished ones too), sorted: what the use cases asked to print. */
  queued(): string[];
}

/**
 * A real temp box office with a show on sale and staff, a real fake printer on a socket (one
 * printer taking tickets and receipts, with a drawer on pin 2), and the app layer's counter.
 */
export async function openCounterRig(): Promise<CounterRig> {
  const rig = await openPrintingRig({ printer: { drawerPin: 2 } });
  const show = seedShow(rig.office);
  const people = seedStaff(rig.office);
  const counter = rig.boxOffice;
  // Cash needs the cashier's shift open at the window (docs/cash-up.md).
  openShiftFor(rig.office, people.cashier);
  return {
    rig,
    counter,
    show,
    people,
    hold: (labels) => counter.engine().holdSeats(people.cashier, { performanceId: show.performanceId, unitIds: labels.map(show.unit) }),
    queued: () =>
      rig.service
        .listJobs({ includeFinished: true, limit: 100 })
        .map((j) => j.label)
        .sort(),
  };
}
