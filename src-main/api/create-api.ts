import type { BoxOffice } from '../core/box-office.ts';
import { createDispatcher, type Dispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers/index.ts';

/** The box office's whole contract, ready for a transport to serve. */
export function createApi(office: BoxOffice, options: { checkOutput: boolean }): Dispatcher {
  return createDispatcher(createHandlers(office), options);
}
