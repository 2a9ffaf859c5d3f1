import type { LayoutDocState } from './use-layout-doc.ts';

/** How the layout prints, decoded from the printer bytes, with sample data or a real order's. */
export function LayoutPreview({ s }: { s: LayoutDocState }) {
  const { preview, previewing, previewWith, filledFrom, orderProblem, problem } = s;
  return (
    <figure className="layout-preview" aria-label="Preview" aria-busy={previewing}>
      <figcaption>
        Preview {preview ? `(${preview.widthDots} × ${preview.heightDots} dots)` : ''} {previewing ? '…' : ''}
      </figcaption>
      <form
        className="preview-with"
        onSubmit={(e) => {
          e.preventDefault();
          s.setOrderShown(s.orderTyped.trim());
        }}
      >
        <label>
          Preview with
          <select value={previewWith} onChange={(e) => s.setPreviewWith(e.target.value as 'sample' | 'order')} data-testid="preview-with">
            <option value="sample">Sample data</option>
            <option value="order">An order…</option>
          </select>
        </label>
        {previewWith === 'order' && (
          <>
            <label>
              Order reference
              <input value={s.orderTyped} onChange={(e) => s.setOrderTyped(e.target.value)} placeholder="e.g. 7K2M9Q4D" size={12} autoFocus data-testid="preview-order" />
            </label>
            <button type="submit" disabled={s.orderTyped.trim().length < 4} data-testid="preview-order-show">
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
  );
}
