import type { z } from 'zod';
import { MarqueeError, type AppError, type Result } from '../../src-shared/errors.ts';
import {
  procedures,
  type OutputOf,
  type ParsedInputOf,
  type ProcedureName,
} from '../../src-shared/contract/index.ts';

/** Who is calling: the station (box-office window) and, once signed in, the staff session. */
export interface CallContext {
  transport: 'ipc' | 'http' | 'test';
  stationId: string | null;
  sessionToken: string | null;
}

export type Handler<K extends ProcedureName> = (
  input: ParsedInputOf<K>,
  ctx: CallContext,
) => OutputOf<K> | Promise<OutputOf<K>>;

export type Handlers = { [K in ProcedureName]: Handler<K> };

export interface DispatcherOptions {
  /** Check each answer against the contract too (tests and development). */
  checkOutput: boolean;
  log?: (message: string, error: unknown) => void;
}

export interface Dispatcher {
  readonly channels: ReadonlyMap<string, ProcedureName>;
  call(name: ProcedureName, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>>;
  callChannel(channel: string, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

/** Turns zod's issues into one sentence that names the field: "performanceId: must be an id". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function failure(error: AppError): Result<never> {
  return { ok: false, error };
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
    const def = procedures[name];
    if (!def) return failure({ code: 'NOT_FOUND', message: `There is no procedure called '${String(name)}'.` });
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return failure({ code: 'BAD_INPUT', message: `Invalid request to ${name}: ${describeIssues(parsed.error)}` });
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
      return failure({ code: 'INTERNAL', message: `Something went wrong in ${name}; it has been logged.` });
    }
  }

  return {
    channels,
    call,
    callChannel(channel, rawInput, ctx) {
      const name = channels.get(channel);
      if (!name) return Promise.resolve(failure({ code: 'NOT_FOUND', message: `Unknown channel '${channel}'.` }));
      return call(name, rawInput, ctx);
    },
  };
}
