import { useState, type MouseEvent } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import { Feedback, Field, useAction } from '../events/admin-kit.tsx';

type Preview = OutputOf<'previewSeatingPlan'>;
type Venue = OutputOf<'listVenues'>[number];

type Point = { x: number; y: number };

/**
 * Draws a parsed plan before anything is saved: what the manager sees is what the import writes,
 * areas with their names, and the focus point "best available" is measured from (the stage or
 * pitch found by name, else the top centre). A click on the drawing moves the focus there.
 */
function PlanDrawing({ preview, focus, onFocus }: { preview: Preview; focus: Point; onFocus(p: Point): void }) {
  const colors = new Map(preview.categories.map((c) => [c.name, c.color]));
  const margin = 24;
  const mark = Math.max(8, Math.min(preview.width, preview.height) / 40);
  function click(e: MouseEvent<SVGSVGElement>) {
    const m = e.currentTarget.getScreenCTM();
    if (!m) return;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    onFocus({ x: Math.round(Math.min(Math.max(p.x, 0), preview.width)), y: Math.round(Math.min(Math.max(p.y, 0), preview.height)) });
  }
  return (
    <svg
      className="plan-preview"
      viewBox={`${-margin} ${-margin} ${preview.width + 2 * margin} ${preview.height + 2 * margin}`}
      role="img"
      aria-label="Seating plan preview: click to move the focus point"
      data-testid="plan-preview"
      onClick={click}
      style={{ cursor: 'crosshair' }}
    >
      {preview.areas.map((a, i) => (
        <g key={i} data-testid="preview-area">
          {a.shape === 'ellipse' ? (
            <ellipse cx={a.x + a.width / 2} cy={a.y + a.height / 2} rx={a.width / 2} ry={a.height / 2} fill={a.color} opacity={0.6} />
          ) : (
            <rect x={a.x} y={a.y} width={a.width} height={a.height} fill={a.color} opacity={0.6} />
          )}
          <text
            x={a.x + a.width / 2}
            y={a.y + a.height / 2}
            textAnchor="middle"
            dominantBaseline="middle"
            fontSize={Math.max(12, Math.min(28, a.height / 4, a.width / 10))}
            fontWeight={700}
            fill="#1f2330"
            pointerEvents="none"
            data-testid="preview-area-label"
          >
            {a.name}
            {a.capacity > 0 ? ` · ${a.capacity} places` : ''}
          </text>
        </g>
      ))}
      {preview.seats.map((s, i) => (
        <circle key={i} cx={s.x} cy={s.y} r={s.radius} fill={colors.get(s.category) ?? '#888'} data-testid="preview-seat">
          <title>{`${s.label} · ${s.category}`}</title>
        </circle>
      ))}
      <g data-testid="preview-focus" data-x={focus.x} data-y={focus.y} pointerEvents="none">
        <circle cx={focus.x} cy={focus.y} r={mark} fill="none" stroke="#d6336c" strokeWidth={mark / 3} />
        <path d={`M${focus.x - mark * 1.6},${focus.y} H${focus.x + mark * 1.6} M${focus.x},${focus.y - mark * 1.6} V${focus.y + mark * 1.6}`} stroke="#d6336c" strokeWidth={mark / 4} />
      </g>
    </svg>
  );
}

/** Where the focus came from, in the manager's words. */
function focusWords(preview: Preview, moved: Point | null): string {
  if (moved) return `where you clicked (${moved.x}, ${moved.y})`;
  if (preview.focus.source === 'area' && preview.focus.areaName) return `the centre of “${preview.focus.areaName}”`;
  return 'the top centre of the plan (no area is named stage, pitch, court, screen…)';
}

export function PlanImport({ venues, onImported }: { venues: Venue[]; onImported(): void }) {
  const [venueId, setVenueId] = useState('');
  const [name, setName] = useState('');
  const [fileName, setFileName] = useState('');
  const [content, setContent] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  // The focus point as the manager moved it; null keeps the one the import would find by itself.
  const [focus, setFocus] = useState<Point | null>(null);
  const action = useAction();
  const chosenVenue = venueId || venues[0]?.id || '';
  const format = fileName.toLowerCase().endsWith('.csv') ? 'csv' : 'pretix';

  async function readFile(file: File | undefined) {
    if (!file) return;
    setFileName(file.name);
    if (!name) setName(file.name.replace(/\.(seating\.)?(json|csv)$/i, ''));
    const text = await file.text();
    setContent(text);
    setPreview(null);
    setFocus(null);
    const p = await action.run(() => call('previewSeatingPlan', { format: file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'pretix', fileName: file.name, content: text }));
    if (p) setPreview(p);
  }

  async function save() {
    const r = await action.run(
      () => call('importSeatingPlan', { venueId: chosenVenue, name, format, fileName, content, ...(focus ? { focus } : {}) }),
      (r) => `Imported ${r.seats} seats${r.generalAdmissionPlaces ? ` and ${r.generalAdmissionPlaces} standing places` : ''} in ${r.categories.length} categories.`,
    );
    if (r) {
      setPreview(null);
      setContent('');
      onImported();
    }
  }

  return (
    <div className="admin-card" data-testid="plan-import">
      <h2>Import a seating plan</h2>
      <div className="admin-form">
        <Field label="Venue">
          <select value={chosenVenue} onChange={(e) => setVenueId(e.target.value)} data-testid="import-venue">
            {venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Plan name">
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="import-name" />
        </Field>
        <Field label="pretix JSON or CSV file">
          <input type="file" accept=".json,.csv,application/json,text/csv" onChange={(e) => void readFile(e.target.files?.[0])} data-testid="import-file" />
        </Field>
        <div className="admin-actions">
          <button type="button" className="primary" disabled={!preview || !name || !chosenVenue || action.busy} onClick={() => void save()} data-testid="import-save">
            Save plan
          </button>
        </div>
      </div>
      <Feedback error={action.error} done={action.done} />
      {preview && (
        <>
          <p data-testid="preview-summary">
            {preview.seats.length} seats in {preview.zones.length} zone(s), {preview.generalAdmissionPlaces} standing places. Categories:{' '}
            {preview.categories.map((c) => (
              <span key={c.name} className="badge" style={{ borderLeft: `12px solid ${c.color}`, marginRight: 6 }}>
                {c.name}
              </span>
            ))}
          </p>
          <p data-testid="preview-focus-words">
            Best available is measured from {focusWords(preview, focus)}. Click the plan to move it
            {focus && (
              <>
                {' '}
                or{' '}
                <button type="button" onClick={() => setFocus(null)} data-testid="preview-focus-reset">
                  put it back
                </button>
              </>
            )}
            .
          </p>
          <PlanDrawing preview={preview} focus={focus ?? preview.focus} onFocus={setFocus} />
        </>
      )}
    </div>
  );
}
