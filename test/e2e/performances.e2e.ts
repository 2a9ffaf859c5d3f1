import { describe, expect, it } from 'vitest';
import { countInDatabase, demoCashier, keepScreenshot, queryDatabase, signIn, useBoxOffice } from './box-office.ts';

const host = useBoxOffice();

/** The counts the screen must show, read straight from the SQLite file the host writes. */
function countsFromDatabase(dataDir: string) {
  return queryDatabase<{ id: string; capacity: number; sold: number; available: number }>(
    dataDir,
    `select p.id as id, count(u.id) as capacity, sum(u.state = 'booked') as sold,
            sum(u.state = 'available') as available
     from performances p join units u on u.performance_id = p.id group by p.id`,
  );
}

describe('host mode in Chromium', () => {
  it('shows the demo performances with counts read from SQLite', async () => {
    const page = await host.signedIn();
    const rows = page.getByTestId('performance-row');
    await rows.first().waitFor();
    expect(await page.getByRole('heading', { name: 'Today' }).count()).toBe(1);
    const expected = new Map(countsFromDatabase(host.dataDir).map((c) => [c.id, c]));
    const shown = await rows.evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute('data-performance-id'),
        capacity: Number(el.querySelector('[data-testid=count-capacity]')?.textContent),
        sold: Number(el.querySelector('[data-testid=count-sold]')?.textContent),
        available: Number(el.querySelector('[data-testid=count-available]')?.textContent),
      })),
    );
    expect(shown.length).toBeGreaterThan(5);
    for (const row of shown) {
      const db = expected.get(row.id ?? '');
      expect(db, `performance ${row.id} is in the database`).toBeDefined();
      expect(row).toEqual({ id: db!.id, capacity: db!.capacity, sold: db!.sold, available: db!.available });
    }
    expect(shown.some((r) => r.capacity > 500)).toBe(true);
    expect(shown.some((r) => r.capacity === 120)).toBe(true);
    await keepScreenshot(page, 'performance-list');
    await page.close();
  });

  it('opens a performance and draws its seat map from the plan', async () => {
    const page = await host.signedIn();
    const theatreRow = page.getByTestId('performance-row').filter({ hasText: 'Lyric' }).first();
    const performanceId = await theatreRow.getAttribute('data-performance-id');
    await theatreRow.click();
    const map = page.getByTestId('seat-map');
    await map.waitFor();
    const planSeats = { n: countInDatabase(host.dataDir, 'select count(*) as n from units where performance_id = ? and seat_id is not null', performanceId) };
    expect(planSeats.n).toBeGreaterThan(500);
    await expect.poll(() => page.getByTestId('seat').count(), { timeout: 20_000 }).toBe(planSeats.n);
    expect(await page.locator('[data-testid=seat] title', { hasText: 'wheelchair place' }).count()).toBeGreaterThan(0);
    const box = await map.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    await keepScreenshot(page, 'seat-map');
    await page.close();
  });

  it('offers the demo on first start with an empty database', async () => {
    const empty = await host.startAnother({ demo: false });
    try {
      const page = await empty.newWindow();
      await page.getByTestId('demo-offer').waitFor();
      await page.getByTestId('load-demo').click();
      // The demo brings its staff, so the window now asks who is selling.
      await expect.poll(() => page.getByTestId('staff-member').count(), { timeout: 20_000 }).toBe(3);
      expect(await page.getByTestId('demo-offer').count()).toBe(0);
      await signIn(page, demoCashier.name, demoCashier.pin);
      await page.getByTestId('performance-row').first().waitFor();
      await keepScreenshot(page, 'demo-offer-loaded');
      await page.close();
    } finally {
      await empty.stop();
    }
  });
});
