import { checkDocumentLimits } from './render-limits.ts';
import QRCode from 'qrcode';
import { MarqueeError } from '../../../src-shared/errors.ts';
import { canEncodeCode128B, code128Modules } from './code128.ts';
import { codePage, encodeOnPage, type CodePage } from './code-pages.ts';
import { drawText, plainStyle, type TextStyle } from './draw-text.ts';
import { bitmapFont, type BitmapFont } from './font.ts';
import type { Align, PrinterCommands } from './command-set.ts';
import { EscPosWriter } from './escpos-writer.ts';
import { StarLineWriter } from './star-writer.ts';
import type { Layout } from './layout-loader.ts';
import type { BlockLayoutElement, LayoutElement } from './layout-schema.ts';
import type { LogoStore } from './logo-store.ts';
import { formatValue, parseTemplate, type TemplatePart } from './placeholders.ts';
import { fieldCatalogs, type FieldCatalog, type PrintData } from './print-data.ts';
import { blankRaster, setDot, type PrinterProfile, type Raster1Bit } from './types.ts';

const FONT_W = 12;
const FONT_H = 24;

type Size = 'normal' | 'double-width' | 'double-height' | 'double';
const SCALE: Record<Size, { width: number; height: number }> = {
  normal: { width: 1, height: 1 },
  'double-width': { width: 2, height: 1 },
  'double-height': { width: 1, height: 2 },
  double: { width: 2, height: 2 },
};

interface Scope {
  data: PrintData;
  catalog: FieldCatalog;
  item?: { name: string; value: Record<string, unknown>; fields: FieldCatalog['fields'] };
}

const templates = new Map<string, TemplatePart[]>();
function compiled(template: string): TemplatePart[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = parseTemplate(template);
    templates.set(template, parts);
  }
  return parts;
}

function resolve(template: string, scope: Scope): string {
  let out = '';
  for (const part of compiled(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const { field, formatters } = part;
    let value: unknown;
    let type;
    if (scope.item && field.startsWith(`${scope.item.name}.`) && scope.item.fields[field.slice(scope.item.name.length + 1)]) {
      const key = field.slice(scope.item.name.length + 1);
      value = scope.item.value[key];
      type = scope.item.fields[key]!;
    } else {
      type = scope.catalog.fields[field] ?? 'text';
      value = field.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), scope.data);
    }
    out += formatValue(value, type, formatters, scope.data.venue);
  }
  return out;
}

/** Word-wraps to `columns` characters; words longer than a line are broken. */
function wrap(text: string, columns: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    // Spaces the layout put in on purpose (indents, padding round inverted text) stay when it fits.
    if ([...paragraph].length <= columns) {
      out.push(paragraph);
      continue;
    }
    let line = '';
    for (const word of paragraph.split(' ')) {
      let w = word;
      const candidate = line ? `${line} ${w}` : w;
      if ([...candidate].length <= columns) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      while ([...w].length > columns) {
        out.push([...w].slice(0, columns).join(''));
        w = [...w].slice(columns).join('');
      }
      line = w;
    }
    out.push(line);
  }
  return out;
}

class DocumentEncoder {
  readonly w: PrinterCommands;
  readonly page: CodePage;
  readonly width: number;

  constructor(
    private readonly layout: Layout,
    private readonly logos: LogoStore,
    profile: PrinterProfile,
    private readonly font: BitmapFont,
  ) {
    this.page = codePage(profile.characterSet);
    // Star printers in their own Star Line Mode; every other type speaks ESC/POS (Star in its ESC/POS emulation is 'epson').
    this.w = profile.type === 'star' ? new StarLineWriter() : new EscPosWriter();
    this.width = layout.widthDots;
    if (layout.widthDots > profile.widthDots) {
      throw new MarqueeError(
        'LAYOUT_INVALID',
        `The layout '${layout.name}' is ${layout.widthDots} dots wide but this printer prints ${profile.widthDots}; choose a layout for its paper.`,
      );
    }
    this.w.initialise(this.page, layout.widthDots < profile.widthDots ? layout.widthDots : undefined);
  }

  /** One line of text in the printer's font, or drawn as a picture when the code page lacks a character. */
  textLine(text: string, align: Align, style: TextStyle): void {
    const bytes = encodeOnPage(text, this.page);
    if (bytes) {
      this.w.style({ align, ...style });
      this.w.line(bytes);
      return;
    }
    const r = blankRaster(this.width, FONT_H * style.height);
    const textWidth = [...text].length * FONT_W * style.width;
    const x = align === 'left' ? 0 : align === 'center' ? Math.max(0, (this.width - textWidth) >> 1) : Math.max(0, this.width - textWidth);
    drawText(r, x, 0, text, style, this.font);
    this.w.raster(r);
    // Keep the gap a printed text line would leave below itself.
    this.w.raster(blankRaster(this.width, 6));
  }

  columns(): (size: Size) => number {
    return (size) => Math.floor(this.width / (FONT_W * SCALE[size].width));
  }

