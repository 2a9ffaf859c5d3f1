import { useEffect, useLayoutEffect, useState } from 'react';
import type { LayoutInfoDto } from '../../../src-shared/contract/layouts.ts';
import { paperMm, type PrinterView } from '../../../src-shared/contract/printing.ts';
import { bridge, call } from '../../transport/api.ts';
import type { ScreenProps } from '../../shell/screen-def.ts';
import { PrintApiPanel } from './PrintApiPanel.tsx';
import { PrinterForm } from './PrinterForm.tsx';
import { PrintJobs } from './PrintJobs.tsx';
import './printers.css';
import { errorText } from '../../kit/error-text.ts';

type Editing = { printer: PrinterView | null } | null;

/** This station's printers: add and change them, test print, their state and waiting jobs, the print API. */
export function PrintersScreen(_props: ScreenProps) {
  const [printers, setPrinters] = useState<PrinterView[]>([]);
  const [layouts, setLayouts] = useState<LayoutInfoDto[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    call('listPrinters', {})
      .then((list) => live && setPrinters(list))
      .catch((e: unknown) => live && setMessage({ ok: false, text: errorText(e) }));
    return () => {
      live = false;
    };
  }, [tick]);
  useEffect(() => {
    call('listLayouts', {})
      .then((out) => setLayouts(out.layouts))
      .catch(() => setLayouts([]));
    const refresh = () => setTick((t) => t + 1);
    const offStatus = bridge.on('printerStatusChanged', refresh);
    const offJob = bridge.on('printJobChanged', refresh);
    return () => {
      offStatus();
      offJob();
    };
  }, []);
  // Alt+N adds a printer: the most frequent action on an empty station.
  // A layout effect: the listener is in place, and current, in the same task that draws the screen;
  // a passive effect runs later, so a key typed the moment the screen appears could go unheard.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        setEditing({ printer: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function act(what: () => Promise<string>) {
    setMessage(null);
    try {
      setMessage({ ok: true, text: await what() });
    } catch (e) {
      setMessage({ ok: false, text: errorText(e) });
    }
    setTick((t) => t + 1);
  }

  const current = printers.find((p) => p.id === selected) ?? printers[0] ?? null;

  return (
    <section className="printers-screen" aria-label="Printers">
      <div className="toolbar">
        <h1>
          Printers <small>this station</small>
        </h1>
        <button type="button" className="primary" onClick={() => setEditing({ printer: null })} data-testid="printer-add">
          Add printer <kbd>Alt+N</kbd>
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="printers-message">
          {message.text}
        </p>
      )}
      <div className="printers-layout">
        <div>
          {editing && (
            <PrinterForm
              key={editing.printer?.id ?? 'new'}
              printer={editing.printer}
              layouts={layouts}
              onCancel={() => setEditing(null)}
              onSaved={(p) => {
                setEditing(null);
                setSelected(p.id);
                setMessage({ ok: true, text: `Saved ${p.name}.` });
                setTick((t) => t + 1);
              }}
              onRemoved={() => {
                setEditing(null);
                setSelected(null);
                setMessage({ ok: true, text: 'Printer removed.' });
                setTick((t) => t + 1);
              }}
            />
          )}
          {printers.length === 0 && !editing && <p className="empty-offer">No printers on this station yet. Add one to print tickets and receipts.</p>}
          <ul className="printer-list">
            {printers.map((p) => (
              <li key={p.id}>
                <article
                  className={`printer-card state-${p.status.state}${current?.id === p.id ? ' chosen' : ''}`}
                  data-testid="printer-row"
                  data-printer-id={p.id}
                  aria-label={p.name}
                >
                  <button type="button" className="printer-pick" onClick={() => setSelected(p.id)} aria-pressed={current?.id === p.id}>
                    <strong>{p.name}</strong>
                    <span className="muted">
                      {p.type} · {p.interface} · {paperMm(p.widthDots)} mm · {p.jobKinds.join(', ')}
                    </span>
                  </button>
                  <p className="printer-status" data-testid="printer-status">
                    <span className={`dot state-${p.status.state}`} aria-hidden="true" /> {p.status.words}
                    {p.waitingJobs > 0 && <span className="badge"> {p.waitingJobs} waiting</span>}
                  </p>
                  <div className="actions">
                    <button type="button" data-testid="printer-test" onClick={() => void act(async () => (await call('testPrint', { printerId: p.id })).words)}>
                      Test print
                    </button>
                    <button
                      type="button"
                      data-testid="printer-check"
                      onClick={() => void act(async () => `${p.name}: ${(await call('readPrinterStatus', { printerId: p.id })).words}`)}
                    >
                      Check now
                    </button>
                    <button type="button" data-testid="printer-edit" onClick={() => setEditing({ printer: p })}>
                      Change
                    </button>
                  </div>
                </article>
              </li>
            ))}
          </ul>
          <PrintApiPanel />
        </div>
        {current && <PrintJobs printer={current} printers={printers} tick={tick} onChanged={() => setTick((t) => t + 1)} />}
      </div>
    </section>
  );
}
