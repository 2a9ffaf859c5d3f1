import type { PairingState } from '../../src-shared/http-bridge.ts';
import { formatTime } from '../format.ts';
import './PairingScreen.css';

interface Props {
  state: PairingState;
  /** A revoked window asks for a new code. */
  onAskAgain(): void;
}

/** 123456 as "123 456": easier to read out across a counter. */
function spaced(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/**
 * What a browser window on another computer shows until a manager pairs it: the code to approve,
 * and the host's certificate fingerprint, which the manager compares with the one the host
 * printed at start and with what the browser itself shows for this site. The page's own text
 * alone proves nothing (whoever serves the page writes it); the browser's view of the
 * certificate does.
 */
export function PairingScreen({ state, onAskAgain }: Props) {
  if (state.phase === 'outdated') return <OutdatedWindow state={state} />;
  return (
    <div className="app">
      <header className="status-bar">
        <span className="brand">Marquee</span>
        <span className="spacer" />
        <span className="muted">{state.windowName ?? 'New window'} · not paired</span>
      </header>
      <main>
        <section className="pairing" aria-label="Pair this window" data-testid="pairing-screen" data-phase={state.phase}>
          {state.phase === 'revoked' ? (
            <>
              <h1>This window was removed from the box office</h1>
              <p>A manager revoked it, so it can no longer sell. If that was a mistake, ask for a new code and have a manager approve it.</p>
              <button type="button" className="primary" onClick={onAskAgain} data-testid="pairing-ask-again">
                Ask to be paired again
              </button>
            </>
          ) : (
            <>
              <h1>Pair this window with the box office</h1>
              {state.pairingCode ? (
                <>
                  <p>
                    Ask a manager to open <strong>Manage → Windows</strong> on a signed-in window and approve this code:
                  </p>
                  <p className="pairing-code" data-testid="pairing-code" data-code={state.pairingCode} aria-label={`Pairing code ${state.pairingCode.split('').join(' ')}`}>
                    {spaced(state.pairingCode)}
                  </p>
                  {state.expiresAt !== null && (
                    <p className="muted">The code works until {formatTime(state.expiresAt)}; after that this window shows a new one.</p>
                  )}
                  <p className="pairing-wait" role="status" aria-live="polite" data-testid="pairing-waiting">
                    Waiting for a manager…
                  </p>
                </>
              ) : (
                <p className="muted" role="status">
                  Connecting to the box office…
                </p>
              )}
            </>
          )}
          {state.fingerprint && (
            <div className="pairing-fingerprint">
              <h2>Check the connection first</h2>
              <p>
                The box office's certificate has this SHA-256 fingerprint. It must match the fingerprint the host printed when it started, and the one this
                browser shows for the site (click the padlock or warning sign by the address, then the certificate). If they differ, do not pair this window.
              </p>
              <code data-testid="pairing-fingerprint">{state.fingerprint}</code>
            </div>
          )}
          {state.problem && (
            <p className="error" role="alert" data-testid="pairing-problem">
              {state.problem}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}

/**
 * A window whose Marquee the host cannot serve: nothing here can be paired or sold until one side
 * is updated, so it says only that, in the host's sentence (which side to update), and no code.
 */
function OutdatedWindow({ state }: { state: PairingState }) {
  return (
    <div className="app">
      <header className="status-bar">
        <span className="brand">Marquee</span>
        <span className="spacer" />
        <span className="muted">{state.windowName ?? 'New window'} · needs updating</span>
      </header>
      <main>
        <section className="pairing" aria-label="This window needs updating" data-testid="outdated-window" data-phase={state.phase}>
          <h1>This window needs updating</h1>
          <p role="alert" data-testid="outdated-problem">
            {state.problem}
          </p>
          <p className="muted">Nothing can be sold from this window until then. Once Marquee is updated it connects by itself.</p>
        </section>
      </main>
    </div>
  );
}
