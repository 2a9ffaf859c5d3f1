import type { z } from 'zod';

/**
 * Who may call a procedure, declared once beside its shapes and enforced by the one dispatcher
 * before any input is parsed or any handler runs:
 * - `public`: what the sign-in screen needs (station name, staff names, sign-in itself);
 * - `setup`: anyone while the installation has no staff at all (first start), otherwise an admin;
 * - `cashier`, `manager`, `admin`: a signed-in member holding at least that role.
 * The field is required, so a procedure added without a declaration does not compile.
 */
export type Access = 'public' | 'setup' | 'cashier' | 'manager' | 'admin';

/** Who may receive an event: only signed-in windows, and only at or above this role. */
export type EventAccess = 'cashier' | 'manager' | 'admin';

export const ACCESS_LEVELS: readonly Access[] = ['public', 'setup', 'cashier', 'manager', 'admin'];

/** One request/response procedure: the channel it travels on and the shapes of both ends. */
export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly channel: string;
  readonly access: Access;
  readonly input: I;
  readonly output: O;
  readonly summary: string;
}

/** One event the core pushes to every open screen. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly channel: string;
  readonly access: EventAccess;
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
  // The type already demands it; this catches a declaration lost through a cast or plain JS.
  if (!ACCESS_LEVELS.includes(def.access)) {
    throw new Error(`Procedure channel '${def.channel}' must declare who may call it (access).`);
  }
  return def;
}

export function defineEvent<P extends z.ZodType>(def: EventDef<P>): EventDef<P> {
  if (!def.channel.startsWith(EVENT_PREFIX)) {
    throw new Error(`Event channel '${def.channel}' must start with '${EVENT_PREFIX}'`);
  }
  return def;
}
