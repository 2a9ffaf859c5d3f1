import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import { Field, type useAction } from '../events/admin-kit.tsx';
import { formatWhen } from './when.ts';

type Request = OutputOf<'listPairingRequests'>[number];

interface Props {
  requests: Request[] | null;
  action: ReturnType<typeof useAction>;
  onChanged(): void;
}

/** Windows on other computers waiting with a code: approve one from the list, or type the code it shows. */
export function PairingRequestsPanel({ requests, action, onChanged }: Props) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');

  async function approve(theCode: string, newName?: string) {
    const paired = await action.run(
      () => call('approvePairing', newName ? { code: theCode, name: newName } : { code: theCode }),
      (w) => `${w.name} is paired: it can sign in now.`,
    );
    if (paired) {
      setCode('');
      setName('');
      onChanged();
    }
  }

  return (
    <div className="admin-card" data-testid="pairing-requests">
      <h2>Waiting to be paired</h2>
      {requests?.length === 0 && <p className="muted">No window is waiting.</p>}
      {requests && requests.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Code</th>
              <th>Name</th>
              <th>Address</th>
              <th>Asked</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.code} data-testid="pairing-request" data-code={r.code}>
                <td className="windows-code">{`${r.code.slice(0, 3)} ${r.code.slice(3)}`}</td>
                <td>{r.name}</td>
                <td>{r.address}</td>
                <td>{formatWhen(r.requestedAt)}</td>
                <td>
                  <button type="button" className="primary" disabled={action.busy} onClick={() => void approve(r.code)} data-testid="pairing-approve">
                    Approve
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void approve(code.replace(/\s/g, ''), name.trim() || undefined);
        }}
      >
        <Field label="Code shown on the new window">
          <input inputMode="numeric" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} placeholder="123 456" required data-testid="pairing-code-input" />
        </Field>
        <Field label="Name it (optional)">
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="Counter 2" data-testid="pairing-name-input" />
        </Field>
        <div className="admin-actions">
          <button type="submit" className="primary" disabled={action.busy} data-testid="pairing-code-approve">
            Approve code
          </button>
        </div>
      </form>
    </div>
  );
}
