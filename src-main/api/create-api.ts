import type { BoxOffice } from '../core/box-office.ts';
import { SessionStore } from '../staff/sessions.ts';
import { SignInThrottle } from '../staff/sign-in-throttle.ts';
import { createDispatcher, type Dispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers/index.ts';

/** The box office's whole contract, ready for a transport to serve. */
export function createApi(office: BoxOffice, options: { checkOutput: boolean }): Dispatcher {
  const sessions = new SessionStore(office.records, office.clock);
  // One per box office, shared by every handler that checks a PIN or clears a pause.
  const throttle = new SignInThrottle(office.clock);
  return createDispatcher(createHandlers(office, sessions, throttle), { ...options, sessions });
}
