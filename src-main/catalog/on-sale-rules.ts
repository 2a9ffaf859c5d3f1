import { sql } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { RecordsDb } from '../db/open.ts';

/**
 * The price categories a plan sells (its seats' categories and its standing areas' places) that
 * the event has no price band for. A band without a category prices every category.
 */
export function unpricedCategories(records: RecordsDb, eventId: string, planId: string): string[] {
  const rows = records.all<{ category: string }>(sql`
    select category from (
      select distinct category from plan_seats where plan_id = ${planId}
      union
      select distinct coalesce(category, name) as category from plan_areas where plan_id = ${planId} and capacity > 0
    ) sold
    where not exists (
      select 1 from price_bands b where b.event_id = ${eventId} and (b.category is null or b.category = sold.category)
    )
    order by category`);
  return rows.map((r) => r.category);
}

/** "Stalls", "Stalls and Circle", "Stalls, Circle and Balcony". */
function inWords(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * No sale without prices: a performance goes on sale only when every category it sells has a
 * price band, and the manager is told which ones lack one.
 */
export function requirePricesToSell(records: RecordsDb, eventId: string, planId: string): void {
  const missing = unpricedCategories(records, eventId, planId);
  if (missing.length === 0) return;
  const plural = missing.length > 1 ? 'categories' : 'category';
  throw new MarqueeError(
    'BAD_INPUT',
    `This cannot go on sale yet: there is no price for the ${plural} ${inWords(missing.map((m) => `"${m}"`))}. Add a price band for ${missing.length > 1 ? 'each' : 'it'} (or one for every category) first, or keep the performance off sale.`,
    { unpricedCategories: missing },
  );
}
