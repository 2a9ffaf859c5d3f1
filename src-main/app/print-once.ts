import { PrintOutcomeSchema } from '../../src-shared/contract/sales.ts';
import type { SalesEngine } from '../sales/engine.ts';
import type { Actor } from '../staff/actor.ts';
import type { PrintOutcome } from './print-documents.ts';
import { printsAtWindow } from './print-at-window.ts';

/**
 * Printing for requests that carry an idempotency key: the first try prints and notes what
 * printing did beside the recorded answer; a replay never prints again. Printing still under way
 * is kept by window and key, so a retry that overtakes the first try (its answer lost, the printer
 * slow) waits for that printing's outcome instead of guessing. One per running box office.
 */
export class PrintOnce {
  private readonly printing = new Map<string, Promise<PrintOutcome>>();

  constructor(private readonly engine: () => SalesEngine) {}

  /** Prints for a request the engine has just committed, and notes the outcome against its key. */
  async first(who: Actor, key: string | undefined, print: () => Promise<PrintOutcome>): Promise<PrintOutcome> {
    if (key === undefined) return print();
    const id = `${who.stationId}\n${key}`;
    const job = print();
    this.printing.set(id, job);
    try {
      const outcome = await job;
      this.engine().notePrint(who, key, outcome);
      return outcome;
    } finally {
      this.printing.delete(id);
    }
  }

  /** What printing did for a replayed request: as noted, as it turns out if still printing, or the sentence for "not known". */
  async before(who: Actor, key: string | undefined, noted: unknown, unknownWords: string): Promise<PrintOutcome> {
    const parsed = PrintOutcomeSchema.safeParse(noted);
    if (parsed.success) return parsed.data;
    const underWay = key === undefined ? undefined : this.printing.get(`${who.stationId}\n${key}`);
    return underWay ? await underWay : { printed: 'queued', jobSetId: null, problem: unknownWords };
  }

  /**
   * The whole rule for a committed answer: a replay answers what printing did the first time,
   * a first answer prints now.
   */
  async after(who: Actor, key: string | undefined, answer: object, unknownWords: string, print: () => Promise<PrintOutcome>): Promise<PrintOutcome> {
    const replay = this.engine().replayOf(answer);
    // A terminal asking again gets its documents again: it prints them once by its own journal (src-main/terminal/).
    if (replay) return printsAtWindow() ? print() : this.before(who, key, replay.print, unknownWords);
    return this.first(who, key, print);
  }
}
