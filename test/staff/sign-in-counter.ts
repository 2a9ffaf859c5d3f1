import { ManualClock } from '../../src-main/core/clock.ts';
import { openCounter } from '../helpers/counter.ts';

/**
 * Where the sign-in tests start: a box office with its staff and nobody signed in, on a clock that
 * moves only when told (09:00 UTC, 22 November 2026), so waits and time-outs are reached at once.
 */
export async function openSignInCounter() {
  const clock = new ManualClock(Date.UTC(2026, 10, 22, 9));
  const counter = await openCounter({ boxOffice: { clock }, signedIn: null });
  return { clock, people: counter.people, api: counter.api, temp: counter.temp! };
}
