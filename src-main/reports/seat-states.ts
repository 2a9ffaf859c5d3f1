import type Database from 'better-sqlite3';

export interface SeatStates { capacity: number; held: number; reserved: number; blocked: number }

/**
 * Seats held, reserved and blocked now, and each performance's capacity, without reading every
 * seat of a season: held, reserved and blocked seats are found through their partial indexes
 * (units_hold, units_reservation, units_block), and capacity is the plan's seats and places.
 */
export function seatStates(db: Database.Database, performanceIds: readonly string[], now: number): Map<string, SeatStates> {
  const ids = JSON.stringify(performanceIds);
  const out = new Map<string, SeatStates>();
  // Per plan, not per performance: a season of performances shares a few plans.
  const performancePlans = db.prepare(`SELECT id, plan_id AS planId FROM performances WHERE id IN (SELECT value FROM json_each(?))`).all(ids) as { id: string; planId: string }[];
  const plans = JSON.stringify([...new Set(performancePlans.map((p) => p.planId))]);
  const planCapacity = new Map<string, number>();
  const addCapacity = (rows: { planId: string; n: number }[]) => {
    for (const r of rows) planCapacity.set(r.planId, (planCapacity.get(r.planId) ?? 0) + r.n);
  };
  addCapacity(db.prepare(`SELECT plan_id AS planId, COUNT(*) AS n FROM plan_seats WHERE plan_id IN (SELECT value FROM json_each(?)) GROUP BY plan_id`).all(plans) as { planId: string; n: number }[]);
  addCapacity(db.prepare(`SELECT plan_id AS planId, SUM(capacity) AS n FROM plan_areas WHERE plan_id IN (SELECT value FROM json_each(?)) GROUP BY plan_id`).all(plans) as { planId: string; n: number }[]);
  for (const p of performancePlans) out.set(p.id, { capacity: planCapacity.get(p.planId) ?? 0, held: 0, reserved: 0, blocked: 0 });
  const count = (sql: string, field: keyof Omit<SeatStates, 'capacity'>, ...params: unknown[]) => {
    for (const r of db.prepare(sql).all(...params) as { id: string; n: number }[]) {
      const s = out.get(r.id);
      if (s) s[field] = r.n;
    }
  };
  // A hold that has run out counts as available, as it does at the window.
  count(`SELECT performance_id AS id, COUNT(*) AS n FROM units WHERE hold_id IS NOT NULL AND state = 'held' AND hold_expires_at > ? GROUP BY performance_id`, 'held', now);
  count(`SELECT performance_id AS id, COUNT(*) AS n FROM units WHERE reservation_id IS NOT NULL AND state = 'reserved' GROUP BY performance_id`, 'reserved');
  count(`SELECT performance_id AS id, COUNT(*) AS n FROM units WHERE block_id IS NOT NULL AND state = 'blocked' GROUP BY performance_id`, 'blocked');
  return out;
}
