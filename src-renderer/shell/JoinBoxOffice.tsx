import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { TerminalJoin } from '../../src-shared/contract/terminal-join.ts';
import { call, pairing, transportKind } from '../transport/api.ts';
import './PairingScreen.css';

/** How often a terminal waiting for a manager asks again whether it was approved. */
const ASK_EVERY_MS = 2000;

/**
 * A desktop terminal that has not joined a box office yet, or is waiting for a manager to approve
 * it, shows "Join a box office" instead of the counter. The terminal answers these calls itself
 * (src-main/terminal/local-procedures.ts); a box office's own desktop answers `joining: false` and
 * opens at once. Browser windows have their own pairing screen (PairingGate).
 */
export function JoinBoxOfficeGate({ children }: { children: ReactNode }) {
  const desktop = transportKind === 'ipc' && !pairing;
  const [join, setJoin] = useState<TerminalJoin | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = desktop && (join === null || join.joining);

  useEffect(() => {
    if (!waiting || (join !== null && join.phase === 'not-joined')) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      call('getTerminalJoin', {})
        .then((next) => live && (setJoin(next), setProblem(null)))
        .catch((err: unknown) => live && setProblem(err instanceof Error ? err.message : String(err)))
        .finally(() => {
          if (live) timer = setTimeout(ask, ASK_EVERY_MS);
        });
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [waiting, join?.phase]);

  if (!desktop || (join && !join.joining)) return <>{children}</>;
  if (!join) return problem ? <p className="error" role="alert">{problem}</p> : null;
  return <JoinBoxOffice join={join} onJoined={setJoin} />;
}

/** 123456 as "123 456": easier to read out across a counter. */
function spaced(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/**
 * The form (the host's address and certificate fingerprint from its Manage → Windows screen, and
 * this window's name), then the code to read to the manager while the terminal waits.
 */
export function JoinBoxOffice({ join, onJoined }: { join: TerminalJoin; onJoined(join: TerminalJoin): void }) {
  const [address, setAddress] = useState(join.address ?? '');
  const [fingerprint, setFingerprint] = useState(join.fingerprint ?? '');
  const [windowName, setWindowName] = useState(join.windowName ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onJoined(await call('joinBoxOffice', { address, fingerprint, windowName }));
      setEditing(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const showForm = editing || join.phase === 'not-joined' || !join.pairingCode;
  return (
    <div className="app">
      <header className="status-bar">
        <span className="brand">Marquee</span>
        <span className="spacer" />
        <span className="muted">{join.windowName ?? 'Terminal'} · not joined</span>
      </header>
      <main>
        <section className="pairing" aria-label="Join a box office" data-testid="join-box-office" data-phase={join.phase}>
          <h1>Join a box office</h1>
          {showForm ? (
            <form className="first-admin" onSubmit={(e) => void submit(e)} noValidate data-testid="join-form">
              <p>On the box office computer, a manager opens <strong>Manage → Windows</strong> and turns on “Serve other windows”; it shows the address and the certificate fingerprint to type here.</p>
              <label>
                Address
                <input value={address} onChange={(e) => setAddress(e.target.value)} placeholder="https://boxoffice.local:5180" autoComplete="off" data-testid="join-address" />
              </label>
              <label>
                Certificate fingerprint
                <input value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} placeholder="AB:CD:…" autoComplete="off" spellCheck={false} data-testid="join-fingerprint" />
              </label>
              <label>
                This window’s name
                <input value={windowName} onChange={(e) => setWindowName(e.target.value)} placeholder="Till 2" autoComplete="off" data-testid="join-window-name" />
              </label>
              <button type="submit" className="primary" disabled={busy} data-testid="join-submit">
                {busy ? 'Joining…' : 'Join'}
              </button>
            </form>
          ) : (
            <>
              <p>
                Read this code to the manager at <strong>{join.address}</strong>, who approves it under <strong>Manage → Windows</strong>:
              </p>
              <p className="pairing-code" data-testid="join-code" data-code={join.pairingCode} aria-label={`Pairing code ${join.pairingCode!.split('').join(' ')}`}>
                {spaced(join.pairingCode!)}
              </p>
              <p className="pairing-wait" role="status" aria-live="polite" data-testid="join-waiting">
                Waiting for a manager…
              </p>
              <button type="button" onClick={() => setEditing(true)} data-testid="join-change">
                Join another box office
              </button>
            </>
          )}
          {(error ?? join.problem) && (
            <p className="error" role="alert" data-testid="join-problem">
              {error ?? join.problem}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
