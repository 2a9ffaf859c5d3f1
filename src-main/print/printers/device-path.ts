import { constants, realpathSync } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { MarqueeError } from '../../../src-shared/errors.ts';

/**
 * What a "device" printer address may be. A job once overwrote the start of an ordinary file
 * because any absolute path was accepted; now the address must both be named like a printer
 * port and be one when it is opened:
 *
 * - the name: on Linux and macOS a USB printer port (/dev/usb/lpN, /dev/lpN), a serial port
 *   (/dev/ttyS0, /dev/ttyUSB0, /dev/ttyACM0, /dev/ttyAMA0, macOS /dev/tty.* and /dev/cu.*), a
 *   pseudo-terminal (/dev/pts/N, what socat or ser2net give a virtual serial port), or a stable
 *   serial name under /dev/serial/by-id or by-path; on Windows COMn or LPTn (also as \\.\COMn).
 *   Not /dev/tty and /dev/ttyN: those are the consoles, not ports.
 * - when opened: without following a link (O_NOFOLLOW), and fstat must say character device.
 *   /dev/serial/by-* names are links that udev makes; they are resolved once, the target must
 *   pass the name rule itself, and the target is what gets opened.
 *
 * A missing device is allowed when saving (a printer may be unplugged then); it reads "Not
 * connected" until it is there.
 */

const POSIX_DEVICE = /^\/dev\/(?:usb\/lp\d{1,3}|lp\d{1,3}|tty(?:S|USB|ACM|AMA|XRUSB|mxc|\.)[\w.-]*|cu\.[\w.-]+|pts\/\d{1,5})$/;
const POSIX_STABLE_LINK = /^\/dev\/serial\/by-(?:id|path)\/[\w.:+@-]+$/;
const WINDOWS_DEVICE = /^(?:\\\\\.\\)?(?:COM\d{1,3}|LPT\d)$/i;

const EXAMPLES = 'a device such as /dev/usb/lp0, /dev/ttyUSB0 or COM3';

export type DevicePlatform = 'windows' | 'posix';

function devicePlatform(): DevicePlatform {
  return process.platform === 'win32' ? 'windows' : 'posix';
}

/** True when the text has the shape of a device address on some platform (how parsePrinterAddress tells it from others). */
export function looksLikeDevicePath(text: string): boolean {
  return text.startsWith('/') || WINDOWS_DEVICE.test(text) || /^[A-Za-z]:\\/.test(text);
}

/** Null when the name is a printer port's on this platform, otherwise the sentence refusing it. */
export function deviceNameProblem(path: string, platform: DevicePlatform = devicePlatform()): string | null {
  if (platform === 'windows') {
    return WINDOWS_DEVICE.test(path) ? null : `'${path}' is not a printer port; on Windows use COM1 to COM256 or LPT1 to LPT9.`;
  }
  if (POSIX_DEVICE.test(path) || POSIX_STABLE_LINK.test(path)) return null;
  return `'${path}' is not a printer port. Use ${EXAMPLES}; ordinary files and other devices are refused so a job can never write into them.`;
}

/** The path that is actually opened: a /dev/serial/by-* link resolved to its port, others as they are. */
function resolveStableLink(path: string): string {
  if (!POSIX_STABLE_LINK.test(path)) return path;
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    return path; // missing: opening it says "Not connected"
  }
  const problem = deviceNameProblem(target, 'posix');
  if (problem) throw new MarqueeError('BAD_INPUT', `'${path}' leads to '${target}', which is not a printer port.`);
  return target;
}

/**
 * The check when a printer is saved (and before each status look): the name rule, and if
 * something is there now, it must be a character device and not a link (a missing device
 * passes: a printer may be unplugged).
 */
export async function checkDeviceAddress(path: string, platform: DevicePlatform = devicePlatform()): Promise<void> {
  const problem = deviceNameProblem(path, platform);
  if (problem) throw new MarqueeError('BAD_INPUT', problem);
  if (platform === 'windows') return;
  const target = resolveStableLink(path);
  const found = await lstat(target).catch(() => null);
  if (!found) return;
  if (found.isSymbolicLink()) throw new MarqueeError('BAD_INPUT', `'${path}' is a link, not a printer port; give the port itself.`);
  if (!found.isCharacterDevice()) throw new MarqueeError('BAD_INPUT', `'${path}' is not a printer port (it is not a character device).`);
}

/** Thrown by openPrinterDevice when the address is not a printer port at all: no retry cures it. */
export class NotAPrinterPort extends Error {}

/**
 * Opens a device printer for writing, checking everything again at the moment of use: the
 * name rule, no link followed (O_NOFOLLOW), and fstat on the open handle saying character device
 * (so a file swapped in after the check is refused, not written). Never creates anything.
 * ENOENT and other open errors are thrown as they are, for the caller's "Not connected" words.
 */
export async function openPrinterDevice(path: string, platform: DevicePlatform = devicePlatform()): Promise<FileHandle> {
  const problem = deviceNameProblem(path, platform);
  if (problem) throw new NotAPrinterPort(problem);
  let target: string;
  try {
    target = platform === 'posix' ? resolveStableLink(path) : path;
  } catch (error) {
    throw new NotAPrinterPort((error as Error).message);
  }
  // O_NOCTTY: a serial port must not become this process's controlling terminal.
  const flags = constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0);
  let handle: FileHandle;
  try {
    handle = await open(target, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new NotAPrinterPort(`'${path}' is a link, not a printer port; nothing was written.`);
    throw error;
  }
  const stats = await handle.stat().catch(() => null);
  if (!stats?.isCharacterDevice()) {
    await handle.close().catch(() => undefined);
    throw new NotAPrinterPort(`'${path}' is not a printer port (not a character device); nothing was written.`);
  }
  return handle;
}
