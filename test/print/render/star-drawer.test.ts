import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { describe, expect, it } from 'vitest';
import { drawerPulse } from '../../../src-main/print/drawer/drawer-pulse.ts';
import { decodeStarLine } from '../../../src-main/print/render/index.ts';
import { NEVER_CONNECTED } from './helpers.ts';

describe('the Star cash drawer pulse', () => {
  it("is byte for byte what node-thermal-printer's Star openCashDrawer() sends, for pin 2", () => {
    const printer = new ThermalPrinter({ type: PrinterTypes.STAR, interface: NEVER_CONNECTED });
    printer.openCashDrawer();
    expect(drawerPulse('star', 2)).toEqual(printer.getBuffer());
    expect(drawerPulse('star', 2)).toEqual(Buffer.from([0x1b, 0x07, 0x0b, 0x37, 0x07]));
  });

  it('fires external device 2 (SUB) for pin 5', () => {
    expect(drawerPulse('star', 5)).toEqual(Buffer.from([0x1b, 0x07, 0x0b, 0x37, 0x1a]));
  });

  it('decodes back as a drawer operation on the right pin, with nothing unknown', () => {
    expect(decodeStarLine(drawerPulse('star', 2)).ops).toEqual([{ op: 'drawer', pin: 2 }]);
    expect(decodeStarLine(drawerPulse('star', 5)).ops).toEqual([{ op: 'drawer', pin: 5 }]);
  });
});
