import type { PrinterType } from '../../../src-shared/contract/printing.ts';

/** Pulse on-time and off-time in units of 2 ms: 100 ms on, 500 ms off opens common drawers. */
const DRAWER_ON_UNITS = 50;
const DRAWER_OFF_UNITS = 250;

/**
 * The bytes that open a cash drawer. ESC/POS printers get the full `ESC p m t1 t2`
 * (1B 70 m t1 t2, m=0 for connector pin 2, m=1 for pin 5); node-thermal-printer's
 * openCashDrawer() leaves out t1 t2, so a printer would read the next bytes as the timing.
 *
 * Star printers (in Star Line Mode, as the renderer writes for them) get exactly what
 * node-thermal-printer's Star openCashDrawer() sends for external device 1 (pin 2):
 * `ESC BEL 11 55 BEL`, 110 ms on and 550 ms delay (units of 10 ms), then BEL fires it.
 * External device 2 (pin 5) is fired by SUB, whose timing the printer fixes at 200 ms;
 * the ESC BEL before it is kept so both pins get the same five-byte shape.
 */
export function drawerPulse(type: PrinterType, pin: 2 | 5): Buffer {
  if (type === 'star') {
    return Buffer.from([0x1b, 0x07, 0x0b, 0x37, pin === 2 ? 0x07 : 0x1a]);
  }
  return Buffer.from([0x1b, 0x70, pin === 2 ? 0x00 : 0x01, DRAWER_ON_UNITS, DRAWER_OFF_UNITS]);
}
