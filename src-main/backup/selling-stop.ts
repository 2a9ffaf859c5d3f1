import type Database from 'better-sqlite3';
import { MarqueeError, type ErrorCode } from '../../src-shared/errors.ts';

/**
 * Stops every write to the records database with a sentence, whatever code path makes it (a sale,
 * a refund, the sweeper, a manager's edit): while stopped, a TEMP trigger on every table calls a
 * function that throws a MarqueeError, so the statement fails, its transaction rolls back and the
 * window gets the sentence. TEMP triggers live only on this connection and change no file, so
 * they work on a file that has been deleted under us. The sign-in, window and station tables stay
 * writable: a manager must still be able to sign in and restore.
 */

const ALWAYS_WRITABLE = new Set(['staff_sessions', 'paired_windows', 'stations']);
const FUNCTION = 'marquee_selling_stopped';

export class SellingStop {
  private reason: { code: ErrorCode; sentence: string } | null = null;
  private triggers: string[] = [];

  constructor(private readonly db: Database.Database) {
    db.function(FUNCTION, { deterministic: false }, () => {
      if (this.reason) throw new MarqueeError(this.reason.code, this.reason.sentence, { sellingStopped: true });
      return 0;
    });
  }

  get stopped(): boolean {
    return this.reason !== null;
  }

  get sentence(): string | null {
    return this.reason?.sentence ?? null;
  }

  stop(code: ErrorCode, sentence: string): void {
    this.reason = { code, sentence };
    if (this.triggers.length || !this.db.open) return;
    const tables = this.db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    for (const table of tables) {
      if (ALWAYS_WRITABLE.has(table)) continue;
      for (const action of ['INSERT', 'UPDATE', 'DELETE']) {
        const name = `marquee_stop_${table}_${action.toLowerCase()}`;
        this.db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS "${name}" BEFORE ${action} ON main."${table}" BEGIN SELECT ${FUNCTION}(); END`);
        this.triggers.push(name);
      }
    }
  }

  resume(): void {
    this.reason = null;
    if (!this.db.open) return;
    for (const name of this.triggers) this.db.exec(`DROP TRIGGER IF EXISTS temp."${name}"`);
    this.triggers = [];
  }
}
