import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { formatDateTime, formatMoney, venue } from '../../format.ts';
import { call } from '../../transport/api.ts';

type Correction = OutputOf<'listCorrections'>[number];

/**
 * Under a shown shift's Z report: the corrections written since, and a form for another (+ cash
 * found, − cash missing, with a reason). The shift and its Z never change; the core writes a new
 * row and the Z reprints with it.
 */
export function ShiftCorrectionForm({ shiftId, act }: { shiftId: string; act(work: () => Promise<string | null>): Promise<void> }) {
  const [lines, setLines] = useState<Correction[]>([]);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    void call('listCorrections', { shiftId }).then(setLines, () => setLines([]));
  }, [shiftId]);

  const correct = () =>
    act(async () => {
      const reading = venue().readMoney(amount.replace(/^-/, ''));
      if (!reading.ok) throw new MarqueeError('BAD_INPUT', `The correction: ${reading.problem}`);
      const minor = amount.trim().startsWith('-') ? -reading.minor : reading.minor;
      const line = await call('correctShift', { shiftId, amountMinor: minor, reason });
      setLines([...lines, line]);
      setAmount('');
      setReason('');
      return `Correction of ${formatMoney(line.amountMinor)} written; the Z reprints with it.`;
    });

  return (
    <fieldset className="cash-move" data-testid="shift-corrections">
      <legend>Corrections of this shift</legend>
      {lines.map((c) => (
        <p key={c.id} data-testid="correction-line">
          {formatDateTime(c.at)}: {formatMoney(c.amountMinor)} by {c.name}: {c.reason}
        </p>
      ))}
      <input placeholder="Amount (− for missing)" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="correction-amount" />
      <input placeholder="Reason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="correction-reason" />
      <button type="button" onClick={() => void correct()} data-testid="correct-shift">
        Write correction
      </button>
    </fieldset>
  );
}
