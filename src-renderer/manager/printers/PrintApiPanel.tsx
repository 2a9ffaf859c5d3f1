import { useEffect, useState } from 'react';
import type { PrintApiSettings } from '../../../src-shared/contract/printing.ts';
import { call } from '../../transport/api.ts';
import { errorText } from '../../kit/error-text.ts';

/** The local print API other programs print through: its port, address and token (show / rotate). */
export function PrintApiPanel() {
  const [settings, setSettings] = useState<PrintApiSettings | null>(null);
  const [shown, setShown] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('getPrintApiSettings', {})
      .then(setSettings)
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  async function rotate() {
    setError(null);
    try {
      setSettings(await call('rotatePrintApiToken', {}));
      setShown(true);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <section className="print-api" aria-label="Print API">
      <h2>Print API</h2>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {settings && (
        <dl>
          <dt>Port</dt>
          <dd data-testid="api-port">{settings.port}</dd>
          <dt>State</dt>
          <dd>{settings.running ? `Listening at ${settings.url ?? ''}` : (settings.problem ?? 'Not running')}</dd>
          <dt>Callers</dt>
          <dd>{settings.allowLan ? 'This computer and the local network' : 'This computer only'}</dd>
          <dt>Token</dt>
          <dd className="token">
            <code data-testid="api-token">{shown ? settings.token : '•'.repeat(16)}</code>
            <button type="button" onClick={() => setShown((s) => !s)} data-testid="api-token-show">
              {shown ? 'Hide' : 'Show'}
            </button>
            <button type="button" onClick={() => void rotate()} data-testid="api-token-rotate">
              Replace token
            </button>
          </dd>
        </dl>
      )}
    </section>
  );
}
