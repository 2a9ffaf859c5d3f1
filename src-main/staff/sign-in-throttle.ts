import { MarqueeError } from '../../src-shared/errors.ts';
import type { Clock } from '../core/clock.ts';

/** Where a PIN was typed: the window (station), and the address or IPC sender it came through. */
export interface PinSource {
  stationId: string;
  peer: string;
}

/** Wrong PINs from one place before any wait: a cashier mistyping twice should not notice us. */
const FREE_WRONG_PINS = 3;
/** The wait after the first wrong PIN past the free ones; it doubles with each further one. */
const FIRST_WAIT_MS = 1_000;
/** From this many wrong PINs on, each further one pauses the place for PAUSE_MS. */
export const PAUSE_AFTER = 10;
const PAUSE_MS = 5 * 60_000;
/**
 * Wrong PINs are forgotten after this long without another. A right PIN forgets nothing: else a
 * cashier could type their own PIN between guesses at a manager's and never be slowed down.
 */
const FORGET_AFTER_MS = 15 * 60_000;
/** How many places are remembered; past it the one whose last wrong PIN is oldest is dropped. */
const MAX_PLACES = 4_096;
/** Addresses remembered per window, so that clearing a window's pause clears theirs too. */
const ADDRESSES_PER_WINDOW = 8;

interface Place {
  wrong: number;
  lastWrongAt: number;
  /** No PIN from here is checked before this instant. */
  notBefore: number;
  /** PINs from here being checked right now. */
  checking: number;
  /** For a window: the addresses its wrong PINs came through. */
  addresses: Set<string>;
}

export interface WrongPinOutcome {
  /** How long this place must now wait before the next PIN (0: not at all). */
  waitMs: number;
  /** Whether that wait is the long pause rather than the growing delay. */
  paused: boolean;
}

/** One PIN check under way: report a wrong PIN, and always say when it is over. */
export interface PinAttempt {
  wrong(): WrongPinOutcome;
  done(): void;
}

const windowKey = (stationId: string) => `window:${stationId}`;
const addressKey = (peer: string) => `address:${peer}`;

/** The wait after `wrong` wrong PINs in a row from one place. */
export function waitAfter(wrong: number): number {
  if (wrong < FREE_WRONG_PINS) return 0;
  if (wrong >= PAUSE_AFTER) return PAUSE_MS;
  return FIRST_WAIT_MS * 2 ** (wrong - FREE_WRONG_PINS);
}

