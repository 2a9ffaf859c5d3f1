import { primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { seatingPlans } from './schema.ts';

/**
 * Where a plan's "best" is measured from (plans/rank-seats.ts): the stage or pitch found by name,
 * the plan's top centre, or a point a manager placed in the import preview. One row per plan; a
 * plan imported before this table existed has none and was ranked from its stage or top centre.
 */
export const planFocus = sqliteTable('plan_focus', {
  planId: text('plan_id')
    .primaryKey()
    .references(() => seatingPlans.id),
  x: real('x').notNull(),
  y: real('y').notNull(),
  source: text('source', { enum: ['area', 'top', 'manager'] }).notNull(),
  areaName: text('area_name'),
});

/**
 * Where a plan's row names are drawn along each row (pretix's `row_number_position`): before the
 * first seat, after the last, at both ends, or not at all. A row not listed here is named at both ends.
 */
export const planRows = sqliteTable(
  'plan_rows',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => seatingPlans.id),
    zone: text('zone').notNull(),
    row: text('row').notNull(),
    numberPosition: text('number_position', { enum: ['start', 'end', 'both', 'none'] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.zone, t.row] })],
);
