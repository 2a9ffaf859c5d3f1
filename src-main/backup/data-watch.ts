import { statSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * Notices a database file deleted, moved or swapped for another under a running box office. An
 * open SQLite connection keeps writing to the file it opened even after it was unlinked, so sales
 * would go on into a file nobody will ever open again; the watch compares the path's file identity
 * (device and inode) with the one opened, every second.
 */
export type FileState = 'ok' | 'missing' | 'replaced';

export interface WatchedFile {
  file: string;
  state: FileState;
}

function identityOf(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

export class DataFileWatch {
  private readonly opened = new Map<string, string | null>();

  constructor(files: readonly string[]) {
    for (const file of files) this.opened.set(file, identityOf(file));
  }

  /** Every watched file's state now. */
  check(): WatchedFile[] {
    return [...this.opened].map(([file, identity]) => {
      const now = identityOf(file);
      return { file, state: now === null ? 'missing' : now === identity ? 'ok' : 'replaced' };
    });
  }
}

/** The sentence a window shows for a file that went, by base name only (a window never learns the host's paths). */
export function lostFileSentence(watched: WatchedFile): string {
  const name = basename(watched.file);
  return watched.state === 'missing'
    ? `Selling has stopped: the box office data file ${name} was deleted or moved while Marquee was running. Put it back, or restore the latest backup from Manage → Backups. Nothing more was sold.`
    : `Selling has stopped: the box office data file ${name} was replaced by another file while Marquee was running. Restart Marquee, or restore the latest backup from Manage → Backups. Nothing more was sold.`;
}
