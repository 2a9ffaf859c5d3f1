import { useState } from 'react';

interface Props {
  busy: boolean;
  onReserve(customer: { name: string; phone?: string; email?: string }): void;
  onCancel(): void;
}

/** The customer's name and a phone number or e-mail address; the reservation keeps the seats unpaid. */
export function ReservePanel({ busy, onReserve, onCancel }: Props) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <form
      className="reserve"
      aria-label="Reserve"
      data-testid="reserve-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return setProblem("Enter the customer's name.");
        if (!phone.trim() && !email.trim()) return setProblem('Enter a phone number or an e-mail address so the customer can be reached.');
        setProblem(null);
        onReserve({ name: name.trim(), ...(phone.trim() ? { phone: phone.trim() } : {}), ...(email.trim() ? { email: email.trim() } : {}) });
      }}
    >
      <h2>Reserve for a customer</h2>
      <label>
        Name
        <input autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="reserve-name" />
      </label>
      <label>
        Phone
        <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} data-testid="reserve-phone" />
      </label>
      <label>
        E-mail
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} data-testid="reserve-email" />
      </label>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <div className="pay-row">
        <button type="submit" className="primary" disabled={busy} data-testid="reserve-confirm">
          Reserve <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          Back <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
