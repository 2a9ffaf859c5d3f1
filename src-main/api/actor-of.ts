import { MarqueeError } from '../../src-shared/errors.ts';
import type { SessionActor } from '../staff/sessions.ts';
import type { CallContext } from './dispatcher.ts';

/**
 * The signed-in member making this call, as the dispatcher resolved it from the session secret.
 * The contract's access declaration has already been enforced; this only hands the actor over.
 */
export function actorOf(ctx: CallContext): SessionActor {
  if (!ctx.actor) throw new MarqueeError('UNAUTHENTICATED', 'Nobody is signed in at this window; sign in with your PIN first.');
  return ctx.actor;
}
