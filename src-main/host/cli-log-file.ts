import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { format } from 'node:util';

export interface LogFileOptions {
  /** Rotate once the file would grow past this many bytes. */
  maxBytes: number;
  /** Older files kept beside it (FILE.1 newest … FILE.N oldest); older ones are deleted. */
  keep: number;
}

/**
 * Host mode's log file, rotated by size, reopened on demand (SIGHUP, after an outside tool such as
 * logrotate moved it). Small and written here rather than taken from a library because every line
 * is written synchronously: a host that exits (a signal, a failed start) loses nothing still
 * buffered, and rotation happens between two lines, never inside one. The host logs little (its
 * start, refusals it could not answer, failures), so synchronous writes cost nothing on sales.
 */
export class LogFile {
  private fd: number;
  private size: number;

  constructor(
    readonly path: string,
    private readonly options: LogFileOptions,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
    this.size = fstatSync(this.fd).size;
  }

  /** One line, time-stamped. */
  write(line: string): void {
    const text = `${new Date().toISOString()} ${line}\n`;
    const bytes = Buffer.byteLength(text);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    writeSync(this.fd, text);
    this.size += bytes;
  }

  /** Closes and opens the path again: the file an outside tool moved away is left to it. */
  reopen(): void {
    closeSync(this.fd);
    this.fd = openSync(this.path, 'a');
    this.size = fstatSync(this.fd).size;
  }

  close(): void {
    closeSync(this.fd);
  }

  private rotate(): void {
    closeSync(this.fd);
    rmSync(`${this.path}.${this.options.keep}`, { force: true });
    for (let n = this.options.keep - 1; n >= 1; n--) {
      if (existsSync(`${this.path}.${n}`)) renameSync(`${this.path}.${n}`, `${this.path}.${n + 1}`);
    }
    if (this.options.keep > 0) renameSync(this.path, `${this.path}.1`);
    else rmSync(this.path, { force: true });
    this.fd = openSync(this.path, 'a');
    this.size = 0;
  }
}

/**
 * From here on everything the process says through console (the CLI's own lines, the dispatcher's
 * and print queue's failures) goes to the log file instead of the terminal: a service has none.
 */
export function sendConsoleTo(log: LogFile): void {
  const to = (level: string) => (...args: unknown[]) => log.write(`${level} ${format(...args)}`);
  console.log = to('info');
  console.info = to('info');
  console.warn = to('warn');
  console.error = to('error');
  console.debug = to('debug');
}
