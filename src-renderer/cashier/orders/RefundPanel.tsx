import { useState, type FormEvent } from 'react';
import { labelList } from '../../../src-shared/seat-label.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { formatMoney } from '../../format.ts';
import { ApprovalFields, type ApprovalDraft } from './ApprovalFields.tsx';
import { errorText } from './after-sale-kit.ts';
import { sendSale } from '../send-sale.ts';

type Order = OutputOf<'getOrder'>['order'];
type Ticket = OutputOf<'getOrder'>['tickets'][number];

interface Props {
  order: Order;
  tickets: Ticket[];
  onDone(message: string): void;
  onCancel(): void;
}

/** Refund the picked tickets; their seats go back on sale. Over the cashier limit a manager approves. */
export function RefundPanel({ order, tickets, onDone, onCancel }: Props) {
  const [method, setMethod] = useState<'cash' | 'card' | 'voucher'>(order.customerName ? 'card' : 'cash');
  const [reference, setReference] = useState('');
  const [approval, setApproval] = useState<ApprovalDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  const amount = tickets.reduce((sum, t) => sum + t.totalMinor, 0);
  const money = (minor: number) => formatMoney(minor, order.currency);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      // One request key for this refund, retried by itself if the answer is lost.
      const result = await sendSale(
        'refundTickets',
        {
          orderId: order.id,
          ticketIds: tickets.map((t) => t.id),
          method,
          ...(reference.trim() ? { reference: reference.trim() } : {}),
          ...(approval?.staffId && approval.pin ? { approval } : {}),
        },
        setChecking,
      );
      onDone(`Refunded ${money(result.refundedMinor)} by ${method} for ${labelList(tickets.map((t) => t.label))}; the seats are back on sale. ${result.print.printed === 'queued' ? 'The refund slip is printing.' : (result.print.problem ?? 'The refund slip did not print.')}`);
    } catch (err) {
      // The core says when a manager must approve; only then ask for one.
      if (err instanceof MarqueeError && err.code === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Refund" data-testid="refund-panel">
      <h3>
        Refund {tickets.length} ticket{tickets.length === 1 ? '' : 's'}: <span data-testid="refund-amount">{money(amount)}</span>
      </h3>
      <p className="muted">{labelList(tickets.map((t) => t.label))}</p>
      <div className="choices" role="radiogroup" aria-label="Give the money back by">
        {(['cash', 'card', 'voucher'] as const).map((m) => (
          <label key={m} className={method === m ? 'choice chosen' : 'choice'}>
            <input type="radio" name="refund-method" value={m} checked={method === m} onChange={() => setMethod(m)} data-testid={`refund-method-${m}`} />
            {m === 'cash' ? 'Cash' : m === 'card' ? 'Card' : 'Voucher'}
          </label>
        ))}
      </div>
      {method !== 'cash' && (
        <label>
          Reference {method === 'voucher' ? '(voucher number)' : '(card slip, optional)'}
          <input value={reference} onChange={(e) => setReference(e.target.value)} data-testid="refund-reference" />
        </label>
      )}
      {approval && <ApprovalFields value={approval} onChange={setApproval} />}
      {checking && (
        <p className="checking" role="status" data-testid="refund-checking">
          {checking}
        </p>
      )}
      {error && <p className="error" role="alert" data-testid="refund-error">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary danger" autoFocus disabled={busy} data-testid="confirm-refund">
          Refund {money(amount)} <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={onCancel}>
          Not now <kbd>Esc</kbd>
        </button>
      </div>
    </form>
  );
}
