import { describe, expect, it } from 'vitest';
import type { Printer } from '../../src-main/print/printers/printer-store.ts';
import { openPrintAssets } from '../../src-main/print/print-assets.ts';
import { renderedLayouts } from '../../src-main/print/render-layouts.ts';
import { decodeEscPos, decodedTextLines, sampleData } from '../../src-main/print/render/index.ts';
import { TRAINING_MARK, trainingLayouts } from '../../src-main/training/training-print.ts';
import { cleanUpAfterEach } from '../helpers/clean-up.ts';
import { openTempBoxOffice } from '../helpers/temp-box-office.ts';

const cleanups = cleanUpAfterEach();

const printer: Printer = {
  id: 'p1',
  name: 'Counter',
  type: 'epson',
  interface: 'tcp://127.0.0.1:9100',
  widthDots: 576,
  // A code page with the em dash, so the mark prints as text the decoder reads back (PC858 draws that line as a picture).
  characterSet: 'WPC1252',
  jobKinds: ['ticket', 'receipt'],
  drawerPin: null,
  defaultLayouts: {},
  active: true,
} as unknown as Printer;

describe("a training box office's paper", () => {
  it.each([
    ['ticket-80mm', 'ticket'],
    ['receipt-80mm', 'receipt'],
    ['reservation-slip-80mm', 'reservation'],
  ] as const)('%s prints "TRAINING — NOT VALID", and the live layout does not', async (layoutId, kind) => {
    const temp = openTempBoxOffice();
    cleanups.push(() => temp.dispose());
    const layouts = renderedLayouts(openPrintAssets(temp.office));
    const data = sampleData(kind) as unknown as Record<string, unknown>;
    const text = async (l: typeof layouts) => decodedTextLines(decodeEscPos(await l.render(layoutId, data, printer))).join('\n');
    expect(await text(trainingLayouts(layouts))).toContain(TRAINING_MARK);
    expect(await text(layouts)).not.toContain('TRAINING');
  });
});
