import { accessSync, constants, statSync, statfsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MarqueeError, isMarqueeError } from '../../src-shared/errors.ts';

/**
 * Disk and database-file failures (full, read-only, damaged, missing) turned into sentences that
 * say what is wrong and what to do. At start the sentence may name the data folder's full path:
 * it is printed on the operator's own machine. While selling it goes to a window, so it names
 * files by their base name only.
 */

type StorageProblem =
  | 'full'
  | 'read-only'
  | 'no-permission'
  | 'damaged'
  | 'not-a-database'
  | 'moved'
  | 'cannot-open'
  | 'disk-error'
  | 'missing-folder'
  | 'not-a-folder';

interface CodedError {
  code?: unknown;
  message?: unknown;
  path?: unknown;
  cause?: unknown;
}

/** Every error in the chain: drizzle wraps the driver's SqliteError in `cause`. */
function chainOf(error: unknown): CodedError[] {
  const chain: CodedError[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && chain.length < 5) {
    chain.push(current as CodedError);
    current = (current as CodedError).cause;
  }
  return chain;
}

function codeOf(error: CodedError): string {
  return typeof error.code === 'string' ? error.code : '';
}

/**
 * What the codes alone say. SQLite's codes are about its own files; errno codes (ENOENT, EACCES)
 * only count at start, where the path is the data folder's. While running, an ENOENT or EACCES
 * is some other file's business (a layout, a printer device), not the box office data.
 */
function problemOfCode(code: string, atStart: boolean): StorageProblem | null {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'full';
  if (code === 'SQLITE_READONLY_DBMOVED') return 'moved';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'read-only';
  if (code.startsWith('SQLITE_CORRUPT')) return 'damaged';
  if (code === 'SQLITE_NOTADB') return 'not-a-database';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open';
  if (code.startsWith('SQLITE_IOERR')) return 'disk-error';
  if (!atStart) return null;
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_PERM') return 'no-permission';
  if (code === 'ENOENT') return 'missing-folder';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'not-a-folder';
  return null;
}

function classify(error: unknown, atStart: boolean): { problem: StorageProblem; error: CodedError } | null {
  for (const link of chainOf(error)) {
    const problem = problemOfCode(codeOf(link), atStart);
    if (problem) return { problem, error: link };
  }
  return null;
}

function errnoOf(action: () => void): string | null {
  try {
    action();
    return null;
  } catch (error) {
    return codeOf(error as CodedError) || 'ERROR';
  }
}

/** Less than this free on the data folder's disk, and a failed write is taken for a full disk. */
const NEARLY_FULL_BYTES = 256 * 1024;

interface Diagnosis {
  problem: StorageProblem;
  /** For a folder that could not be created: why, naming the nearest folder that exists. */
  reason?: string;
}

/**
 * Looks at the folder itself when the error does not say enough: SQLite reports a read-only or
 * missing folder as CANTOPEN, Node's recursive mkdir reports a read-only parent as ENOENT, and
 * when a migration hits a full disk SQLite rolls back by itself and drizzle's own ROLLBACK then
 * fails, so the error that reaches us is "no transaction is active" and SQLITE_FULL is lost.
 */
function diagnoseDataFolder(folder: string, file?: string): Diagnosis | null {
  let stat;
  try {
    stat = statSync(folder);
  } catch {
    return { problem: 'missing-folder', reason: whyNotCreated(folder) };
  }
  if (!stat.isDirectory()) return { problem: 'not-a-folder' };
  const writable = errnoOf(() => accessSync(folder, constants.W_OK));
  if (writable === 'EROFS') return { problem: 'read-only' };
  if (writable) return { problem: 'no-permission' };
  try {
    const space = statfsSync(folder);
    if (space.bavail * space.bsize < NEARLY_FULL_BYTES) return { problem: 'full' };
  } catch {
    // No figures for this file system: go on with the other checks.
  }
  if (file) {
    const fileAccess = errnoOf(() => accessSync(file, constants.R_OK | constants.W_OK));
    if (fileAccess === 'EROFS') return { problem: 'read-only' };
    if (fileAccess && fileAccess !== 'ENOENT') return { problem: 'no-permission' };
  }
  return null;
}

/** Why a missing folder could not be made: the nearest existing ancestor is a file, read-only, or closed to us. */
function whyNotCreated(folder: string): string {
  let ancestor = dirname(folder);
  for (let i = 0; i < 64 && ancestor !== dirname(ancestor); i++, ancestor = dirname(ancestor)) {
    let stat;
    try {
      stat = statSync(ancestor);
    } catch {
      continue;
    }
    if (!stat.isDirectory()) return `${ancestor} is a file, not a folder`;
    const writable = errnoOf(() => accessSync(ancestor, constants.W_OK));
    if (writable === 'EROFS') return `${ancestor} is on a read-only disk`;
    if (writable) return `Marquee may not create folders in ${ancestor}`;
    return `${ancestor} would not take a new folder`;
  }
  return 'no part of that path exists';
}

function messageOf(error: CodedError | undefined): string {
  return typeof error?.message === 'string' ? error.message : String(error);
}

/** SQLite's own words for a damaged file ("database disk image is malformed"); never a path. */
function sqliteWords(error: CodedError | undefined): string {
  return codeOf(error ?? {}).startsWith('SQLITE_') ? messageOf(error) : 'it cannot be read';
}

