import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { formatDateTime } from '../../format.ts';
import { call } from '../../transport/api.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { CashUpFiguresView } from '../../cashier/cashup/CashUpFigures.tsx';
import { useTillAction } from '../../cashier/cashup/use-till-action.ts';
import { ShiftCorrectionForm } from './ShiftCorrectionForm.tsx';
import '../../cashier/cashup/cashup.css';

type Day = OutputOf<'dayReport'>;
type Kept = OutputOf<'listZReports'>[number];

/** Manage → Cash-up: the whole venue since the last day closed, closing the day, and every Z report kept. */
export function VenueCashUpScreen(_props: ScreenProps) {
  const [day, setDay] = useState<Day | null>(null);
  const [kept, setKept] = useState<Kept[]>([]);
  const [shown, setShown] = useState<Kept | null>(null);

  const load = async () => {
    setDay(await call('dayReport', {}));
    setKept(await call('listZReports', { limit: 50 }));
  };
  const { message, act } = useTillAction(load);

  return (
    <section className="cashup" aria-label="Venue cash-up" data-testid="venue-cashup">
      <h1>Cash-up: the whole venue</h1>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} data-testid="venue-cashup-message">
          {message.text}
        </p>
      )}
      {day && day.openShifts.length > 0 && <p data-testid="open-shifts">{day.openShifts.length} window(s) still have a shift open; they must close before the day can.</p>}
      <button
        type="button"
        data-testid="close-day"
        onClick={() =>
          void act(async () => {
            const r = await call('closeDay', {});
            return `Day closed: Z report ${r.report.number}.${r.print.problem ? ` ${r.print.problem}` : ''}`;
          })
        }
      >
        Close the day and print Z
      </button>
      {day && <CashUpFiguresView figures={day.figures} title="Since the last day closed" />}
      <h2>Z reports kept</h2>
      <table data-testid="z-list">
        <tbody>
          {kept.map((z) => (
            <tr key={z.number}>
              <th scope="row">Z {z.number}</th>
              <td>{z.scope === 'day' ? `Whole venue, ${z.businessDate}` : `Window shift`}</td>
              <td>{formatDateTime(z.at)}</td>
              <td>
                <button type="button" onClick={() => setShown(z)}>
                  Show
                </button>
                <button type="button" onClick={() => void act(async () => (await call('reprintZReport', { number: z.number })).print.problem ?? `Z report ${z.number} sent to the report printer.`)}>
                  Reprint
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && <CashUpFiguresView figures={shown.figures} title={`Z report ${shown.number}`} />}
      {shown?.shiftId && <ShiftCorrectionForm key={shown.shiftId} shiftId={shown.shiftId} act={act} />}
    </section>
  );
}
