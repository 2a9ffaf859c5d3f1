import type { CallContext, Dispatcher } from '../../src-main/api/dispatcher.ts';
import type { InputOf, OutputOf, ProcedureName } from '../../src-shared/contract/index.ts';
import { MarqueeError, type AppError, type Result } from '../../src-shared/errors.ts';

/** One procedure's raw answer, however the window reaches the host (in process or over HTTP). */
export type RawCall = <K extends ProcedureName>(name: K, input: InputOf<K>) => Promise<Result<OutputOf<K>>>;

/** What a test does with a window's contract: the raw answer, the value, or the refusal. */
export interface ContractCalls {
  /** The raw Result, for tests about refusals. */
  result: RawCall;
  /** The value, or the refusal as a MarqueeError with the answer's code, message and details. */
  call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** The error of a call expected to fail. */
  fail<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<AppError>;
}

/** The one unwrapper of contract answers: every test window (in process, HTTP, e2e) is built on it. */
export function contractCalls(result: RawCall): ContractCalls {
  return {
    result,
    async call(name, input) {
      const r = await result(name, input);
      if (!r.ok) throw new MarqueeError(r.error.code, r.error.message, r.error.details);
      return r.value;
    },
    async fail(name, input) {
      const r = await result(name, input);
      if (r.ok) throw new Error(`${name} was expected to fail but answered`);
      return r.error;
    },
  };
}

/** The raw call of a bridge (the preload's or the HTTP one), whose methods are named after the procedures. */
export function bridgeCall(bridge: object): RawCall {
  return (name, input) => (bridge as Record<string, (input: unknown) => Promise<Result<never>>>)[name]!(input);
}

/**
 * One box-office window driving the contract through the real dispatcher, as a transport would:
 * its own call context, kept for the window's life, so the session secret a sign-in issues is
 * presented on every later call. The one way tests drive a window in process.
 */
export interface TestWindow extends ContractCalls {
  readonly ctx: CallContext;
  readonly stationId: string;
  signIn(staffId: string, pin: string): Promise<OutputOf<'signIn'>>;
}

let windows = 0;

export function openWindow(api: Dispatcher, stationId = `test-window-${++windows}`, peer = stationId): TestWindow {
  const ctx: CallContext = { transport: 'test', stationId, peer, sessionSecret: null };
  const calls = contractCalls((name, input) => api.call(name, input, ctx) as Promise<Result<OutputOf<typeof name>>>);
  return { ...calls, ctx, stationId, signIn: (staffId, pin) => calls.call('signIn', { staffId, pin }) };
}
