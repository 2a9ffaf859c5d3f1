import { sql } from 'drizzle-orm';
import { MarqueeError } from '../../src-shared/errors.ts';
import type { AreaOnMap, SeatMap, SeatOnMap } from '../../src-shared/contract/performances.ts';
import type { UnitState } from '../../src-shared/contract/common.ts';
import { seatLabel as wordSeat } from '../../src-shared/seat-label.ts';
import type { RecordsDb } from '../db/open.ts';
import { getPerformanceSummary } from './performance-list.ts';

interface SeatRow {
  unitId: number;
  seatId: string;
  zone: string;
  row: string;
  number: string;
  x: number;
  y: number;
  radius: number;
  category: string;
  wheelchair: number;
  restrictedView: number;
  state: UnitState;
  holdExpiresAt: number | null;
  holdStationId: string | null;
}

/**
 * The seat's name in words ("Stalls, row A, seat 1"), by the one rule the engine's labels, tickets
 * and messages also use (src-shared/seat-label.ts): the screens compare the map's names with the engine's.
 */
export function seatLabel(zone: string, row: string, number: string): string {
  return wordSeat({ zone, row, number });
}

/**
 * One performance's map: every seat at the plan's coordinates with its state as of `now`.
 * `stationId` is the window asking: its own live holds come back marked `heldByMe`.
 */
export function getSeatMap(records: RecordsDb, performanceId: string, now: number, stationId: string | null = null): SeatMap {
  const performance = getPerformanceSummary(records, performanceId, now);
  if (!performance) throw new MarqueeError('NOT_FOUND', `There is no performance with id ${performanceId}.`);
  const plan = records.get<{ planId: string; width: number; height: number }>(
    sql`select sp.id as planId, sp.width as width, sp.height as height
        from performances p join seating_plans sp on sp.id = p.plan_id where p.id = ${performanceId}`,
  );
  const categories = records.all<{ name: string; color: string }>(
    sql`select name, color from plan_categories where plan_id = ${plan.planId} order by name`,
  );
  const seatRows = records.all<SeatRow>(sql`
    select u.id as unitId, s.id as seatId, s.zone as zone, s.row as row, s.number as number,
           s.x as x, s.y as y, s.radius as radius, u.category as category,
           s.wheelchair as wheelchair, s.restricted_view as restrictedView,
           u.state as state, u.hold_expires_at as holdExpiresAt, u.hold_station_id as holdStationId
    from units u join plan_seats s on s.id = u.seat_id
    where u.performance_id = ${performanceId}
    order by u.id`);
  const seats: SeatOnMap[] = seatRows.map((s) => {
    const state: UnitState = s.state === 'held' && (s.holdExpiresAt ?? 0) <= now ? 'available' : s.state;
    return {
      unitId: s.unitId,
      seatId: s.seatId,
      label: seatLabel(s.zone, s.row, s.number),
      zone: s.zone,
      row: s.row,
      number: s.number,
      x: s.x,
      y: s.y,
      radius: s.radius,
      category: s.category,
      wheelchair: s.wheelchair === 1,
      restrictedView: s.restrictedView === 1,
      state,
      heldByMe: state === 'held' && stationId !== null && s.holdStationId === stationId,
    };
  });
  const areas = records.all<Omit<AreaOnMap, 'available'> & { available: number | null }>(sql`
    select a.id as id, a.name as name, a.shape as shape, a.x as x, a.y as y, a.width as width,
           a.height as height, a.rotation as rotation, a.color as color, a.capacity as capacity,
           a.category as category,
           (select count(*) from units u where u.area_id = a.id and u.performance_id = ${performanceId}
              and (u.state = 'available' or (u.state = 'held' and u.hold_expires_at <= ${now}))) as available
    from plan_areas a where a.plan_id = ${plan.planId}
    order by a.capacity, a.name`);
  const rowLabels = records.all<SeatMap['rowLabels'][number]>(
    sql`select zone, row, number_position as position from plan_rows where plan_id = ${plan.planId} order by zone, row`,
  );
  return {
    performance,
    width: plan.width,
    height: plan.height,
    categories,
    seats,
    areas: areas.map((a) => ({ ...a, available: a.available ?? 0 })),
    rowLabels,
  };
}
