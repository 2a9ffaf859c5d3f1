import type { MessagePort } from 'node:worker_threads';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { runRenderJob, type RenderJob } from './render-jobs.ts';

/**
 * The inside of the render worker (render-thread.ts starts it). From source it is loaded through
 * tsx; in the built app it is its own bundle, dist/main/render-worker.cjs (vite.render-worker.config.ts).
 */

export interface JobMessage {
  id: number;
  job: RenderJob;
}

export type ReplyMessage =
  | { type: 'ready' }
  | { type: 'answer'; id: number; value: unknown }
  | { type: 'refused'; id: number; error: { code: MarqueeError['code']; message: string; details?: Record<string, unknown> } }
  | { type: 'failed'; id: number; message: string };

export function serveRenderJobs(port: MessagePort): void {
  port.on('message', (message: JobMessage) => {
    void answer(port, message);
  });
  port.postMessage({ type: 'ready' } satisfies ReplyMessage);
}

async function answer(port: MessagePort, { id, job }: JobMessage): Promise<void> {
  let reply: ReplyMessage;
  try {
    reply = { type: 'answer', id, value: await runRenderJob(job) };
  } catch (error) {
    reply =
      error instanceof MarqueeError
        ? { type: 'refused', id, error: error.toAppError() }
        : { type: 'failed', id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
}
