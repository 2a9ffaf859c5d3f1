import { ThermalPrinter, type CharacterSet, type PrinterTypes } from 'node-thermal-printer';
import { paperMm } from '../../src-shared/contract/printing.ts';
import { parsePrinterAddress, describeAddress } from './printers/printer-address.ts';
import type { Printer } from './printers/printer-store.ts';

/** Characters per line in font A: 12-dot-wide glyphs. */
function charsPerLine(widthDots: number): number {
  return Math.floor(widthDots / 12);
}

/** A test page built with node-thermal-printer for the printer's own type and code page. */
export function buildTestPage(printer: Printer, context: { stationName: string; at: number }): Buffer {
  // An empty interface: this instance only builds bytes; the queue delivers them.
  const page = new ThermalPrinter({ type: printer.type as PrinterTypes, interface: '', width: charsPerLine(printer.widthDots) });
  page.add(Buffer.from([0x1b, 0x40])); // reset first, then choose the code page so the reset does not undo it
  page.setCharacterSet(printer.characterSet as CharacterSet);
  page.alignCenter();
  page.setTextDoubleHeight();
  page.println('Marquee test print');
  page.setTextNormal();
  page.drawLine();
  page.alignLeft();
  page.println(`Printer:   ${printer.name}`);
  page.println(`Type:      ${printer.type}`);
  page.println(`Address:   ${describeAddress(parsePrinterAddress(printer.interface))}`);
  page.println(`Paper:     ${paperMm(printer.widthDots)} mm (${printer.widthDots} dots)`);
  page.println(`Code page: ${printer.characterSet}`);
  page.println(`Takes:     ${printer.jobKinds.join(', ')}`);
  page.println(`Drawer:    ${printer.drawerPin === null ? 'none' : `pin ${printer.drawerPin}`}`);
  page.println(`Station:   ${context.stationName}`);
  page.println(`Printed:   ${new Date(context.at).toISOString().replace('T', ' ').slice(0, 19)} UTC`);
  page.drawLine();
  page.println('0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ');
  page.println('abcdefghijklmnopqrstuvwxyz £ € é ü ñ');
  page.drawLine();
  page.cut();
  return Buffer.from(page.getBuffer());
}
