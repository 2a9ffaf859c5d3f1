import { z } from 'zod';

/**
 * The layout file format (docs/layouts.md). layouts/layout.schema.json is generated from this by
 * scripts/make-layout-schema.ts, so editors validate with the very rules the loader applies.
 */
const Align = z.enum(['left', 'center', 'right']).describe('Where the line sits across the paper.');
const Size = z
  .enum(['normal', 'double-width', 'double-height', 'double'])
  .describe('Character size: double doubles both width and height.');
const Template = z.string().max(500).describe('Text with placeholders such as {event.title} or {price|money}.');

const LogoElement = z
  .object({
    type: z.literal('logo'),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a logo name (lower-case letters, digits, dashes)'),
    width: z.number().int().min(8).max(832).optional().describe('Width in dots; the paper width when left out.'),
    align: Align.optional(),
    dither: z.enum(['floyd-steinberg', 'atkinson']).optional(),
  })
  .strict();
const TextElement = z
  .object({
    type: z.literal('text'),
    text: Template,
    align: Align.optional(),
    size: Size.optional(),
    bold: z.boolean().optional(),
    underline: z.boolean().optional(),
    inverted: z.boolean().optional().describe('White on black.'),
  })
  .strict();
const RuleElement = z
  .object({
    type: z.literal('rule'),
    style: z.enum(['dashes', 'double', 'solid']).optional(),
  })
  .strict();
const ColumnsElement = z
  .object({
    type: z.literal('columns'),
    left: Template,
    right: Template,
    size: Size.optional(),
    bold: z.boolean().optional(),
  })
  .strict()
  .describe('A two-column row: the left text, and the right text flush right (prices, totals).');
const QrElement = z
  .object({
    type: z.literal('qr'),
    data: Template,
    moduleSize: z.number().int().min(1).max(16).optional().describe('Dots per QR module, 1-16 (default 6).'),
    errorCorrection: z.enum(['L', 'M', 'Q', 'H']).optional(),
    align: Align.optional(),
  })
  .strict();
const BarcodeElement = z
  .object({
    type: z.literal('barcode'),
    symbology: z.literal('code128'),
    data: Template,
    height: z.number().int().min(16).max(255).optional().describe('Bar height in dots (default 80).'),
    moduleWidth: z.number().int().min(2).max(6).optional().describe('Narrowest bar in dots, 2-6 (default 3; narrower if the code would not fit).'),
    hri: z.enum(['none', 'above', 'below']).optional().describe('Where the human-readable digits print.'),
    align: Align.optional(),
  })
  .strict();
const FeedElement = z.object({ type: z.literal('feed'), lines: z.number().int().min(1).max(20) }).strict();
const CutElement = z
  .object({
    type: z.literal('cut'),
    partial: z.boolean().optional().describe('Leave a hinge (default true).'),
    feedLines: z.number().int().min(0).max(20).optional().describe('Lines fed before the cut (default 4).'),
  })
  .strict();

const blockElements = [LogoElement, TextElement, RuleElement, ColumnsElement, QrElement, BarcodeElement, FeedElement, CutElement] as const;
const BlockElement = z.discriminatedUnion('type', [...blockElements]);

const RepeatElement = z
  .object({
    type: z.literal('repeat'),
    over: z.string().describe('The list to walk: lines, taxLines, payments, discounts, footerLines, seats, takings (which depend on the kind).'),
    elements: z.array(BlockElement).min(1),
  })
  .strict()
  .describe('The elements once per item of a list; inside, {line.amount} reads the item.');

export const LayoutElementSchema = z.discriminatedUnion('type', [...blockElements, RepeatElement]);
export const elementKinds = ['logo', 'text', 'rule', 'columns', 'qr', 'barcode', 'feed', 'cut', 'repeat'];

export const LayoutFileSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1).max(80),
    kind: z.enum(['ticket', 'receipt', 'reservation', 'cash-up', 'refund']),
    widthDots: z
      .number()
      .int()
      .min(256)
      .max(832)
      .multipleOf(8, 'must be a multiple of 8')
      .describe('Printable width in dots: 576 for 80 mm paper, 384 for 58 mm.'),
    elements: z.array(LayoutElementSchema).min(1).max(400),
  })
  .strict();

export type LayoutFile = z.infer<typeof LayoutFileSchema>;
export type LayoutElement = z.infer<typeof LayoutElementSchema>;
export type BlockLayoutElement = z.infer<typeof BlockElement>;
