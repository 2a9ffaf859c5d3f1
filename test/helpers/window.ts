import type { CallContext, Dispatcher } from '../../src-main/api/dispatcher.ts';
import type { InputOf, OutputOf, ProcedureName } from '../../src-shared/contract/index.ts';
import { MarqueeError, type AppError, type Result } from '../../src-shared/errors.ts';

/**
 * One box-office window driving the contract through the real dispatcher, as a transport would:
 * its own call context, kept for the window's life, so the session secret a sign-in issues is
 * presented on every later call. The one way tests drive a window in process.
 */
export interface TestWindow {
  readonly ctx: CallContext;
  readonly stationId: string;
  /** The raw Result, for tests about refusals. */
  result<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<Result<OutputOf<K>>>;
  /** The value, or the refusal as a MarqueeError with the answer's code, message and details. */
  call<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** The error of a call expected to fail. */
  fail<K extends ProcedureName>(name: K, input: InputOf<K>): Promise<AppError>;
  signIn(staffId: string, pin: string): Promise<OutputOf<'signIn'>>;
}

let windows = 0;

export function openWindow(api: Dispatcher, stationId = `test-window-${++windows}`, peer = stationId): TestWindow {
  const ctx: CallContext = { transport: 'test', stationId, peer, sessionSecret: null };
  const result = <K extends ProcedureName>(name: K, input: InputOf<K>) => api.call(name, input, ctx) as Promise<Result<OutputOf<K>>>;
  const call = async <K extends ProcedureName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const r = await result(name, input);
    if (!r.ok) throw new MarqueeError(r.error.code, r.error.message, r.error.details);
    return r.value;
  };
  return {
    ctx,
    stationId,
    result,
    call,
    async fail(name, input) {
      const r = await result(name, input);
      if (r.ok) throw new Error(`${name} was expected to fail but answered`);
      return r.error;
    },
    signIn: (staffId, pin) => call('signIn', { staffId, pin }),
  };
}
