import { useEffect, useState } from 'react';
import { errorText } from '../../kit/error-text.ts';

export interface TillMessage {
  ok: boolean;
  text: string;
}

/**
 * What both cash-up screens do with a press: run it, show its sentence (or the core's refusal),
 * then read the till again. `load` runs once on opening; `refused` sees each refusal (to ask for a
 * manager's PIN when the answer is FORBIDDEN).
 */
export function useTillAction(load: () => Promise<void>, refused?: (error: unknown) => void) {
  const [message, setMessage] = useState<TillMessage | null>(null);
  useEffect(() => {
    load().catch((e: unknown) => setMessage({ ok: false, text: errorText(e) }));
  }, []);
  async function act(work: () => Promise<string | null>): Promise<void> {
    setMessage(null);
    try {
      const done = await work();
      if (done) setMessage({ ok: true, text: done });
      await load();
    } catch (e) {
      refused?.(e);
      setMessage({ ok: false, text: errorText(e) });
    }
  }
  return { message, act };
}
