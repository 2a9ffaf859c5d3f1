import type { ProcedureName } from '../../src-shared/contract/index.ts';
import type { Result } from '../../src-shared/errors.ts';
import type { RunningBoxOffice } from '../app/compose.ts';
import type { WindowServing } from '../app/serve-windows.ts';
import { TrainingDesk, type TrainingDeskOptions } from '../app/training-office.ts';
import { verifyTicketCode } from '../sales/ticket-code.ts';
import { SessionStore } from '../staff/sessions.ts';
import { SignInThrottle } from '../staff/sign-in-throttle.ts';
import { createDispatcher, type CallContext, type Dispatcher } from './dispatcher.ts';
import { createHandlers } from './handlers/index.ts';
import { trainingHandlers } from './handlers/training.ts';

/** What a training window may not do: its backups and restores would be of the training records, which nobody needs. */
const LIVE_ONLY = new Set<ProcedureName>(['backupNow', 'previewRestore', 'restoreBackup', 'restoreAtStartup', 'saveBackupSettings']);

const TRAINING_TICKET = 'This is a TRAINING ticket, printed by a window in training mode: it is not valid for entry.';

export interface WindowApi extends Dispatcher {
  readonly training: TrainingDesk;
  /** Closes the training box office (the live one is the shell's to stop). */
  close(): Promise<void>;
}

function apiOver(boxOffice: RunningBoxOffice, desk: TrainingDesk, checkOutput: boolean, windowServing: WindowServing | null = null): Dispatcher {
  const { office } = boxOffice;
  const sessions = new SessionStore(office.records, office.clock);
  const throttle = new SignInThrottle(office.clock);
  return createDispatcher({ ...createHandlers(boxOffice, sessions, throttle, windowServing), ...trainingHandlers(desk) }, { checkOutput, sessions });
}

/**
 * Host mode's contract with training mode: every call goes to the live box office's dispatcher,
 * or, for a window the host has put in training (live station data, read on every call), to the
 * training box office's own dispatcher over its own records and sessions. The live database is
 * therefore never touched by a training window's call, not even to note that its session was seen.
 * Live check-in names a training ticket for what it is.
 */
export function createWindowApi(
  live: RunningBoxOffice,
  options: { checkOutput: boolean; training?: TrainingDeskOptions; windowServing?: WindowServing | null },
): WindowApi {
  const desk = new TrainingDesk(live, options.training);
  // Only the live box office serves other windows; a training desk never does.
  const liveApi = apiOver(live, desk, options.checkOutput, options.windowServing ?? null);
  let trainingApi: { running: RunningBoxOffice; dispatcher: Dispatcher } | null = null;
  const trainingDispatcher = (stationId: string): Dispatcher => {
    const running = desk.for(stationId);
    // A reset opens a new training office: its dispatcher (and sessions) go with it.
    if (trainingApi?.running !== running) trainingApi = { running, dispatcher: apiOver(running, desk, options.checkOutput) };
    return trainingApi.dispatcher;
  };

  async function call(name: ProcedureName, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>> {
    if (desk.trains(ctx.stationId)) {
      if (LIVE_ONLY.has(name)) return { ok: false, error: { code: 'FORBIDDEN', message: 'This window is in training mode: backups and restores are made at a window that is not.' } };
      return trainingDispatcher(ctx.stationId).call(name, rawInput, ctx);
    }
    const result = await liveApi.call(name, rawInput, ctx);
    return name === 'checkInTicket' ? namedIfTraining(result, rawInput) : result;
  }

  function namedIfTraining(result: Result<unknown>, rawInput: unknown): Result<unknown> {
    if (!result.ok) return result;
    const answer = result.value as { status: string; message: string };
    const code = (rawInput as { code?: unknown }).code;
    const secret = answer.status === 'unknown' && typeof code === 'string' ? desk.ticketSecret() : null;
    if (!secret || verifyTicketCode(secret, code as string) === null) return result;
    return { ok: true, value: { ...answer, message: TRAINING_TICKET } };
  }

  return {
    channels: liveApi.channels,
    sessions: liveApi.sessions,
    training: desk,
    call,
    callChannel(channel, rawInput, ctx) {
      const name = liveApi.channels.get(channel);
      if (!name) return Promise.resolve({ ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel '${channel}'.` } });
      return call(name, rawInput, ctx);
    },
    close: () => desk.close(),
  };
}
