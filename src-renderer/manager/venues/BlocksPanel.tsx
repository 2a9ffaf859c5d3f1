import { useEffect, useState } from 'react';
import { bridge, call } from '../../transport/api.ts';
import { useAsync } from '../../use-async.ts';
import { Feedback, Field, formatDateTime, useAction } from '../events/admin-kit.tsx';
import { DateTimeTextField, readDateTime } from '../../kit/date-fields.tsx';

export const BLOCK_NAMES = ['House seats', 'Press', 'Broken', 'Restricted view'];

/** Take seats off sale per performance under a name, optionally until a release time. */
export function BlocksPanel() {
  const performances = useAsync(() => call('listPerformances', { days: 60 }), []);
  const [performanceId, setPerformanceId] = useState('');
  const chosen = performanceId || performances.data?.[0]?.id || '';
  const map = useAsync(() => (chosen ? call('getSeatMap', { performanceId: chosen }) : Promise.resolve(null)), [chosen]);
  const blocks = useAsync(() => (chosen ? call('listBlocks', { performanceId: chosen }) : Promise.resolve([])), [chosen]);
  const [picked, setPicked] = useState<number[]>([]);
  const [name, setName] = useState(BLOCK_NAMES[0]!);
  const [releaseAt, setReleaseAt] = useState('');
  const action = useAction();

  useEffect(() => setPicked([]), [chosen]);
  useEffect(() => bridge.on('performancesChanged', () => performances.reload()), [performances.reload]);
  useEffect(
    () =>
      bridge.on('unitsChanged', (p) => {
        if (p.performanceId === chosen) {
          map.reload();
          blocks.reload();
        }
      }),
    [chosen, map.reload, blocks.reload],
  );

  const toggle = (unitId: number) => setPicked(picked.includes(unitId) ? picked.filter((u) => u !== unitId) : [...picked, unitId]);

  async function block() {
    const r = await action.run(
      async () => {
        const release = readDateTime(releaseAt, 'the release');
        return call('blockSeats', { performanceId: chosen, unitIds: picked, name, ...(release !== null ? { releaseAt: release } : {}) });
      },
      () => `Blocked ${picked.length} seat(s) as ${name}.`,
    );
    if (r) {
      setPicked([]);
      map.reload();
      blocks.reload();
    }
  }

  async function release(blockId: string) {
    const r = await action.run(() => call('releaseBlock', { blockId }), () => 'Seats are back on sale.');
    if (r) {
      map.reload();
      blocks.reload();
    }
  }

  const seatMap = map.data;
  return (
    <div className="admin-card" data-testid="blocks-panel">
      <h2>Blocked seats</h2>
      <div className="admin-form">
        <Field label="Performance">
          <select value={chosen} onChange={(e) => setPerformanceId(e.target.value)} data-testid="block-performance">
            {performances.data?.map((p) => (
              <option key={p.id} value={p.id}>
                {formatDateTime(p.startsAt)} · {p.eventTitle}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Block name">
          <select value={name} onChange={(e) => setName(e.target.value)} data-testid="block-name">
            {BLOCK_NAMES.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </Field>
        <Field label="Release automatically at (optional)">
          <DateTimeTextField value={releaseAt} onChange={setReleaseAt} data-testid="block-release" />
        </Field>
        <div className="admin-actions">
          <button type="button" className="primary" disabled={picked.length === 0 || action.busy} onClick={() => void block()} data-testid="block-create">
            Block {picked.length} seat(s)
          </button>
        </div>
      </div>
      <Feedback error={action.error} done={action.done} />
      <p className="muted">Click free seats (or Tab to them and press Space) to pick them. Dark grey seats are blocked; light grey ones are sold, held or reserved.</p>
      {seatMap && (
        <svg className="plan-preview" viewBox={`0 0 ${seatMap.width} ${seatMap.height}`} role="group" aria-label="Pick seats to block" data-testid="block-map">
          {seatMap.seats.map((s) => {
            const free = s.state === 'available';
            const isPicked = picked.includes(s.unitId);
            return (
              <circle
                key={s.unitId}
                cx={s.x}
                cy={s.y}
                r={s.radius}
                className={isPicked ? 'picked' : undefined}
                fill={s.state === 'blocked' ? '#555' : free ? (seatMap.categories.find((c) => c.name === s.category)?.color ?? '#888') : '#ddd'}
                tabIndex={free ? 0 : -1}
                role="checkbox"
                aria-checked={isPicked}
                aria-label={s.label}
                onClick={() => free && toggle(s.unitId)}
                onKeyDown={(e) => {
                  if (free && (e.key === ' ' || e.key === 'Enter')) {
                    e.preventDefault();
                    toggle(s.unitId);
                  }
                }}
                data-testid="block-seat"
                data-state={s.state}
              >
                <title>{`${s.label} · ${s.state}`}</title>
              </circle>
            );
          })}
        </svg>
      )}
      <table>
        <thead>
          <tr>
            <th>Block</th>
            <th>Seats</th>
            <th>Releases</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {blocks.data?.map((b) => (
            <tr key={b.id} data-testid="block-row">
              <td>{b.name}</td>
              <td title={b.labels.join(', ')}>
                {b.seats} · {b.labels.slice(0, 4).join(', ')}
                {b.labels.length > 4 ? '…' : ''}
              </td>
              <td>{b.releaseAt ? formatDateTime(b.releaseAt) : '—'}</td>
              <td>{b.state === 'active' ? 'Active' : 'Released'}</td>
              <td>
                {b.state === 'active' && (
                  <button type="button" onClick={() => void release(b.id)} data-testid="block-release-now">
                    Release now
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
