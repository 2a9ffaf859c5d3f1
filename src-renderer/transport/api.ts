import { procedureNames, type InputOf, type OutputOf, type ProcedureName, type MarqueeBridge } from '../../src-shared/contract/index.ts';
import { MarqueeError, type Result } from '../../src-shared/errors.ts';
import { resendWhenBack, startHostWatch } from './host-watch.ts';
import { pickTransport } from './pick-transport.ts';

const picked = pickTransport();
/** Host mode: whether the host answers, for the band (shell/HostUnreachable.tsx); null on the desktop. */
export const hostWatch = startHostWatch(picked.link);

const refusedListeners = new Set<() => void>();

/**
 * Called whenever the core answers UNAUTHENTICATED to a call from this window: its session may
 * have ended (idle time-out, a manager ended it, the member was disabled). The shell (useSession)
 * listens once and asks who is signed in here, so no screen has to handle it. A wrong PIN
 * (a manager's approval typed wrong) answers UNAUTHENTICATED too, which is why the listener asks
 * rather than assumes.
 */
export function onSessionRefused(listener: () => void): () => void {
  refusedListeners.add(listener);
  return () => refusedListeners.delete(listener);
}

/**
 * The transport's bridge with every procedure watched for UNAUTHENTICATED: wrapping the bridge,
 * not `call`, also covers screens that send through it directly (the sale requests). The sign-in
 * screen's own wrong PIN is its business, not a sign that a session ended.
 */
function watchRefusals(inner: MarqueeBridge): MarqueeBridge {
  const watched: Record<string, unknown> = { on: inner.on.bind(inner) };
  for (const name of procedureNames) {
    const send = inner[name] as unknown as (input: unknown) => Promise<Result<unknown>>;
    watched[name] = async (input: unknown) => {
      const result = await send.call(inner, input);
      if (!result.ok && result.error.code === 'UNAUTHENTICATED' && name !== 'signIn') {
        for (const listener of refusedListeners) listener();
      }
      return result;
    };
  }
  return watched as MarqueeBridge;
}

export const bridge: MarqueeBridge = watchRefusals(resendWhenBack(picked.bridge, hostWatch));
export const transportKind = picked.transport;
/**
 * Host mode: this window's pairing with the host (phase, code to show, subscribe, refresh), for
 * the pairing screen; null on the desktop. Until paired, every call fails with NOT_PAIRED and
 * `details.reason` ('pending' carries `details.pairingCode`).
 */
export const pairing = picked.pairing;

/** Screens call procedures through this: a failed Result becomes a MarqueeError with its message. */
export async function call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  // Each method's type is tied to its own name; one call site for all of them needs the union cast.
  const method = bridge[name] as unknown as (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
  const result = await method(input);
  if (!result.ok) throw new MarqueeError(result.error.code, result.error.message, result.error.details);
  return result.value as OutputOf<K>;
}
