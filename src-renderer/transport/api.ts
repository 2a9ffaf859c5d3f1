import type { InputOf, OutputOf, ProcedureName, MarqueeBridge } from '../../src-shared/contract/index.ts';
import { MarqueeError, type Result } from '../../src-shared/errors.ts';
import { pickTransport } from './pick-transport.ts';

const picked = pickTransport();

export const bridge: MarqueeBridge = picked.bridge;
export const transportKind = picked.transport;

/** Screens call procedures through this: a failed Result becomes a MarqueeError with its message. */
export async function call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  // Each method's type is tied to its own name; one call site for all of them needs the union cast.
  const method = bridge[name] as unknown as (input: InputOf<K>) => Promise<Result<OutputOf<K>>>;
  const result = await method(input);
  if (!result.ok) throw new MarqueeError(result.error.code, result.error.message, result.error.details);
  return result.value as OutputOf<K>;
}
