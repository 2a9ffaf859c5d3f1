import { useEffect, useState } from 'react';
import type { LayoutInfoDto, LayoutProblemDto } from '../../../src-shared/contract/layouts.ts';
import { call } from '../../transport/api.ts';
import { PrintWarnings } from '../../cashier/sell/PrintState.tsx';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { LayoutChoicesPanel } from './LayoutChoicesPanel.tsx';
import { LayoutEditor } from './LayoutEditor.tsx';
import { LogosPanel } from './LogosPanel.tsx';
import './layouts.css';

type Part = 'edit' | 'logos' | 'events';
const PARTS: { id: Part; label: string }[] = [
  { id: 'edit', label: 'Edit layouts' },
  { id: 'logos', label: 'Logos' },
  { id: 'events', label: 'Layout per event' },
];

/** Ticket, receipt and report layouts: the editor with its live preview, logos, and which event prints which. */
export function LayoutsScreen(_props: ScreenProps) {
  const [part, setPart] = useState<Part>('edit');
  const [layouts, setLayouts] = useState<LayoutInfoDto[]>([]);
  const [broken, setBroken] = useState<LayoutProblemDto[]>([]);
  const [logos, setLogos] = useState<string[]>([]);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    call('listLayouts', {})
      .then((out) => {
        setLayouts(out.layouts);
        setBroken(out.problems);
      })
      .catch(() => setLayouts([]));
    call('listLogos', {})
      .then((list) => setLogos(list.map((l) => l.name)))
      .catch(() => setLogos([]));
  }, [tick]);

  return (
    <section className="layouts-screen" aria-label="Layouts">
      <div className="toolbar">
        <h1>Layouts</h1>
        <div className="part-tabs" role="tablist">
          {PARTS.map((p) => (
            <button key={p.id} type="button" role="tab" aria-selected={part === p.id} onClick={() => setPart(p.id)} data-testid={`layouts-part-${p.id}`}>
              {p.label}
            </button>
          ))}
        </div>
      </div>
      {broken.map((p) => (
        <p key={p.id} className="error" role="alert">
          {p.message}
        </p>
      ))}
      <PrintWarnings />
      {part === 'edit' && layouts.length > 0 && <LayoutEditor layouts={layouts} logos={logos} onSaved={() => setTick((t) => t + 1)} />}
      {part === 'logos' && <LogosPanel onAdded={() => setTick((t) => t + 1)} />}
      {part === 'events' && <LayoutChoicesPanel layouts={layouts} />}
    </section>
  );
}