function spell(ms: number): string {
  if (ms < 120_000) {
    const s = Math.max(1, Math.ceil(ms / 1_000));
    return `${s} second${s === 1 ? '' : 's'}`;
  }
  const m = Math.ceil(ms / 60_000);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

/**
 * Wrong PINs slow down the place they come from — the window and the address sending them — never
 * the member they were typed for: someone guessing at one window cannot lock a manager out of
 * every other. Checked before any scrypt runs, so a refused guess costs nothing. In memory only:
 * a restart forgets the waits, which costs a guesser a restart of the box office per ten guesses.
 */
export class SignInThrottle {
  private readonly places = new Map<string, Place>();

  constructor(private readonly clock: Clock) {}

  /**
   * Starts checking a PIN from `source`, or refuses with SLOW_DOWN saying how long to wait. While
   * checks are under way each counts as a possible wrong PIN, so a burst of simultaneous guesses
   * gets no more tries than the free ones.
   */
  begin(source: PinSource): PinAttempt {
    const now = this.clock.now();
    const keys = [windowKey(source.stationId), addressKey(source.peer)];
    const places = keys.map((key) => this.places.get(key)).filter((p): p is Place => p !== undefined);
    for (const place of places) this.forgetIfStale(place, now);
    const waitMs = Math.max(0, ...places.map((p) => p.notBefore - now));
    if (waitMs > 0) {
      const paused = places.some((p) => p.notBefore - now === waitMs && p.wrong >= PAUSE_AFTER);
      throw new MarqueeError(
        'SLOW_DOWN',
        paused
          ? `Too many wrong PINs have been typed here: signing in is paused for ${spell(waitMs)}. A manager can lift the pause from their own window.`
          : `Too many wrong PINs have been typed here: wait ${spell(waitMs)} before the next try.`,
        { retryAfterMs: waitMs, paused },
      );
    }
    if (places.some((p) => p.checking > 0 && p.checking >= FREE_WRONG_PINS - p.wrong)) {
      throw new MarqueeError('SLOW_DOWN', 'A PIN typed here is still being checked; try again in a moment.', { retryAfterMs: 1_000, paused: false });
    }
    // Each is marked as checking as soon as it is found, so making room for the next never drops it.
    const held = keys.map((key) => {
      const place = this.placeFor(key, now);
      place.checking++;
      return place;
    });
    let over = false;
    return {
      wrong: () => {
        const at = this.clock.now();
        let outcome: WrongPinOutcome = { waitMs: 0, paused: false };
        for (const [i, key] of keys.entries()) {
          const place = held[i]!;
          this.forgetIfStale(place, at);
          place.wrong++;
          place.lastWrongAt = at;
          place.notBefore = at + waitAfter(place.wrong);
          if (i === 0) remember(place.addresses, source.peer);
          // Re-inserted so that the map's order is the order of last wrong PINs (oldest first).
          this.places.delete(key);
          this.places.set(key, place);
          const wait = waitAfter(place.wrong);
          if (wait > outcome.waitMs) outcome = { waitMs: wait, paused: place.wrong >= PAUSE_AFTER };
        }
        return outcome;
      },
      done: () => {
        if (over) return;
        over = true;
        for (const [i, key] of keys.entries()) {
          const place = held[i]!;
          place.checking--;
          if (place.checking === 0 && place.wrong === 0 && this.places.get(key) === place) this.places.delete(key);
        }
      },
    };
  }

  /**
   * Lifts the waits of one window (and of the addresses its wrong PINs came through), or of every
   * place when no window is named. Returns how many places had a wait or wrong PINs to forget.
   */
  clear(stationId?: string): number {
    if (stationId === undefined) {
      let n = 0;
      for (const [key, place] of [...this.places]) n += this.forget(key, place);
      return n;
    }
    const place = this.places.get(windowKey(stationId));
    if (!place) return 0;
    let n = this.forget(windowKey(stationId), place);
    for (const peer of place.addresses) {
      const key = addressKey(peer);
      const address = this.places.get(key);
      if (address) n += this.forget(key, address);
    }
    place.addresses.clear();
    return n;
  }

  /** How many places are remembered (for the test that the memory stays bounded). */
  get size(): number {
    return this.places.size;
  }

  private forget(key: string, place: Place): number {
    const had = place.wrong > 0 ? 1 : 0;
    place.wrong = 0;
    place.notBefore = 0;
    // A check under way still holds its place, and says when it is over.
    if (place.checking === 0) this.places.delete(key);
    return had;
  }

  private forgetIfStale(place: Place, now: number): void {
    if (place.wrong > 0 && now - place.lastWrongAt > FORGET_AFTER_MS && now >= place.notBefore) {
      place.wrong = 0;
      place.notBefore = 0;
    }
  }

  private placeFor(key: string, now: number): Place {
    const known = this.places.get(key);
    if (known) return known;
    if (this.places.size >= MAX_PLACES) this.makeRoom(now);
    const place: Place = { wrong: 0, lastWrongAt: now, notBefore: 0, checking: 0, addresses: new Set() };
    this.places.set(key, place);
    return place;
  }

  /**
   * Drops forgotten places, then if still full the one whose last wrong PIN is oldest (the map's
   * first): a flood of new addresses may shorten an old wait, but never grows the memory.
   */
  private makeRoom(now: number): void {
    for (const [key, place] of this.places) {
      this.forgetIfStale(place, now);
      if (place.wrong === 0 && place.checking === 0) this.places.delete(key);
    }
    if (this.places.size < MAX_PLACES) return;
    for (const [key, place] of this.places) {
      if (place.checking > 0) continue;
      this.places.delete(key);
      return;
    }
  }
}

function remember(addresses: Set<string>, peer: string): void {
  addresses.delete(peer);
  addresses.add(peer);
  if (addresses.size > ADDRESSES_PER_WINDOW) addresses.delete(addresses.values().next().value as string);
}
