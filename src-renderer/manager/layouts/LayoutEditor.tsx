import type { LayoutInfoDto } from '../../../src-shared/contract/layouts.ts';
import { LayoutForm } from './LayoutForm.tsx';
import { LayoutPreview } from './LayoutPreview.tsx';
import { useLayoutDoc } from './use-layout-doc.ts';

interface Props {
  layouts: LayoutInfoDto[];
  logos: string[];
  onSaved(id: string): void;
}

/**
 * Edits one layout file, in a form or as raw text (the same text underneath), with a preview
 * decoded from the printer bytes beside it, redrawn shortly after each change (useLayoutDoc).
 */
export function LayoutEditor({ layouts, logos, onSaved }: Props) {
  const s = useLayoutDoc(layouts, onSaved);
  const info = layouts.find((l) => l.id === s.layoutId);
  const { parsed, doc, problem } = s;
  return (
    <div className="layout-editor">
      <div className="editor-toolbar">
        <label>
          Layout
          <select value={s.layoutId} onChange={(e) => s.setLayoutId(e.target.value)} data-testid="layout-pick">
            {layouts.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} ({l.id}){l.source === 'user' ? (l.overridesBuiltin ? ', venue copy' : ', venue') : ''}
              </option>
            ))}
          </select>
        </label>
        <div className="mode-switch" role="group" aria-label="Editor mode">
          <button type="button" aria-pressed={s.mode === 'form'} onClick={() => s.setMode('form')} data-testid="mode-form">
            Form
          </button>
          <button type="button" aria-pressed={s.mode === 'raw'} onClick={() => s.setMode('raw')} data-testid="mode-raw">
            Raw text
          </button>
        </div>
        <label>
          Save as
          <input value={s.saveAs} onChange={(e) => s.setSaveAs(e.target.value.toLowerCase())} data-testid="layout-save-id" size={18} />
        </label>
        <button type="button" className="primary" onClick={() => void s.save()} data-testid="layout-save">
          Save{s.dirty ? ' *' : ''}
        </button>
        {info?.overridesBuiltin && (
          <button type="button" onClick={() => void s.restore()} data-testid="layout-restore">
            Restore built-in
          </button>
        )}
        <label>
          Sample on
          <select value={s.printerId} onChange={(e) => s.setPrinterId(e.target.value)} data-testid="layout-sample-printer">
            <option value="">The printer for its kind</option>
            {s.printers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void s.printSample()} data-testid="layout-print-sample">
          Print sample
        </button>
      </div>
      {s.message && (
        <p className={s.message.ok ? 'notice' : 'error'} role={s.message.ok ? 'status' : 'alert'} data-testid="layout-message">
          {s.message.text}
        </p>
      )}
      <div className="editor-body">
        <div className="editor-main">
          {s.mode === 'raw' && (
            <>
              <textarea
                ref={s.rawRef}
                className="raw-text"
                value={s.text}
                onChange={(e) => s.setText(e.target.value)}
                spellCheck={false}
                aria-label="Layout file"
                data-testid="layout-raw"
              />
              {problem && (
                <button type="button" className="error problem-line" onClick={() => s.goToProblem(problem)} data-testid="layout-problem">
                  {problem.line !== undefined ? `Line ${problem.line}, column ${problem.column ?? 1}: ` : ''}
                  {problem.problem}
                </button>
              )}
            </>
          )}
          {s.mode === 'form' && !doc && (
            <p className="error" role="alert">
              {'error' in parsed ? parsed.error : ''}
            </p>
          )}
          {s.mode === 'form' && doc && <LayoutForm s={s} doc={doc} logos={logos} />}
        </div>
        <LayoutPreview s={s} />
      </div>
    </div>
  );
}
