import type { TerminalJoin } from '../../../src-shared/contract/terminal-join.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import type { Handlers } from '../dispatcher.ts';

/** A box office's own window or a host's: nothing to join, it is the box office. */
const IS_THE_BOX_OFFICE: TerminalJoin = { joining: false, phase: 'paired', address: null, fingerprint: null, windowName: null, pairingCode: null, expiresAt: null, problem: null };

/** Joining is a terminal's own business (src-main/terminal/local-procedures.ts); a box office only says it is one. */
export function terminalJoinHandlers(): Pick<Handlers, 'getTerminalJoin' | 'joinBoxOffice'> {
  return {
    getTerminalJoin: () => IS_THE_BOX_OFFICE,
    joinBoxOffice: () => {
      throw new MarqueeError('FORBIDDEN', 'This is the box office itself: only a desktop terminal joins a box office.');
    },
  };
}
