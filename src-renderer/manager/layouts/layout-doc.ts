/**
 * The layout file as the form edits it. The renderer may not import the core's schema, so this
 * mirrors its element shapes loosely; the core checks every change and reports problems by path.
 */
export type Element = { type: string; [key: string]: unknown };

export interface LayoutDoc {
  $schema?: string;
  name: string;
  kind: 'ticket' | 'receipt' | 'reservation' | 'cash-up' | 'refund';
  widthDots: number;
  elements: Element[];
}

export type PropKind = 'template' | 'text' | 'number' | 'bool' | 'select' | 'logo' | 'list';
export interface PropDef {
  key: string;
  label: string;
  kind: PropKind;
  options?: string[];
}

const align: PropDef = { key: 'align', label: 'Align', kind: 'select', options: ['left', 'center', 'right'] };
const size: PropDef = { key: 'size', label: 'Size', kind: 'select', options: ['normal', 'double-width', 'double-height', 'double'] };

/** What each element type can be told, in the order the form shows it. */
export const elementProps: Record<string, PropDef[]> = {
  text: [
    { key: 'text', label: 'Text', kind: 'template' },
    align,
    size,
    { key: 'bold', label: 'Bold', kind: 'bool' },
    { key: 'underline', label: 'Underline', kind: 'bool' },
    { key: 'inverted', label: 'White on black', kind: 'bool' },
  ],
  columns: [
    { key: 'left', label: 'Left', kind: 'template' },
    { key: 'right', label: 'Right', kind: 'template' },
    size,
    { key: 'bold', label: 'Bold', kind: 'bool' },
  ],
  logo: [
    { key: 'name', label: 'Logo', kind: 'logo' },
    { key: 'width', label: 'Width (dots)', kind: 'number' },
    align,
    { key: 'dither', label: 'Dither', kind: 'select', options: ['atkinson', 'floyd-steinberg'] },
  ],
  rule: [{ key: 'style', label: 'Style', kind: 'select', options: ['dashes', 'double', 'solid'] }],
  qr: [
    { key: 'data', label: 'Data', kind: 'template' },
    { key: 'moduleSize', label: 'Module size', kind: 'number' },
    { key: 'errorCorrection', label: 'Error correction', kind: 'select', options: ['L', 'M', 'Q', 'H'] },
    align,
  ],
  barcode: [
    { key: 'data', label: 'Data', kind: 'template' },
    { key: 'height', label: 'Height (dots)', kind: 'number' },
    { key: 'hri', label: 'Digits', kind: 'select', options: ['none', 'above', 'below'] },
    align,
  ],
  feed: [{ key: 'lines', label: 'Lines', kind: 'number' }],
  cut: [
    { key: 'partial', label: 'Partial cut', kind: 'bool' },
    { key: 'feedLines', label: 'Lines before the cut', kind: 'number' },
  ],
  repeat: [{ key: 'over', label: 'For each of', kind: 'list' }],
};

export const elementTypes = Object.keys(elementProps);

export const elementLabels: Record<string, string> = {
  text: 'Text',
  columns: 'Two columns',
  logo: 'Logo',
  rule: 'Line',
  qr: 'QR code',
  barcode: 'Barcode',
  feed: 'Blank lines',
  cut: 'Cut',
  repeat: 'Repeat for a list',
};

export function newElement(type: string, firstList: string | undefined): Element {
  switch (type) {
    case 'text':
      return { type, text: 'New text' };
    case 'columns':
      return { type, left: 'Left', right: 'Right' };
    case 'logo':
      return { type, name: 'marquee', width: 256 };
    case 'qr':
    case 'barcode':
      return type === 'barcode' ? { type, symbology: 'code128', data: '{ticket.code}' } : { type, data: '{ticket.code}' };
    case 'feed':
      return { type, lines: 1 };
    case 'cut':
      return { type, partial: true };
    case 'repeat':
      return { type, over: firstList ?? 'lines', elements: [{ type: 'text', text: 'Item' }] };
    default:
      return { type };
  }
}

/** Reads the editor's text as a layout object, or says why the form cannot show it. */
export function readDoc(text: string): { doc: LayoutDoc } | { error: string } {
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== 'object' || !Array.isArray((value as LayoutDoc).elements)) {
      return { error: 'The text is not a layout with an "elements" list; fix it in the raw text first.' };
    }
    return { doc: value as LayoutDoc };
  } catch (e) {
    // The browser's own JSON message is not for a manager; where it names a position, say the line.
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const line = at ? ` on line ${text.slice(0, Number(at[1])).split('\n').length}` : '';
    return { error: `The text is not valid JSON${line} (a missing comma, quote or bracket?); fix it in the raw text first.` };
  }
}

export function writeDoc(doc: LayoutDoc): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function moved<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The top-level element a problem path such as `elements[3].elements[0].text` points into. */
export function elementIndexOf(path: string | undefined): number | null {
  const m = path ? /^elements\[(\d+)\]/.exec(path) : null;
  return m ? Number(m[1]) : null;
}
