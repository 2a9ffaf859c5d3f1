import { useState } from 'react';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import { Feedback, Field, useAction } from '../events/admin-kit.tsx';

type Preview = OutputOf<'previewSeatingPlan'>;
type Venue = OutputOf<'listVenues'>[number];

/** Draws a parsed plan before anything is saved: what the manager sees is what the import writes. */
function PlanDrawing({ preview }: { preview: Preview }) {
  const colors = new Map(preview.categories.map((c) => [c.name, c.color]));
  return (
    <svg className="plan-preview" viewBox={`0 0 ${preview.width} ${preview.height}`} role="img" aria-label="Seating plan preview" data-testid="plan-preview">
      {preview.areas.map((a, i) =>
        a.shape === 'ellipse' ? (
          <ellipse key={i} cx={a.x + a.width / 2} cy={a.y + a.height / 2} rx={a.width / 2} ry={a.height / 2} fill={a.color} opacity={0.6} />
        ) : (
          <rect key={i} x={a.x} y={a.y} width={a.width} height={a.height} fill={a.color} opacity={0.6} />
        ),
      )}
      {preview.seats.map((s, i) => (
        <circle key={i} cx={s.x} cy={s.y} r={s.radius} fill={colors.get(s.category) ?? '#888'} data-testid="preview-seat">
          <title>{`${s.label} · ${s.category}`}</title>
        </circle>
      ))}
    </svg>
  );
}

export function PlanImport({ venues, onImported }: { venues: Venue[]; onImported(): void }) {
  const [venueId, setVenueId] = useState('');
  const [name, setName] = useState('');
  const [fileName, setFileName] = useState('');
  const [content, setContent] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
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
    const p = await action.run(() => call('previewSeatingPlan', { format: file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'pretix', fileName: file.name, content: text }));
    if (p) setPreview(p);
  }

  async function save() {
    const r = await action.run(
      () => call('importSeatingPlan', { venueId: chosenVenue, name, format, fileName, content }),
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
          <PlanDrawing preview={preview} />
        </>
      )}
    </div>
  );
}
