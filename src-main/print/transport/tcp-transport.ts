import { connect, type Socket } from 'node:net';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { isStatusByte, STATUS_REPLY_LENGTH, STATUS_REQUEST } from '../status/realtime-status.ts';
import { notReady, type PrinterTransport, type SendOptions, type StatusProbe } from './transport.ts';

export interface TcpTimeouts {
  /** How long to wait for the printer to accept a connection. */
  connectMs: number;
  /** How long a connected printer gets to answer DLE EOT before we take it as "does not report". */
  replyMs: number;
  /** How long after the last byte we wait for the printer to hang up before we do. */
  closeMs: number;
}

export const defaultTcpTimeouts: TcpTimeouts = { connectMs: 3000, replyMs: 400, closeMs: 2000 };

/**
 * A network printer on its raw port (9100), the same `tcp://host:port` node-thermal-printer's
 * network interface takes. We open the socket ourselves because the library's interface cannot
 * read the four-byte DLE EOT answer (it resolves on the first byte) and closes as soon as the
 * write is queued: here the status question and the job share one connection, so nothing can
 * change between "ready" and the first byte, and each job costs one connection, not two.
 */
export function tcpTransport(target: { host: string; port: number }, timeouts: TcpTimeouts = defaultTcpTimeouts): PrinterTransport {
  const where = `${target.host}:${target.port}`;
  const notAnswering = `Not answering at ${where}`;

  /**
   * One connection: optionally ask DLE EOT 1..4, let `beforeFirstByte` see the answer, then
   * (unless it objects, or only status was wanted) send the bytes and wait for the hang-up.
   */
  function exchange(bytes: Buffer | null, options: SendOptions | undefined): Promise<StatusProbe> {
    return new Promise<StatusProbe>((resolve, reject) => {
      let phase: 'connecting' | 'asking' | 'sending' | 'finished' = 'connecting';
      let reply = Buffer.alloc(0);
      let probe: StatusProbe = { reachable: true, reply: null, problem: null };
      let timer: NodeJS.Timeout | undefined;
      const socket: Socket = connect({ host: target.host, port: target.port });

      const settle = (outcome: () => void) => {
        if (phase === 'finished') return;
        phase = 'finished';
        clearTimeout(timer);
        socket.destroy();
        outcome();
      };
      const unreachable = () =>
        bytes === null
          ? settle(() => resolve({ reachable: false, reply: null, problem: notAnswering }))
          : settle(() => reject(new MarqueeError('PRINTER_UNAVAILABLE', notAnswering)));

      const sendJob = () => {
        if (bytes === null) return settle(() => resolve(probe));
        phase = 'sending';
        socket.end(bytes, () => {
          // Every byte is with the operating system; give the printer a moment to hang up cleanly.
          timer = setTimeout(() => settle(() => resolve(probe)), timeouts.closeMs);
        });
      };
      const goAhead = (asked: StatusProbe | null) => {
        let objection: string | null;
        try {
          objection = options ? options.beforeFirstByte(asked) : null;
        } catch (error) {
          // This runs in a socket handler: a throw here (the queue's database full) would crash the host.
          return settle(() => reject(error));
        }
        if (objection !== null) return settle(() => reject(notReady(objection)));
        sendJob();
      };
      const answered = (answer: Buffer | null) => {
        clearTimeout(timer);
        probe = { reachable: true, reply: answer, problem: null };
        goAhead(probe);
      };

      socket.setTimeout(timeouts.connectMs, () => {
        if (phase === 'connecting') unreachable();
      });
      socket.once('connect', () => {
        socket.setTimeout(0);
        socket.setNoDelay(true);
        if (bytes !== null && !options?.askStatus) return goAhead(null);
        phase = 'asking';
        socket.write(STATUS_REQUEST);
        timer = setTimeout(() => answered(null), timeouts.replyMs);
      });
      socket.on('data', (chunk: Buffer) => {
        if (phase !== 'asking') return;
        reply = Buffer.concat([reply, chunk]);
        if (reply.length < STATUS_REPLY_LENGTH) return;
        const answer = reply.subarray(0, STATUS_REPLY_LENGTH);
        answered(answer.every(isStatusByte) ? Buffer.from(answer) : null);
      });
      socket.once('close', () => {
        if (phase === 'sending') settle(() => resolve(probe));
        else if (phase === 'asking') answered(null); // hung up without answering: reachable, reports nothing
        else if (phase === 'connecting') unreachable();
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        if (phase === 'sending') {
          settle(() => reject(new MarqueeError('PRINTER_UNAVAILABLE', `${notAnswering} (the connection broke while sending: ${error.code ?? error.message})`)));
        } else if (phase !== 'finished') {
          unreachable();
        }
      });
    });
  }

  return {
    where,
    probe: () => exchange(null, undefined),
    async send(bytes, options) {
      await exchange(bytes, options);
    },
  };
}
