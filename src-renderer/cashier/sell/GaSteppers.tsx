import type { BasketItem, SeatMap } from './types.ts';

interface Props {
  areas: SeatMap['areas'];
  items: BasketItem[];
  busy: boolean;
  onAdd(area: SeatMap['areas'][number]): void;
  onGiveBack(unitId: number): void;
}

/** − / + per standing (general-admission) area: each press holds or gives back one place. */
export function GaSteppers({ areas, items, busy, onAdd, onGiveBack }: Props) {
  return (
    <section className="ga" aria-label="General admission">
      {areas.map((a) => {
        const count = items.filter((i) => i.areaId === a.id).length;
        return (
          <div key={a.id} className="stepper" data-testid="ga-stepper" data-area={a.name}>
            <span>
              {a.name} <small>{a.available} free</small>
            </span>
            <button
              type="button"
              aria-label={`One fewer in ${a.name}`}
              disabled={busy || count === 0}
              onClick={() => {
                const last = [...items].reverse().find((i) => i.areaId === a.id);
                if (last) onGiveBack(last.unitId);
              }}
            >
              −
            </button>
            <strong data-testid="ga-count">{count}</strong>
            <button type="button" aria-label={`One more in ${a.name}`} disabled={busy || a.available === 0} onClick={() => onAdd(a)}>
              +
            </button>
          </div>
        );
      })}
    </section>
  );
}
