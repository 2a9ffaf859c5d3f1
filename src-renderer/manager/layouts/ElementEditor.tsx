import { useRef } from 'react';
import { elementLabels, elementProps, elementTypes, newElement, type Element, type PropDef } from './layout-doc.ts';

export interface FieldChoice {
  name: string;
  type: string;
}
export interface ListChoice {
  name: string;
  item: string;
  fields: FieldChoice[];
}

interface Props {
  element: Element;
  index: number;
  count: number;
  /** What `{...}` placeholders may name here (inside a repeat, the item's fields too). */
  fields: FieldChoice[];
  lists: ListChoice[];
  logos: string[];
  problem: string | null;
  onChange(element: Element): void;
  onMove(to: number): void;
  onRemove(): void;
}

/** A text box for a template with a picker that inserts a placeholder where the caret is. */
function TemplateInput({ value, label, fields, onChange, testId }: { value: string; label: string; fields: FieldChoice[]; onChange(v: string): void; testId: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const insert = (field: string) => {
    const input = ref.current;
    const at = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? at;
    const token = fields.find((f) => f.name === field)?.type === 'money' ? `{${field}|money}` : `{${field}}`;
    onChange(value.slice(0, at) + token + value.slice(end));
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  return (
    <div className="template-input">
      <label>
        {label}
        <input ref={ref} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      </label>
      <select aria-label={`Insert a field into ${label.toLowerCase()}`} value="" onChange={(e) => e.target.value && insert(e.target.value)} data-testid={`${testId}-field`}>
        <option value="">Insert field…</option>
        {fields.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name} ({f.type})
          </option>
        ))}
      </select>
    </div>
  );
}

function PropInput({ def, element, fields, lists, logos, onChange, testId }: { def: PropDef; element: Element; fields: FieldChoice[]; lists: ListChoice[]; logos: string[]; onChange(v: unknown): void; testId: string }) {
  const value = element[def.key];
  switch (def.kind) {
    case 'template':
      return <TemplateInput value={typeof value === 'string' ? value : ''} label={def.label} fields={fields} onChange={onChange} testId={testId} />;
    case 'number':
      return (
        <label>
          {def.label}
          <input
            type="number"
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
            data-testid={testId}
          />
        </label>
      );
    case 'bool':
      return (
        <label className="check">
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} data-testid={testId} />
          {def.label}
        </label>
      );
    case 'select':
    case 'logo':
    case 'list': {
      const options = def.kind === 'logo' ? logos : def.kind === 'list' ? lists.map((l) => l.name) : (def.options ?? []);
      return (
        <label>
          {def.label}
          <select value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId}>
            {def.kind === 'select' && <option value="">(default)</option>}
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      );
    }
    default:
      return (
        <label>
          {def.label}
          <input value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
        </label>
      );
  }
}

/** One element of the layout: its settings, move up/down, remove; a repeat holds its own elements. */
export function ElementEditor({ element, index, count, fields, lists, logos, problem, onChange, onMove, onRemove }: Props) {
  const props = elementProps[element.type] ?? [];
  const set = (key: string, v: unknown) => {
    const next: Element = { ...element };
    if (v === undefined) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  const list = element.type === 'repeat' ? lists.find((l) => l.name === element.over) : undefined;
  const children = element.type === 'repeat' && Array.isArray(element.elements) ? (element.elements as Element[]) : null;
  const itemFields = list ? [...list.fields.map((f) => ({ name: `${list.item}.${f.name}`, type: f.type })), ...fields] : fields;
  const testBase = `element-${index}`;
  return (
    <li className={`element-editor${problem ? ' has-problem' : ''}`} data-testid="layout-element" data-element-type={element.type}>
      <div className="element-head">
        <strong>
          {index + 1}. {elementLabels[element.type] ?? element.type}
        </strong>
        <span className="spacer" />
        <button type="button" onClick={() => onMove(index - 1)} disabled={index === 0} aria-label={`Move element ${index + 1} up`} data-testid={`${testBase}-up`}>
          ↑
        </button>
        <button type="button" onClick={() => onMove(index + 1)} disabled={index === count - 1} aria-label={`Move element ${index + 1} down`} data-testid={`${testBase}-down`}>
          ↓
        </button>
        <button type="button" className="danger" onClick={onRemove} aria-label={`Remove element ${index + 1}`} data-testid={`${testBase}-remove`}>
          ✕
        </button>
      </div>
      <div className="element-props">
        {props.map((def) => (
          <PropInput key={def.key} def={def} element={element} fields={fields} lists={lists} logos={logos} onChange={(v) => set(def.key, v)} testId={`${testBase}-${def.key}`} />
        ))}
      </div>
      {children && (
        <ol className="element-children">
          {children.map((child, k) => (
            <ElementEditor
              key={k}
              element={child}
              index={k}
              count={children.length}
              fields={itemFields}
              lists={[]}
              logos={logos}
              problem={null}
              onChange={(c) => set('elements', children.map((old, j) => (j === k ? c : old)))}
              onMove={(to) => {
                if (to < 0 || to >= children.length) return;
                const next = [...children];
                const [moving] = next.splice(k, 1);
                next.splice(to, 0, moving!);
                set('elements', next);
              }}
              onRemove={() => children.length > 1 && set('elements', children.filter((_, j) => j !== k))}
            />
          ))}
          <li>
            <button type="button" onClick={() => set('elements', [...children, newElement('text', undefined)])}>
              Add a line inside
            </button>
          </li>
        </ol>
      )}
      {problem && (
        <p className="error" role="alert" data-testid="element-problem">
          {problem}
        </p>
      )}
    </li>
  );
}

export { elementTypes };
