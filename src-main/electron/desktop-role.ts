import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Electron from 'electron';

/**
 * What this desktop app is, chosen once at its first start: the box office itself (its own
 * records, and it may serve other windows), or a terminal that joins a box office on another
 * computer and prints at its own counter (src-main/terminal/). Kept in a small file beside the
 * databases, read before any of them opens.
 */
export type DesktopRole = { role: 'box-office' } | { role: 'terminal'; join?: { url: string; fingerprint: string; windowName: string } };

const ROLE_FILE = 'desktop-role.json';

export function readDesktopRole(dataDir: string): DesktopRole | null {
  const file = join(dataDir, ROLE_FILE);
  try {
    if (!existsSync(file)) return null;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as DesktopRole;
    return parsed.role === 'terminal' || parsed.role === 'box-office' ? parsed : null;
  } catch {
    // Unreadable or hand-edited: asked again.
    return null;
  }
}

export function writeDesktopRole(dataDir: string, role: DesktopRole): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, ROLE_FILE), JSON.stringify(role, null, 2));
}

/**
 * The join details a terminal's first start takes from its command line
 * (`--join https://boxoffice.local:5180 --fingerprint AB:CD:… [--window-name "Till 2"]`), as an
 * installer sets up a till; null when they are not there.
 */
export function joinFromArguments(argv: readonly string[]): { url: string; fingerprint: string; windowName: string } | null {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const url = value('--join');
  const fingerprint = value('--fingerprint');
  if (!url || !fingerprint) return null;
  return { url, fingerprint, windowName: value('--window-name') ?? 'Terminal' };
}

/** The start-up question, asked once: the answer is kept. */
export async function askDesktopRole(dialog: Pick<typeof Electron.dialog, 'showMessageBox'>, dataDir: string, argv: readonly string[]): Promise<DesktopRole> {
  const join = joinFromArguments(argv);
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: 'Marquee',
    message: 'How does this computer sell?',
    detail:
      'This computer is the box office: it keeps the records, and can serve other windows (Manage → Windows).\n\n' +
      'Join a box office: this computer is a terminal of a box office on another computer; it prints on its own printers.',
    buttons: ['This computer is the box office', 'Join a box office'],
    defaultId: join ? 1 : 0,
    cancelId: 0,
  });
  const role: DesktopRole = response === 1 ? { role: 'terminal', ...(join ? { join } : {}) } : { role: 'box-office' };
  keepRole(dataDir, role);
  return role;
}

/**
 * The role without asking when it is already known: kept from an earlier start, a box office's
 * own records already here (an install from before terminals existed), or join details given on
 * the command line; otherwise the start-up question.
 */
export async function chooseDesktopRole(dialog: Pick<typeof Electron.dialog, 'showMessageBox'>, dataDir: string, argv: readonly string[]): Promise<DesktopRole> {
  const kept = readDesktopRole(dataDir);
  if (kept) return kept;
  const given = joinFromArguments(argv);
  const known: DesktopRole | null = given ? { role: 'terminal', join: given } : existsSync(join(dataDir, 'records.sqlite')) ? { role: 'box-office' } : null;
  if (!known) return askDesktopRole(dialog, dataDir, argv);
  keepRole(dataDir, known);
  return known;
}

/** A data folder that cannot be written is reported when the databases open, in their sentence: not here. */
function keepRole(dataDir: string, role: DesktopRole): void {
  try {
    writeDesktopRole(dataDir, role);
  } catch (error) {
    console.error(`[marquee] could not keep this computer's role in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
