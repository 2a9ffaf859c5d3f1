import type { z } from 'zod';

/** One request/response procedure: the channel it travels on and the shapes of both ends. */
export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly channel: string;
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

/** One event the core pushes to every open screen. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly channel: string;
  readonly payload: P;
  readonly summary: string;
}

/** Channels carry a fixed prefix so that the preload and the host can refuse anything else. */
export const CHANNEL_PREFIX = 'bo:';
export const EVENT_PREFIX = 'bo-event:';

export function defineProcedure<I extends z.ZodType, O extends z.ZodType>(
  def: ProcedureDef<I, O>,
): ProcedureDef<I, O> {
  if (!def.channel.startsWith(CHANNEL_PREFIX)) {
    throw new Error(`Procedure channel '${def.channel}' must start with '${CHANNEL_PREFIX}'`);
  }
  return def;
}

export function defineEvent<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  if (!def.channel.startsWith(EVENT_PREFIX)) {
    throw new Error(`Event channel '${def.channel}' must start with '${EVENT_PREFIX}'`);
  }
  return def;
}
