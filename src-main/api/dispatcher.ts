import { MarqueeError, type AppError, type Result } from '../../src-shared/errors.ts';
import { describeIssues } from '../../src-shared/describe-issues.ts';
import {
  procedures,
  type Access,
  type OutputOf,
  type ParsedInputOf,
  type ProcedureName,
} from '../../src-shared/contract/index.ts';
import { storageErrorWhileRunning } from '../db/storage-errors.ts';
import { roleAtLeast } from '../staff/actor.ts';
import type { SessionActor, SessionStore } from '../staff/sessions.ts';

/**
 * Who is calling. The transport names the window from a credential it issued itself (host mode's
 * window token, the desktop's own station), never from an id the client sends; the session secret
 * says who is signed in there, and the dispatcher resolves it before anything else happens.
 */
export interface CallContext {
  transport: 'ipc' | 'http' | 'test';
  /** The window (station) making the call. */
  stationId: string;
  /** Where the call came from, for sign-in back-off: an IP address, 'ipc:<id>' or 'test'. */
  peer?: string;
  /** The session secret this window holds, or null. Sign-in sets it and sign-out clears it: the
   *  transport compares it after the call and carries a change back to its window. */
  sessionSecret: string | null;
  /** Who is signed in, filled in by the dispatcher. */
  actor?: SessionActor | null;
}

export type Handler<K extends ProcedureName> = (
  input: ParsedInputOf<K>,
  ctx: CallContext,
) => OutputOf<K> | Promise<OutputOf<K>>;

export type Handlers = { [K in ProcedureName]: Handler<K> };

/**
 * Whether answers are checked against the contract too: everywhere but production. The checks
 * catch a handler drifting from its contract in tests and development; a venue's host (the built
 * bundle runs with NODE_ENV=production) skips them on the hot path, where inputs are still checked.
 */
export function outputChecksWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production';
}

export interface DispatcherOptions {
  /** Check each answer against the contract too (tests and development; see outputChecksWanted). */
  checkOutput: boolean;
  /** Resolves session secrets; the transports use it too, to send events only to signed-in windows. */
  sessions: SessionStore;
  log?: (message: string, error: unknown) => void;
}

export interface Dispatcher {
  readonly channels: ReadonlyMap<string, ProcedureName>;
  readonly sessions: SessionStore;
  call(name: ProcedureName, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>>;
  callChannel(channel: string, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

function failure(error: AppError): Result<never> {
  return { ok: false, error };
}

const ROLE_WORDS = { cashier: 'a signed-in member of staff', manager: 'a manager', admin: 'an admin' } as const;

/**
 * The contract's declaration, enforced: null when the caller may go on, else the refusal. Runs
 * before the input is parsed, so nothing costly (scrypt, rendering, file reads) happens for a
 * caller who may not call.
 */
function refusal(access: Access, actor: SessionActor | null | undefined, sessions: SessionStore): AppError | null {
  if (access === 'public') return null;
  if (access === 'setup') {
    if (!sessions.hasStaff()) return null;
    access = 'admin';
  }
  if (!actor) return { code: 'UNAUTHENTICATED', message: 'Nobody is signed in at this window; sign in with your PIN first.' };
  if (roleAtLeast(actor.role, access)) return null;
  return { code: 'FORBIDDEN', message: `This needs ${ROLE_WORDS[access]}; ${actor.name} is signed in as a ${actor.role}.`, details: { needed: access } };
}

/**
 * The one registration helper: every transport calls procedures through it, so every input is
 * validated the same way and every failure leaves as `{code, message}`, never a stack trace.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions): Dispatcher {
  const log = options.log ?? ((message, error) => console.error(`[marquee] ${message}`, error));
  const channels = new Map<string, ProcedureName>();
  for (const name of Object.keys(procedures) as ProcedureName[]) {
    if (typeof handlers[name] !== 'function') throw new Error(`No handler registered for ${name}`);
    channels.set(procedures[name].channel, name);
  }

  async function call(name: ProcedureName, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>> {
    const def = Object.hasOwn(procedures, name) ? procedures[name] : undefined;
    if (!def) return failure({ code: 'NOT_FOUND', message: `There is no procedure called '${String(name)}'.` });
    try {
      ctx.actor = options.sessions.resolve(ctx.stationId, ctx.sessionSecret);
    } catch (error) {
      log(`${name}: the session could not be read`, error);
      const storage = storageErrorWhileRunning(error, name);
      if (storage) return failure(storage.toAppError());
      return failure({ code: 'INTERNAL', message: 'The box office could not check who is signed in; it has been logged.' });
    }
    const refused = refusal(def.access, ctx.actor, options.sessions);
    if (refused) return failure(refused);
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return failure({ code: 'BAD_INPUT', message: describeIssues(parsed.error) });
    }
    try {
      const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      if (options.checkOutput) {
        const checked = def.output.safeParse(value);
        if (!checked.success) {
          log(`${name} answered outside its contract: ${describeIssues(checked.error)}`, checked.error);
          return failure({ code: 'INTERNAL', message: `${name} gave an answer the screen cannot use.` });
        }
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof MarqueeError) return failure(error.toAppError());
      log(`${name} failed`, error);
      // A full disk or a damaged file is the venue's to fix: say so (SQLite rolled the change back).
      const storage = storageErrorWhileRunning(error, name);
      if (storage) return failure(storage.toAppError());
      return failure({ code: 'INTERNAL', message: `Something went wrong in ${name}; it has been logged.` });
    }
  }

  return {
    channels,
    sessions: options.sessions,
    call,
    callChannel(channel, rawInput, ctx) {
      const name = channels.get(channel);
      if (!name) return Promise.resolve(failure({ code: 'NOT_FOUND', message: `Unknown channel '${channel}'.` }));
      return call(name, rawInput, ctx);
    },
  };
}
