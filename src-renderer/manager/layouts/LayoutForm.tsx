import { ElementEditor } from './ElementEditor.tsx';
import { elementLabels, elementTypes, moved, newElement, type LayoutDoc } from './layout-doc.ts';
import type { LayoutDocState } from './use-layout-doc.ts';

/** The layout as a form: its name, kind and paper, then each element with its own fields. */
export function LayoutForm({ s, doc, logos }: { s: LayoutDocState; doc: LayoutDoc; logos: string[] }) {
  const { update, problem, problemAt, fields } = s;
  const firstList = fields.lists[0]?.name;
  return (
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
            <option value="refund">Refund slips</option>
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
        <select value={s.addType} onChange={(e) => s.setAddType(e.target.value)} aria-label="Element to add" data-testid="element-add-type">
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
            update({ ...doc, elements: [...els.slice(0, at), newElement(s.addType, firstList), ...els.slice(at)] });
          }}
        >
          Add element
        </button>
      </div>
    </>
  );
}
