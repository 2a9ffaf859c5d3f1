import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import type { CashUpFigures, Shift } from '../../../src-shared/contract/shifts.ts';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { formatDateTime, formatMoney, venue } from '../../format.ts';
import { call } from '../../transport/api.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { ApprovalFields, type ApprovalDraft } from '../orders/ApprovalFields.tsx';
import { CashUpFiguresView } from './CashUpFigures.tsx';
import { DrawerCount, drawerInput, emptyDraft, type DrawerDraft } from './DrawerCount.tsx';
import { useTillAction } from './use-till-action.ts';
import './cashup.css';

type Current = OutputOf<'currentShift'>;

/** Cash-up at the window: open a shift with a float, cash in and out, no-sale, the X report, and the close with its Z. */
export function CashUpScreen({ staff }: ScreenProps) {
  const [current, setCurrent] = useState<Current | null>(null);
  const [x, setX] = useState<CashUpFigures | null>(null);
  const [z, setZ] = useState<{ number: number; figures: CashUpFigures; print: string | null } | null>(null);
  const [count, setCount] = useState<DrawerDraft>(emptyDraft);
  const [move, setMove] = useState({ direction: 'out' as 'in' | 'out', amount: '', reason: '' });
  const [reason, setReason] = useState('');
  const [approval, setApproval] = useState<ApprovalDraft | null>(null);
  const [handOver, setHandOver] = useState(false);

  const load = async () => {
    const now = await call('currentShift', {});
    setCurrent(now);
    setX(now.shift ? (await call('xReport', {})).figures : null);
  };
  const { message, act } = useTillAction(load, (e) => {
    if (e instanceof MarqueeError && e.code === 'FORBIDDEN' && !approval) setApproval({ staffId: '', pin: '' });
  });

  const drawer = () => {
    const input = drawerInput(count);
    if ('problem' in input) throw new MarqueeError('BAD_INPUT', `The count: ${input.problem}`);
    return input;
  };

  const open = () =>
    act(async () => {
      const shift = await call('openShift', drawer());
      setCount(emptyDraft);
      setZ(null);
      return `Shift open with a float of ${formatMoney(shift.floatMinor)}.`;
    });

  const moveCash = () =>
    act(async () => {
      const reading = venue().readMoney(move.amount);
      if (!reading.ok) throw new MarqueeError('BAD_INPUT', `The amount: ${reading.problem}`);
      const r = await call('moveCash', { direction: move.direction, amountMinor: reading.minor, reason: move.reason });
      setMove({ ...move, amount: '', reason: '' });
      return `${move.direction === 'in' ? 'Cash in' : 'Cash out'} ${formatMoney(Math.abs(r.amountMinor))}; the drawer should now hold ${formatMoney(r.drawerMinor)}.`;
    });

  const noSale = () =>
    act(async () => {
      const r = await call('openDrawerNoSale', { reason: move.reason });
      setMove({ ...move, reason: '' });
      return `Drawer opened without a sale (${r.noSales} this shift).${r.print.problem ? ` ${r.print.problem}` : ''}`;
    });

  const printX = () => act(async () => (await call('xReport', { print: true })).print?.problem ?? 'X report sent to the report printer.');

  const close = () =>
    act(async () => {
      const r = await call('closeShift', {
        ...drawer(),
        ...(reason.trim() ? { reason } : {}),
        ...(approval?.staffId && approval.pin ? { approval } : {}),
        ...(handOver ? { handOver: true } : {}),
      });
      setZ({ number: r.report.number, figures: r.report.figures, print: r.print.problem });
      setCount(emptyDraft);
      setApproval(null);
      setReason('');
      return `Shift closed: Z report ${r.report.number}.${r.next ? ' Your shift is open with the counted cash as float.' : ''}`;
    });

  if (!current) return <section className="cashup">{message ? <p role="alert">{message.text}</p> : <p>Loading…</p>}</section>;
  const shift: Shift | null = current.shift;
  const mine = shift?.staffId === staff.id;
  return (
    <section className="cashup" aria-label="Cash-up" data-testid="cashup-screen">
      <h1>Cash-up</h1>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'problem'} data-testid="cashup-message">
          {message.text}
        </p>
      )}
      {!shift && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void open();
          }}
        >
          <h2>Open a shift</h2>
          <DrawerCount denominations={current.denominations} currency={current.currency} value={count} onChange={setCount} label="Float in the drawer" />
          <button type="submit" data-testid="open-shift">
            Open shift
          </button>
        </form>
      )}
      {shift && (
        <>
          <p data-testid="shift-state">
            Shift open since {formatDateTime(shift.openedAt)}
            {mine ? '' : " (another cashier's: close it as a hand-over before selling cash)"}.
          </p>
          <fieldset className="cash-move">
            <legend>Cash in, cash out, no sale</legend>
            <select value={move.direction} onChange={(e) => setMove({ ...move, direction: e.target.value as 'in' | 'out' })} data-testid="move-direction">
              <option value="out">Cash out (paid out)</option>
              <option value="in">Cash in (float top-up)</option>
            </select>
            <input placeholder="Amount" value={move.amount} onChange={(e) => setMove({ ...move, amount: e.target.value })} data-testid="move-amount" />
            <input placeholder="Reason" value={move.reason} onChange={(e) => setMove({ ...move, reason: e.target.value })} data-testid="move-reason" />
            <button type="button" onClick={() => void moveCash()} data-testid="move-cash">
              Move cash
            </button>
            <button type="button" onClick={() => void noSale()} data-testid="no-sale">
              Open drawer (no sale)
            </button>
            <button type="button" onClick={() => void printX()} data-testid="print-x">
              Print X report
            </button>
          </fieldset>
          {x && <CashUpFiguresView figures={x} title="X report: this shift so far" />}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void close();
            }}
          >
            <h2>Close the shift</h2>
            <DrawerCount denominations={current.denominations} currency={current.currency} value={count} onChange={setCount} label="Cash counted in the drawer" />
            <label>
              Reason for a difference
              <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="close-reason" />
            </label>
            {approval && <ApprovalFields value={approval} onChange={setApproval} />}
            {!mine && (
              <label>
                <input type="checkbox" checked={handOver} onChange={(e) => setHandOver(e.target.checked)} data-testid="hand-over" /> Hand over: open my shift with the counted cash
              </label>
            )}
            <button type="submit" data-testid="close-shift">
              Close shift and print Z
            </button>
          </form>
        </>
      )}
      {z && (
        <>
          {z.print && <p className="problem">{z.print}</p>}
          <CashUpFiguresView figures={z.figures} title={`Z report ${z.number}`} />
        </>
      )}
    </section>
  );
}
