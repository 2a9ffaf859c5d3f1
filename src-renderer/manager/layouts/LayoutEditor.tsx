import { useEffect, useRef, useState } from 'react';
import type { LayoutInfoDto, LayoutProblemDto } from '../../../src-shared/contract/layouts.ts';
import type { OutputOf } from '../../../src-shared/contract/index.ts';
import { call } from '../../transport/api.ts';
import { ElementEditor } from './ElementEditor.tsx';
import { elementIndexOf, elementLabels, elementTypes, moved, newElement, readDoc, writeDoc, type LayoutDoc } from './layout-doc.ts';

type Fields = OutputOf<'layoutFields'>;
const PREVIEW_DELAY_MS = 300;

interface Props {
  layouts: LayoutInfoDto[];
  logos: string[];
  onSaved(id: string): void;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Edits one layout file, in a form or as raw text (the same text underneath), with a preview
 * decoded from the printer bytes beside it, redrawn shortly after each change.
 */
export function LayoutEditor({ layouts, logos, onSaved }: Props) {
  const [layoutId, setLayoutId] = useState<string>('ticket-80mm');
  const [text, setText] = useState<string>('');
  const [loadedText, setLoadedText] = useState<string>('');
  const [mode, setMode] = useState<'form' | 'raw'>('form');
  const [preview, setPreview] = useState<{ png: string; widthDots: number; heightDots: number } | null>(null);
  const [problems, setProblems] = useState<LayoutProblemDto[]>([]);
  const [previewing, setPreviewing] = useState(false);
  const [fields, setFields] = useState<Fields>({ fields: [], lists: [] });
  const [saveAs, setSaveAs] = useState('ticket-80mm');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [addType, setAddType] = useState('text');
  const [printers, setPrinters] = useState<{ id: string; name: string }[]>([]);
  const [printerId, setPrinterId] = useState('');
  const rawRef = useRef<HTMLTextAreaElement>(null);
  // The preview fills with sample data, or with a real order once a reference is typed and shown.
  const [previewWith, setPreviewWith] = useState<'sample' | 'order'>('sample');
  const [orderTyped, setOrderTyped] = useState('');
  const [orderShown, setOrderShown] = useState('');
  const [filledFrom, setFilledFrom] = useState<{ reference: string; what: string } | null>(null);
  const [orderProblem, setOrderProblem] = useState<string | null>(null);
  const orderId = previewWith === 'order' && orderShown ? orderShown : null;

  const info = layouts.find((l) => l.id === layoutId);
  const parsed = readDoc(text);
  const doc = 'doc' in parsed ? parsed.doc : null;
  const kind = doc?.kind ?? info?.kind ?? 'ticket';

  useEffect(() => {
    let live = true;
    setMessage(null);
    call('getLayoutText', { id: layoutId })
      .then((out) => {
        if (!live) return;
        setText(out.text);
        setLoadedText(out.text);
        setSaveAs(layoutId);
      })
      .catch((e: unknown) => live && setMessage({ ok: false, text: messageOf(e) }));
    return () => {
      live = false;
    };
  }, [layoutId]);

  useEffect(() => {
    call('listPrinters', {})
      .then((list) => setPrinters(list.map(({ id, name }) => ({ id, name }))))
      .catch(() => setPrinters([]));
  }, []);

  useEffect(() => {
    call('layoutFields', { kind })
      .then(setFields)
      .catch(() => setFields({ fields: [], lists: [] }));
  }, [kind]);

  // Redraw after a short pause in typing; an answer that arrives after a newer edit is dropped.
  useEffect(() => {
    if (!text) return;
    let live = true;
    setPreviewing(true);
    const timer = setTimeout(() => {
      call('previewLayout', orderId ? { text, orderId } : { text })
        .then((out) => {
          if (!live) return;
          setProblems(out.problems);
          setOrderProblem(null);
          setFilledFrom(out.filledFrom ?? null);
          if (out.preview) setPreview(out.preview);
        })
        .catch((e: unknown) => {
          if (!live) return;
          // A wrong reference is the order box's problem, not the layout's.
          if (orderId) setOrderProblem(messageOf(e));
          else setProblems([{ id: layoutId, file: '', problem: messageOf(e), message: messageOf(e) }]);
        })
        .finally(() => live && setPreviewing(false));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, orderId]);

  const update = (next: LayoutDoc) => setText(writeDoc(next));
  const problem = problems[0] ?? null;
  const problemAt = elementIndexOf(problem?.path);

  async function save() {
    setMessage(null);
    try {
      const saved = await call('saveLayout', { id: saveAs, text });
      setLoadedText(text);
      setMessage({ ok: true, text: `Saved '${saved.name}' as ${saved.id}; the next print uses it.` });
      onSaved(saved.id);
      if (saved.id !== layoutId) setLayoutId(saved.id);
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e) });
    }
  }

