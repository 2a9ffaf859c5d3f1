import { events, type EventName } from '../../src-shared/contract/index.ts';
import { roleAtLeast } from '../staff/actor.ts';
import type { SessionStore } from '../staff/sessions.ts';

/**
 * Whether a window may receive an event: only signed-in windows, and only events its member's
 * role may read (the contract's declaration). Both transports ask this before every push.
 */
export function mayReceive(sessions: SessionStore, stationId: string, sessionSecret: string | null, event: EventName): boolean {
  const actor = sessions.resolve(stationId, sessionSecret, { touch: false });
  return actor !== null && roleAtLeast(actor.role, events[event].access);
}
