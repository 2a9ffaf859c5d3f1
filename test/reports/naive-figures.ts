import type Database from 'better-sqlite3';

/**
 * The report cells computed the slow, obvious way, straight from the ledger's JSON payloads with
 * GROUP BY (no code shared with src-main/reports/rollup-writer.ts): what the rollups must equal.
 * Days are taken with a fixed offset in SQL, so the venue's zone in these tests has no summer time.
 */
export function naiveFineCells(db: Database.Database, offsetHours: number): string[] {
  const day = `date(l.at / 1000 + ${offsetHours * 3600}, 'unixepoch')`;
  const sign = `(CASE json_extract(t.value, '$.state') WHEN 'valid' THEN 1 ELSE -1 END)`;
  const money = `l.kind IN ('order.booked', 'order.refunded', 'order.exchanged')`;
  const rows = db
    .prepare(
      `SELECT dim, key, day, perf, station, staff, SUM(n) AS n, SUM(amount) AS amount, SUM(tax) AS tax FROM (
         SELECT 'total' AS dim, '' AS key, ${day} AS day, json_extract(t.value, '$.performanceId') AS perf, l.station_id AS station, COALESCE(l.staff_id, '') AS staff,
                ${sign} AS n, ${sign} * json_extract(t.value, '$.totalMinor') AS amount, ${sign} * json_extract(t.value, '$.taxMinor') AS tax
           FROM ledger l, json_each(l.payload, '$.rows.tickets') t WHERE ${money}
         UNION ALL
         SELECT 'band', json_extract(t.value, '$.bandName'), ${day}, json_extract(t.value, '$.performanceId'), l.station_id, COALESCE(l.staff_id, ''),
                ${sign}, ${sign} * json_extract(t.value, '$.totalMinor'), 0
           FROM ledger l, json_each(l.payload, '$.rows.tickets') t WHERE ${money}
         UNION ALL
         SELECT 'method', json_extract(p.value, '$.method'), ${day}, o.performance_id, l.station_id, COALESCE(l.staff_id, ''),
                sign(json_extract(p.value, '$.amountMinor')), json_extract(p.value, '$.amountMinor'), 0
           FROM ledger l, json_each(l.payload, '$.rows.payments') p JOIN orders o ON o.id = json_extract(p.value, '$.orderId')
          WHERE ${money} AND json_extract(p.value, '$.method') <> 'exchange'
         UNION ALL
         SELECT 'discount', d.code, ${day}, json_extract(o.value, '$.performanceId'), l.station_id, COALESCE(l.staff_id, ''),
                CASE WHEN l.kind = 'order.booked' THEN 1 WHEN json_extract(o.value, '$.state') = 'refunded' THEN -1 ELSE 0 END,
                (SELECT COALESCE(SUM(${sign} * json_extract(t.value, '$.discountMinor')), 0) FROM json_each(l.payload, '$.rows.tickets') t
                  WHERE json_extract(t.value, '$.orderId') = json_extract(o.value, '$.id')), 0
           FROM ledger l, json_each(l.payload, '$.rows.orders') o JOIN discount_codes d ON d.id = json_extract(o.value, '$.discountCodeId')
          WHERE ${money}
         UNION ALL
         SELECT 'refund', '', ${day}, l.performance_id, l.station_id, COALESCE(l.staff_id, ''), 1,
                (SELECT SUM(json_extract(t.value, '$.totalMinor')) FROM json_each(l.payload, '$.rows.tickets') t), 0
           FROM ledger l WHERE l.kind = 'order.refunded'
         UNION ALL
         SELECT 'exchange', '', ${day}, l.performance_id, l.station_id, COALESCE(l.staff_id, ''), 1, json_extract(l.payload, '$.differenceMinor'), 0
           FROM ledger l WHERE l.kind = 'order.exchanged'
       ) GROUP BY dim, key, day, perf, station, staff
       HAVING SUM(n) <> 0 OR SUM(amount) <> 0 OR SUM(tax) <> 0`,
    )
    .all() as { dim: string; key: string; day: string; perf: string; station: string; staff: string; n: number; amount: number; tax: number }[];
  return rows.map((r) => [r.dim, r.key, r.day, r.perf, r.station, r.staff, r.n, r.amount, r.tax].join('|')).sort();
}

/** Tickets scanned in per performance, by the same obvious reading of the ledger. */
export function naiveCheckIns(db: Database.Database): string[] {
  const rows = db
    .prepare(
      `SELECT json_extract(t.value, '$.performanceId') AS perf, SUM(CASE l.kind WHEN 'ticket.checked-in' THEN 1 ELSE -1 END) AS n
         FROM ledger l, json_each(l.payload, '$.rows.tickets') t WHERE l.kind IN ('ticket.checked-in', 'ticket.check-in-undone')
        GROUP BY perf HAVING n <> 0`,
    )
    .all() as { perf: string; n: number }[];
  return rows.map((r) => `${r.perf}|${r.n}`).sort();
}

/** The rollups' own cells, the fine grain in the naive shape, and each coarser grain beside the fine one summed to it. */
export function rollupCells(db: Database.Database) {
  const fine = (db.prepare(`SELECT * FROM report_sales WHERE grain = 'f' AND (count <> 0 OR amount <> 0 OR tax <> 0)`).all() as Record<string, string | number>[])
    .map((r) => [r.dim, r.key, r.pay_day, r.performance_id, r.station_id, r.staff_id, r.count, r.amount, r.tax].join('|'))
    .sort();
  const checkIns = (db.prepare(`SELECT performance_id, count FROM report_sales WHERE grain = 'P' AND dim = 'checkin' AND count <> 0`).all() as Record<string, string | number>[])
    .map((r) => `${r.performance_id}|${r.count}`)
    .sort();
  // A coarser grain must be the fine one summed over the keys it leaves out.
  const summed = (grain: string, keep: string) =>
    (db.prepare(`SELECT ${keep}, dim, key, SUM(count) c, SUM(amount) a, SUM(tax) t FROM report_sales WHERE grain = ? AND dim <> 'checkin' GROUP BY ${keep}, dim, key HAVING c <> 0 OR a <> 0 OR t <> 0`).all(grain) as Record<string, unknown>[])
      .map((r) => JSON.stringify(r))
      .sort();
  const keeps: Record<string, string> = { p: 'pay_day, performance_id', P: 'performance_id', w: 'pay_day, station_id, staff_id', F: 'performance_id, station_id, staff_id' };
  const coarse = Object.entries(keeps).map(([grain, keep]) => ({ grain, kept: summed(grain, keep), fromFine: summed('f', keep) }));
  return { fine, checkIns, coarse };
}

/** Everything in the rollups, for comparing a rebuild with the rollups kept up to date. */
export function allRollups(db: Database.Database): string[] {
  return (db.prepare(`SELECT * FROM report_sales WHERE count <> 0 OR amount <> 0 OR tax <> 0`).all() as Record<string, unknown>[]).map((r) => JSON.stringify(r)).sort();
}
