import type { PrinterType } from '../../../src-shared/contract/printing.ts';
import { decodeStarLine } from '../render/star-decoder.ts';

/**
 * Which commands in raw bytes from the print API could open a cash drawer. The question is
 * asked of bytes nobody in Marquee wrote, so the ESC/POS part is a plain scan rather than a
 * decode: a caller could craft a stream that a decoder reads differently from the printer
 * (an unknown command of the wrong length, a fake image header) and hide a pulse behind it.
 * Scanning every byte pair can only err towards "may open", never the other way.
 *
 * - ESC p m t1 t2 (1B 70): the usual drawer kick, every ESC/POS printer.
 * - DLE DC4 1 m t (10 14 01): ESC/POS real-time "generate pulse", carried out even mid-job.
 * - Star Line Mode (printers of type `star`): ESC BEL n1 n2 sets a pulse up, wherever it appears;
 *   BEL / FS fire external device 1 and SUB / EM device 2. Those four are single bytes that occur
 *   inside image data too, so they count where the Star decoder (render/star-decoder.ts) reads
 *   them as commands.
 */
export function drawerCommandsIn(bytes: Uint8Array, type: PrinterType): DrawerCommands {
  const found: DrawerCommands = { count: 0, first: [] };
  const note = (words: string): void => {
    found.count += 1;
    if (found.first.length < 3) found.first.push(words);
  };
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i]!;
    const next = bytes[i + 1]!;
    if (b === 0x1b && next === 0x70) note(`ESC p at byte ${i}`);
    else if (b === 0x10 && next === 0x14 && bytes[i + 2] === 0x01) note(`DLE DC4 at byte ${i}`);
    else if (type === 'star' && b === 0x1b && next === 0x07) note(`ESC BEL at byte ${i}`);
  }
  if (type === 'star') {
    for (const op of decodeStarLine(bytes).ops) if (op.op === 'drawer') note(`a Star drawer command for pin ${op.pin}`);
  }
  return found;
}

export interface DrawerCommands {
  count: number;
  /** The first few, in words ("ESC p at byte 12"), for the refusal and the audit row. */
  first: string[];
}