function startSentence(problem: StorageProblem, folder: string, file: string, cause: CodedError | undefined, reason?: string): string {
  const again = 'then start Marquee again';
  switch (problem) {
    case 'full':
      return `The disk holding the data folder ${folder} is full, so ${file} could not be written: free some space on it, ${again}.`;
    case 'read-only':
      return `The data folder ${folder} is read-only, so ${file} cannot be written: make the folder writable (or choose another data folder), ${again}.`;
    case 'no-permission':
      return `Marquee may not write ${file} in the data folder ${folder}: give the user running Marquee read and write access to the folder (or choose another data folder), ${again}.`;
    case 'damaged':
      return `${file} in ${folder} is damaged (${sqliteWords(cause)}): restore it from a backup (move the damaged file aside first), ${again}.`;
    case 'not-a-database':
      return `${file} in ${folder} is not a box office database (${sqliteWords(cause)}; it is damaged or another kind of file): restore it from a backup (move this file aside first), ${again}.`;
    case 'moved':
      return `${file} in ${folder} was moved or deleted while it was open: put it back, ${again}.`;
    case 'cannot-open':
      return `${file} in ${folder} could not be opened: check that the folder exists and that Marquee may read and write it, ${again}.`;
    case 'disk-error':
      return `The disk holding ${folder} failed while reading or writing ${file} (${codeOf(cause ?? {})}): check the disk, ${again}.`;
    case 'missing-folder':
      return `The data folder ${folder} for ${file} does not exist and could not be created (${reason ?? messageOf(cause)}): create it or choose another data folder, ${again}.`;
    case 'not-a-folder':
      return `The data folder ${folder} is not a folder (a file is in the way), so ${file} cannot be kept there: choose another data folder or move that file, ${again}.`;
  }
}

/**
 * The error `openBoxOffice` throws when `file` (a full path) could not be opened, migrated or
 * written at start: always a MarqueeError whose sentence names the file and its folder. Failures
 * that are not about storage (a migration that does not apply) keep SQLite's words under INTERNAL.
 */
export function storageErrorAtStart(error: unknown, file: string): MarqueeError {
  if (isMarqueeError(error)) return error;
  const folder = dirname(file);
  const name = basename(file);
  const found = classify(error, true);
  let problem = found?.problem ?? null;
  let reason: string | undefined;
  // The codes are trusted where they are specific; elsewhere the folder itself tells us more.
  const vague = problem === null || problem === 'cannot-open' || problem === 'disk-error' || problem === 'missing-folder' || problem === 'no-permission' || problem === 'not-a-folder';
  if (vague) {
    const diagnosis = diagnoseDataFolder(folder, file);
    if (diagnosis) {
      problem = diagnosis.problem;
      reason = diagnosis.reason;
    }
  }
  const wrapped =
    problem === null
      ? new MarqueeError('INTERNAL', `${name} in ${folder} could not be opened: ${messageOf(chainOf(error).at(-1))}.`, { file: name })
      : new MarqueeError('STORAGE', startSentence(problem, folder, name, found?.error, reason), { file: name, problem });
  wrapped.cause = error;
  return wrapped;
}

/** What was not done, in the words of the procedure that failed. */
const NOTHING_DONE: Record<string, string> = {
  bookSeats: 'Nothing was sold.',
  reserveSeats: 'Nothing was reserved.',
  refundTickets: 'Nothing was refunded.',
  exchangeTickets: 'Nothing was exchanged.',
};

/**
 * The sentence for a window when a procedure hit a storage failure while running, or null when
 * the error is something else. SQLite rolls the transaction back, so nothing was half-written.
 * Only base names: a window must never learn the host's paths.
 */
export function storageErrorWhileRunning(error: unknown, procedure?: string): MarqueeError | null {
  if (isMarqueeError(error)) return null;
  const found = classify(error, false);
  if (!found) return null;
  const nothing = (procedure && NOTHING_DONE[procedure]) ?? 'Nothing was saved.';
  const file = typeof found.error.path === 'string' ? basename(found.error.path) : null;
  const writing = file ? ` (${file} could not be written)` : '';
  const sentence = (() => {
    switch (found.problem) {
      case 'full':
        return `The disk holding the box office data is full${writing}: free some space, then try again. ${nothing}`;
      case 'read-only':
        return `The box office data folder has become read-only: make it writable again and restart Marquee, then try again. ${nothing}`;
      case 'damaged':
      case 'not-a-database':
        return `The box office data (records.sqlite or station.sqlite) is damaged (${sqliteWords(found.error)}): stop selling and restart Marquee, which names the file to restore from a backup. ${nothing}`;
      case 'moved':
        return `A box office data file (records.sqlite or station.sqlite) was moved or deleted while Marquee was running: put it back and restart Marquee. ${nothing}`;
      case 'cannot-open':
        return `The box office data could not be opened: check that the data folder still exists and is writable, then restart Marquee. ${nothing}`;
      case 'disk-error':
        return `The disk holding the box office data failed (${codeOf(found.error)}): check the disk, then try again. ${nothing}`;
      default:
        return `The box office data could not be written: check the data folder, then try again. ${nothing}`;
    }
  })();
  const details: Record<string, unknown> = { problem: found.problem };
  if (file) details.file = file;
  const wrapped = new MarqueeError('STORAGE', sentence, details);
  wrapped.cause = error;
  return wrapped;
}

/**
 * The one line host mode (or the desktop's log) prints when the box office cannot start: the
 * sentence of a MarqueeError, or the error's message; never a stack trace.
 */
export function startFailureSentence(error: unknown, dataDir: string): string {
  if (isMarqueeError(error)) return error.message;
  const sentence = storageErrorAtStart(error, join(dataDir, 'records.sqlite'));
  return sentence.message;
}
