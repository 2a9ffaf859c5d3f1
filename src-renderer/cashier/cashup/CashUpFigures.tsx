import type { CashUpFigures } from '../../../src-shared/contract/shifts.ts';
import { formatDateTime, formatMoney } from '../../format.ts';

const METHOD_WORDS: Record<string, string> = { cash: 'Cash', card: 'Card', voucher: 'Voucher', complimentary: 'Complimentary' };

/** One report's figures (X, Z, or the venue's day so far), the same the printed report shows. */
export function CashUpFiguresView({ figures: f, title }: { figures: CashUpFigures; title: string }) {
  const money = (minor: number) => formatMoney(minor, f.currency);
  const row = (label: string, minor: number, testId?: string) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td data-testid={testId}>{money(minor)}</td>
    </tr>
  );
  return (
    <section className="cashup-figures" aria-label={title} data-testid="cashup-figures">
      <h2>{title}</h2>
      <p>
        {formatDateTime(f.from)} – {formatDateTime(f.until)} · {f.ticketsSold} tickets sold, {f.ticketsReturned} given back
      </p>
      <table>
        <caption>Drawer</caption>
        <tbody>
          {row('Float', f.cash.floatMinor)}
          {row('Cash sales', f.cash.salesMinor)}
          {row('Cash refunds', -f.cash.refundsMinor)}
          {row('Cash in exchanges', f.cash.exchangesMinor)}
          {row('Cash in', f.cash.inMinor)}
          {row('Cash out', -f.cash.outMinor)}
          {row('Expected cash', f.cash.expectedMinor, 'cashup-expected')}
          {f.cash.countedMinor !== null && row('Counted', f.cash.countedMinor, 'cashup-counted')}
          {f.cash.varianceMinor !== null && row('Difference', f.cash.varianceMinor, 'cashup-variance')}
        </tbody>
      </table>
      <table>
        <caption>By payment method (card total to match the terminal's own slip)</caption>
        <thead>
          <tr>
            <th>Method</th>
            <th>Sales</th>
            <th>Refunds</th>
            <th>Exchanges</th>
            <th>Net</th>
          </tr>
        </thead>
        <tbody>
          {f.byMethod.map((m) => (
            <tr key={m.method} data-testid={`cashup-method-${m.method}`}>
              <th scope="row">{METHOD_WORDS[m.method] ?? m.method}</th>
              <td>{money(m.salesMinor)}</td>
              <td>{money(m.refundsMinor)}</td>
              <td>{money(m.exchangesMinor)}</td>
              <td>{money(m.netMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>By performance and price band</caption>
        <tbody>
          {f.byPerformance.map((p) => (
            <tr key={p.performanceId}>
              <th scope="row">
                {p.title} {formatDateTime(p.startsAt)}
              </th>
              <td>{p.sold - p.returned} tickets</td>
              <td>{money(p.soldMinor - p.returnedMinor)}</td>
            </tr>
          ))}
          {f.byBand.map((b) => (
            <tr key={b.bandName}>
              <th scope="row">{b.bandName}</th>
              <td>{b.sold - b.returned} tickets</td>
              <td>{money(b.soldMinor - b.returnedMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Cashiers, tax and the rest</caption>
        <tbody>
          {f.byCashier.map((c) => row(`Cashier ${c.name}`, c.netMinor))}
          {f.taxByRate.map((t) => (
            <tr key={t.taxRateBp}>
              <th scope="row">Tax {t.taxRateBp / 100}% on {money(t.netMinor)}</th>
              <td>{money(t.taxMinor)}</td>
            </tr>
          ))}
          {f.discounts.map((d) => row(`Discount ${d.code} (${d.orders})`, d.minor))}
          {row(`Refunds (${f.refunds.count})`, f.refunds.minor)}
          {row(`Exchanges (${f.exchanges.count}), credit moved`, f.exchanges.creditMinor)}
          {row(`Complimentary tickets (${f.complimentary.tickets})`, f.complimentary.valueMinor)}
          {row(`Voids (${f.voids.count})`, f.voids.minor)}
          <tr>
            <th scope="row">No-sale drawer openings</th>
            <td data-testid="cashup-no-sales">{f.noSales}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
