import type { RunningBoxOffice } from '../app/compose.ts';
import type { WindowServing } from '../app/serve-windows.ts';
import { SessionStore } from '../staff/sessions.ts';
import { SignInThrottle } from '../staff/sign-in-throttle.ts';
import { createDispatcher, type Dispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers/index.ts';

/**
 * The box office's whole contract, ready for a transport to serve, over the running box office
 * (app/compose.ts): every window this dispatcher serves shares its one engine, print service and sync.
 */
export function createApi(boxOffice: RunningBoxOffice, options: { checkOutput: boolean; windowServing?: WindowServing | null }): Dispatcher {
  const { office } = boxOffice;
  const sessions = new SessionStore(office.records, office.clock);
  // One per box office, shared by every handler that checks a PIN or clears a pause.
  const throttle = new SignInThrottle(office.clock);
  const { windowServing = null, ...dispatcherOptions } = options;
  return createDispatcher(createHandlers(boxOffice, sessions, throttle, windowServing), { ...dispatcherOptions, sessions });
}