  async element(el: LayoutElement, scope: Scope): Promise<void> {
    switch (el.type) {
      case 'text': {
        const size = SCALE[el.size ?? 'normal'];
        const style = { ...size, bold: el.bold ?? false, underline: el.underline ?? false, inverted: el.inverted ?? false };
        const cols = this.columns()(el.size ?? 'normal');
        for (const line of wrap(resolve(el.text, scope), cols)) this.textLine(line, el.align ?? 'left', style);
        return;
      }
      case 'columns': {
        const size = SCALE[el.size ?? 'normal'];
        const style = { ...size, bold: el.bold ?? false, underline: false, inverted: false };
        const cols = this.columns()(el.size ?? 'normal');
        const left = resolve(el.left, scope);
        const right = resolve(el.right, scope);
        const rightLen = [...right].length;
        if (rightLen + 1 >= cols) {
          for (const line of wrap(left, cols)) this.textLine(line, 'left', style);
          this.textLine(right, 'right', style);
          return;
        }
        const lefts = wrap(left, cols - rightLen - 1);
        lefts.forEach((line, i) => {
          const text = i === 0 ? line + ' '.repeat(cols - [...line].length - rightLen) + right : line;
          this.textLine(text, 'left', style);
        });
        return;
      }
      case 'rule': {
        const style = el.style ?? 'dashes';
        if (style === 'solid') {
          const r = blankRaster(this.width, 12);
          for (let y = 5; y < 7; y++) for (let x = 0; x < this.width; x++) setDot(r, x, y);
          this.w.raster(r);
        } else {
          this.textLine((style === 'double' ? '=' : '-').repeat(this.columns()('normal')), 'left', plainStyle);
        }
        return;
      }
      case 'logo': {
        const logo = this.logoRaster(el.name, el.width ?? this.width, el.dither ?? 'atkinson');
        this.w.raster(padRaster(logo, this.width, el.align ?? 'center'));
        return;
      }
      case 'qr': {
        const text = resolve(el.data, scope);
        if (!text) throw new MarqueeError('BAD_INPUT', `The QR code in layout '${this.layout.name}' has nothing to encode.`);
        const ec = el.errorCorrection ?? 'M';
        const modules = QRCode.create(text, { errorCorrectionLevel: ec }).modules.size;
        const moduleSize = Math.max(1, Math.min(el.moduleSize ?? 6, Math.floor(this.width / modules)));
        this.w.qr(Buffer.from(text, 'utf8'), moduleSize, ec, el.align ?? 'center');
        return;
      }
      case 'barcode': {
        const text = resolve(el.data, scope);
        if (!canEncodeCode128B(text) || text.length > 80) {
          throw new MarqueeError('BAD_INPUT', `'${text}' cannot be printed as a CODE128 barcode: it must be 1-80 plain ASCII characters.`);
        }
        const modules = code128Modules(text);
        let moduleWidth = el.moduleWidth ?? 3;
        while (moduleWidth > 2 && modules * moduleWidth > this.width) moduleWidth--;
        if (modules * moduleWidth > this.width) {
          throw new MarqueeError(
            'LAYOUT_INVALID',
            `The barcode for '${text}' needs ${modules * moduleWidth} dots but the paper has ${this.width}; use a QR code or a shorter code.`,
          );
        }
        this.w.code128(text, el.height ?? 80, moduleWidth, el.hri ?? 'below', el.align ?? 'center');
        return;
      }
      case 'feed':
        this.w.feed(el.lines);
        return;
      case 'cut':
        this.w.feed(el.feedLines ?? 4);
        this.w.cut(el.partial ?? true);
        return;
      case 'repeat': {
        const list = scope.catalog.lists[el.over];
        const items = (scope.data as unknown as Record<string, unknown>)[el.over];
        if (!list || !Array.isArray(items)) return;
        for (const value of items) {
          for (const child of el.elements as BlockLayoutElement[]) {
            await this.element(child, { ...scope, item: { name: list.item, value: value as Record<string, unknown>, fields: list.fields } });
          }
        }
        return;
      }
    }
  }

  private logoRaster(name: string, width: number, dither: 'floyd-steinberg' | 'atkinson'): Raster1Bit {
    try {
      return this.logos.raster(name, Math.min(width, this.width), dither);
    } catch (e) {
      if (e instanceof MarqueeError && e.code === 'NOT_FOUND') {
        throw new MarqueeError('NOT_FOUND', `The layout '${this.layout.name}' shows the logo '${name}', which is not in the logo library.`);
      }
      throw e;
    }
  }
}

/** Centres (or aligns) a raster on a full-width one: alignment is then in the picture, not in a command. */
const padded = new WeakMap<Raster1Bit, Map<string, Raster1Bit>>();
function padRaster(r: Raster1Bit, width: number, align: Align): Raster1Bit {
  if (r.width === width) return r;
  let forRaster = padded.get(r);
  if (!forRaster) padded.set(r, (forRaster = new Map()));
  const key = `${width}|${align}`;
  const known = forRaster.get(key);
  if (known) return known;
  const out = blankRaster(width, r.height);
  const offset = align === 'left' ? 0 : align === 'center' ? (width - r.width) >> 1 : width - r.width;
  for (let y = 0; y < r.height; y++) {
    for (let x = 0; x < r.width; x++) {
      if (r.data[y * r.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) setDot(out, x + offset, y);
    }
  }
  forRaster.set(key, out);
  return out;
}

/** The exact printer bytes of one document (ESC/POS, or Star Line Mode for a 'star' profile), ending with the layout's own feed and cut. */
export async function renderDocument(layout: Layout, data: PrintData, profile: PrinterProfile, logos: LogoStore, font: BitmapFont = bitmapFont()): Promise<Buffer> {
  if (data.kind !== layout.kind) {
    throw new MarqueeError('BAD_INPUT', `The layout '${layout.name}' prints a ${layout.kind}, not a ${data.kind}.`);
  }
  // Print-API jobs bring their own data lists: count QR codes and logos before any is drawn.
  checkDocumentLimits(layout, data);
  const encoder = new DocumentEncoder(layout, logos, profile, font);
  const scope: Scope = { data, catalog: fieldCatalogs[layout.kind] };
  for (const el of layout.elements) await encoder.element(el, scope);
  return encoder.w.toBuffer();
}
