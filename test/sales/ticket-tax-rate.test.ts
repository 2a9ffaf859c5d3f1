import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { priceBands } from '../../src-main/db/records/schema.ts';
import { orderPrintData } from '../../src-main/print/order-print-data.ts';
import { Day } from '../shifts/day.ts';

let day: Day | undefined;
afterEach(() => {
  day?.dispose();
  day = undefined;
});

/**
 * Each ticket keeps the tax rate it was sold at (tickets.tax_rate_bp): a manager who changes a
 * band's rate afterwards changes neither the reprinted receipt nor the X report of that sale.
 */
describe('the tax rate a ticket was sold at', () => {
  it('stays on the receipt reprint and the X report after the band’s rate changes', () => {
    const d = (day = new Day());
    const cass = d.at('W1');
    d.till.open(cass, { amountMinor: 5000 });
    const sale = d.sell(cass, 2, 'card'); // 2 × Adult £25.00, 20 % included
    expect(sale.tickets).toHaveLength(2);
    const before = orderPrintData(d.office, sale.order.id).receipt.taxLines;
    expect(before).toEqual([{ name: 'VAT', rate: '20%', net: 4167, tax: 833, gross: 5000 }]);

    // The band's rate changes to 5 %. Managers' screens refuse to edit a sold band, but a rate can
    // still change under a sale (a restored copy, a central edit, a hand fix): the ticket keeps its own.
    d.office.records.update(priceBands).set({ taxRateBp: 500 }).where(eq(priceBands.id, d.show.bands.adult)).run();

    expect(orderPrintData(d.office, sale.order.id).receipt.taxLines).toEqual(before);
    const x = d.till.xReport('W1');
    expect(x.taxByRate).toEqual([{ taxRateBp: 2000, netMinor: 4167, taxMinor: 833, grossMinor: 5000 }]);

    // A sale after the change is at the new rate, reported on its own line.
    d.sell(cass, 1, 'card');
    expect(d.till.xReport('W1').taxByRate.map((r) => r.taxRateBp)).toEqual([500, 2000]);
  });
});
