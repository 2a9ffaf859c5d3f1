import { procedureNames, type MarqueeBridge } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/errors.ts';
import { watchHost, type HostConnection } from '../../src-shared/host-connection.ts';
import type { HostLink } from '../../src-shared/http-bridge.ts';

/** Host mode: one watch of the host for the whole window (the band reads it). Null on the desktop, whose core is in-process. */
export function startHostWatch(link: HostLink | null): HostConnection | null {
  return link ? watchHost({ baseUrl: window.location.origin, link }) : null;
}

function keyOf(input: unknown): string | null {
  const key = typeof input === 'object' && input !== null ? (input as { idempotencyKey?: unknown }).idempotencyKey : undefined;
  return typeof key === 'string' ? key : null;
}

/**
 * A sale-changing request (one with an idempotency key) is tried once; asked again under the same
 * key while the host is known to be away, it waits until the host answers and then goes. The Sell
 * screen's own retries (cashier/sale-requests.ts) therefore never run out while the host is down:
 * the first try fails fast and shows "checking…", the next waits here, and the host either answers the sale
 * it already made or makes it now, never a second one (docs/cashier.md, "When the host goes away").
 * While the host answers nothing changes, and every call without a key fails at once as before.
 */
export function resendWhenBack(inner: MarqueeBridge, watch: HostConnection | null): MarqueeBridge {
  if (!watch) return inner;
  const wrapped: Record<string, unknown> = { on: inner.on.bind(inner) };
  // Keys already sent once: only a repeat waits, so the first try still shows the screen's "checking…".
  const tried = new Set<string>();
  for (const name of procedureNames) {
    const send = inner[name] as unknown as (input: unknown) => Promise<Result<unknown>>;
    wrapped[name] = async (input: unknown) => {
      const key = keyOf(input);
      if (key === null) return send.call(inner, input);
      if (tried.has(key)) await watch.whenReachable();
      tried.add(key);
      const result = await send.call(inner, input);
      if (result.ok || result.error.code !== 'HOST_UNREACHABLE') tried.delete(key);
      return result;
    };
  }
  return wrapped as MarqueeBridge;
}