  async function restore() {
    setMessage(null);
    try {
      await call('restoreLayout', { id: layoutId });
      const out = await call('getLayoutText', { id: layoutId });
      setText(out.text);
      setLoadedText(out.text);
      setMessage({ ok: true, text: `Restored the built-in ${layoutId}.` });
      onSaved(layoutId);
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e) });
    }
  }

  async function printSample() {
    setMessage(null);
    try {
      const job = await call('printLayoutSample', printerId ? { layoutId, printerId } : { layoutId });
      setMessage({ ok: true, text: `${job.label}: ${job.words}` });
    } catch (e) {
      setMessage({ ok: false, text: messageOf(e) });
    }
  }

  function goToProblem(p: LayoutProblemDto) {
    const area = rawRef.current;
    if (!area || p.line === undefined) return;
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < p.line - 1 && i < lines.length; i++) offset += lines[i]!.length + 1;
    offset += Math.max(0, (p.column ?? 1) - 1);
    area.focus();
    area.setSelectionRange(offset, offset);
  }

  const dirty = text !== loadedText;
  const firstList = fields.lists[0]?.name;

  return (
    <div className="layout-editor">
      <div className="editor-toolbar">
        <label>
          Layout
          <select value={layoutId} onChange={(e) => setLayoutId(e.target.value)} data-testid="layout-pick">
            {layouts.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.id}){l.source === 'user' ? (l.overridesBuiltin ? ', venue copy' : ', venue') : ''}
              </option>
            ))}
          </select>
        </label>
        <div className="mode-switch" role="group" aria-label="Editor mode">
          <button type="button" aria-pressed={mode === 'form'} onClick={() => setMode('form')} data-testid="mode-form">
            Form
          </button>
          <button type="button" aria-pressed={mode === 'raw'} onClick={() => setMode('raw')} data-testid="mode-raw">
            Raw text
          </button>
        </div>
        <label>
          Save as
          <input value={saveAs} onChange={(e) => setSaveAs(e.target.value.toLowerCase())} data-testid="layout-save-id" size={18} />
        </label>
        <button type="button" className="primary" onClick={() => void save()} data-testid="layout-save">
          Save{dirty ? ' *' : ''}
        </button>
        {info?.overridesBuiltin && (
          <button type="button" onClick={() => void restore()} data-testid="layout-restore">
            Restore built-in
          </button>
        )}
        <label>
          Sample on
          <select value={printerId} onChange={(e) => setPrinterId(e.target.value)} data-testid="layout-sample-printer">
            <option value="">The printer for its kind</option>
            {printers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void printSample()} data-testid="layout-print-sample">
          Print sample
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'} data-testid="layout-message">
          {message.text}
        </p>
      )}
      <div className="editor-body">
        <div className="editor-main">
          {mode === 'raw' && (
            <>
              <textarea
                ref={rawRef}
                className="raw-text"
                value={text}
                onChange={(e) => setText(e.target.value)}
                spellCheck={false}
                aria-label="Layout file"
                data-testid="layout-raw"
              />
              {problem && (
                <button type="button" className="error problem-line" onClick={() => goToProblem(problem)} data-testid="layout-problem">
                  {problem.line !== undefined ? `Line ${problem.line}, column ${problem.column ?? 1}: ` : ''}
                  {problem.problem}
                </button>
              )}
            </>
          )}
          {mode === 'form' && !doc && (
            <p className="error" role="alert">
              {'error' in parsed ? parsed.error : ''}
            </p>
          )}
          {mode === 'form' && doc && (
            <>
              <div className="doc-props">
                <label>
                  Name
                  <input value={doc.name} onChange={(e) => update({ ...doc, name: e.target.value })} data-testid="layout-name" />
                </label>
                <label>
                  Prints
                  <select value={doc.kind} onChange={(e) => update({ ...doc, kind: e.target.value as LayoutDoc['kind'] })}>
                    <option value="ticket">Tickets</option>
                    <option value="receipt">Receipts</option>
                    <option value="reservation">Reservation slips</option>
                    <option value="cash-up">Cash-up reports</option>
                  </select>
                </label>
                <label>
                  Paper
                  <select value={doc.widthDots} onChange={(e) => update({ ...doc, widthDots: Number(e.target.value) })}>
                    <option value={576}>80 mm (576 dots)</option>
                    <option value={384}>58 mm (384 dots)</option>
                  </select>
                </label>
              </div>
              {problem && problemAt === null && (
                <p className="error" role="alert" data-testid="layout-problem">
                  {problem.problem}
                </p>
              )}
              <ol className="element-list">
                {doc.elements.map((el, i) => (
                  <ElementEditor
                    key={i}
                    element={el}
                    index={i}
                    count={doc.elements.length}
                    fields={fields.fields}
                    lists={fields.lists}
                    logos={logos}
                    problem={problemAt === i ? problem!.problem : null}
                    onChange={(next) => update({ ...doc, elements: doc.elements.map((old, j) => (j === i ? next : old)) })}
                    onMove={(to) => update({ ...doc, elements: moved(doc.elements, i, to) })}
                    onRemove={() => update({ ...doc, elements: doc.elements.filter((_, j) => j !== i) })}
                  />
                ))}
              </ol>
              <div className="add-element">
                <select value={addType} onChange={(e) => setAddType(e.target.value)} aria-label="Element to add" data-testid="element-add-type">
                  {elementTypes.map((t) => (
                    <option key={t} value={t}>
                      {elementLabels[t]}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  data-testid="element-add"
                  onClick={() => {
                    // New elements go before a closing cut, where they would be printed.
                    const els = doc.elements;
                    const at = els.length > 0 && els[els.length - 1]!.type === 'cut' ? els.length - 1 : els.length;
                    update({ ...doc, elements: [...els.slice(0, at), newElement(addType, firstList), ...els.slice(at)] });
                  }}
                >
                  Add element
                </button>
              </div>
            </>
          )}
        </div>
        <figure className="layout-preview" aria-label="Preview" aria-busy={previewing}>
          <figcaption>
            Preview {preview ? `(${preview.widthDots} × ${preview.heightDots} dots)` : ''} {previewing ? '…' : ''}
          </figcaption>
          <form
            className="preview-with"
            onSubmit={(e) => {
              e.preventDefault();
              setOrderShown(orderTyped.trim());
            }}
          >
            <label>
              Preview with
              <select
                value={previewWith}
                onChange={(e) => setPreviewWith(e.target.value as 'sample' | 'order')}
                data-testid="preview-with"
              >
                <option value="sample">Sample data</option>
                <option value="order">An order…</option>
              </select>
            </label>
            {previewWith === 'order' && (
              <>
                <label>
                  Order reference
                  <input
                    value={orderTyped}
                    onChange={(e) => setOrderTyped(e.target.value)}
                    placeholder="e.g. 7K2M9Q4D"
                    size={12}
                    autoFocus
                    data-testid="preview-order"
                  />
                </label>
                <button type="submit" disabled={orderTyped.trim().length < 4} data-testid="preview-order-show">
                  Show
                </button>
              </>
            )}
          </form>
          {previewWith === 'order' && orderProblem && (
            <p className="error" role="alert" data-testid="preview-order-problem">
              {orderProblem}
            </p>
          )}
          <p className="preview-source" data-testid="preview-source">
            {filledFrom ? `Order ${filledFrom.reference}, ${filledFrom.what}` : 'Sample data'}
          </p>
          {preview && (
            <img
              src={`data:image/png;base64,${preview.png}`}
              alt={filledFrom ? `How the layout prints order ${filledFrom.reference}` : 'How the layout prints with sample data'}
              data-testid="layout-preview"
              className={problem || (previewWith === 'order' && orderProblem) ? 'stale' : ''}
              style={{ width: Math.min(preview.widthDots, 400) }}
            />
          )}
        </figure>
      </div>
    </div>
  );
}
