import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { EmptyInput, IdSchema } from './common.ts';
import { PrintJobViewSchema } from './printing.ts';

export const LayoutKindSchema = z.enum(['ticket', 'receipt', 'reservation', 'cash-up', 'refund']);
const LayoutIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be a layout id (lower-case letters, digits, dashes)');
const LogoNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a logo name (lower-case letters, digits, dashes)');
const DitherSchema = z.enum(['floyd-steinberg', 'atkinson']);

export const LayoutInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: LayoutKindSchema,
  widthDots: z.number().int(),
  source: z.enum(['builtin', 'user']),
  /** A venue file replacing the built-in of the same id; restoreLayout takes it away. */
  overridesBuiltin: z.boolean(),
  problem: z.string().optional(),
});
export type LayoutInfoDto = z.infer<typeof LayoutInfoSchema>;

/** One broken layout: the file, the place in it and the sentence to show. */
export const LayoutProblemSchema = z.object({
  id: z.string(),
  file: z.string(),
  path: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  problem: z.string(),
  message: z.string(),
});
export type LayoutProblemDto = z.infer<typeof LayoutProblemSchema>;

export const LogoInfoSchema = z.object({
  name: z.string(),
  source: z.enum(['builtin', 'user']),
  fileName: z.string(),
  type: z.enum(['png', 'jpeg', 'svg']),
  bytes: z.number().int(),
});

const FieldTypeSchema = z.enum(['text', 'money', 'instant', 'count']);
const FieldSchema = z.object({ name: z.string(), type: FieldTypeSchema });

/** A ticket layout chosen for an event or one of its price bands; null prints the printer's default. */
export const LayoutChoicesSchema = z.object({
  events: z.array(
    z.object({
      id: IdSchema,
      title: z.string(),
      layoutId: z.string().nullable(),
      priceBands: z.array(z.object({ id: IdSchema, name: z.string(), category: z.string().nullable(), layoutId: z.string().nullable() })),
    }),
  ),
});
export type LayoutChoices = z.infer<typeof LayoutChoicesSchema>;

const PngSchema = z.object({ png: z.string().describe('PNG, base64'), widthDots: z.number().int(), heightDots: z.number().int() });

export const layoutProcedures = {
  listLayouts: defineProcedure({
    channel: 'bo:layouts:list',
    access: 'manager',
    summary: 'Built-in and venue layouts (re-read from disk), with the problems of any broken file.',
    input: EmptyInput,
    output: z.object({ layouts: z.array(LayoutInfoSchema), problems: z.array(LayoutProblemSchema) }),
  }),
  getLayoutText: defineProcedure({
    channel: 'bo:layouts:text',
    access: 'manager',
    summary: "A layout file's JSON text as it is on disk, for the editor.",
    input: z.object({ id: LayoutIdSchema }).strict(),
    output: z.object({ id: z.string(), source: z.enum(['builtin', 'user']), text: z.string() }),
  }),
  previewLayout: defineProcedure({
    channel: 'bo:layouts:preview',
    access: 'manager',
    summary: "A PNG of a layout (saved, or unsaved text from the editor) filled with sample data or a real order's, decoded from the printer bytes.",
    input: z
      .object({
        layoutId: LayoutIdSchema.optional(),
        text: z.string().max(200_000).optional(),
        sample: LayoutKindSchema.optional(),
        /** Fill a ticket layout with this order's first valid ticket, a receipt layout with its receipt (order id or reference). */
        orderId: z.string().trim().min(4, 'type the order reference').max(26).optional(),
        characterSet: z.string().max(40).default('PC858_EURO'),
      })
      .strict()
      .refine((v) => (v.layoutId === undefined) !== (v.text === undefined), 'give either layoutId or text'),
    output: z.object({
      preview: PngSchema.nullable(),
      problems: z.array(LayoutProblemSchema),
      /** Set when an order filled the preview: its reference and what of it printed, e.g. "ticket Stalls C-3". */
      filledFrom: z.object({ reference: z.string(), what: z.string() }).optional(),
    }),
  }),
  saveLayout: defineProcedure({
    channel: 'bo:layouts:save',
    access: 'manager',
    summary: "Save a venue layout after checking it; a broken one is refused with its problem's place. Managers only.",
    input: z.object({ id: LayoutIdSchema, text: z.string().min(2).max(200_000) }).strict(),
    output: LayoutInfoSchema,
  }),
  listLogos: defineProcedure({
    channel: 'bo:layouts:logos',
    access: 'manager',
    summary: 'Built-in and venue logos.',
    input: EmptyInput,
    output: z.array(LogoInfoSchema),
  }),
  addLogo: defineProcedure({
    channel: 'bo:layouts:add-logo',
    access: 'manager',
    summary: 'Add a venue logo (PNG, JPEG or SVG up to 5 MB and 4096 x 4096); nothing is saved if it is refused. Managers only.',
    input: z
      .object({
        name: LogoNameSchema,
        fileName: z.string().min(1).max(260),
        base64: z.string().min(1).max(7_000_000),
        dither: DitherSchema.optional(),
      })
      .strict(),
    output: LogoInfoSchema,
  }),
  previewLogo: defineProcedure({
    channel: 'bo:layouts:preview-logo',
    access: 'manager',
    summary: 'A logo as it prints: scaled to the width and dithered to 1 bit; a saved one by name, or a file not yet added (base64).',
    input: z
      .object({
        name: LogoNameSchema.optional(),
        fileName: z.string().min(1).max(260).optional(),
        base64: z.string().min(1).max(7_000_000).optional(),
        widthDots: z.number().int().min(8).max(832).default(576),
        dither: DitherSchema.default('atkinson'),
      })
      .strict()
      .refine((v) => (v.name === undefined) !== (v.base64 === undefined && v.fileName === undefined), 'give either name, or fileName and base64')
      .refine((v) => (v.base64 === undefined) === (v.fileName === undefined), 'give fileName and base64 together'),
    output: PngSchema,
  }),
  layoutFields: defineProcedure({
    channel: 'bo:layouts:fields',
    access: 'manager',
    summary: "The placeholders a layout of this kind can use, and the lists a 'repeat' element can walk.",
    input: z.object({ kind: LayoutKindSchema }).strict(),
    output: z.object({
      fields: z.array(FieldSchema),
      lists: z.array(z.object({ name: z.string(), item: z.string(), fields: z.array(FieldSchema) })),
    }),
  }),
  restoreLayout: defineProcedure({
    channel: 'bo:layouts:restore',
    access: 'manager',
    summary: "Remove the venue's override of a built-in layout; the built-in prints from the next job on. Managers only.",
    input: z.object({ id: LayoutIdSchema }).strict(),
    output: LayoutInfoSchema,
  }),
  listLayoutChoices: defineProcedure({
    channel: 'bo:layouts:choices',
    access: 'manager',
    summary: 'Every event and its price bands with the ticket layout chosen for each (null: the printer default).',
    input: EmptyInput,
    output: LayoutChoicesSchema,
  }),
  setEventLayout: defineProcedure({
    channel: 'bo:layouts:set-event-layout',
    access: 'manager',
    summary: "Choose the ticket layout for an event's tickets (null: the printer default). Managers only.",
    input: z.object({ eventId: IdSchema, layoutId: LayoutIdSchema.nullable() }).strict(),
    output: z.object({ eventId: IdSchema, layoutId: z.string().nullable() }),
  }),
  setPriceBandLayout: defineProcedure({
    channel: 'bo:layouts:set-price-band-layout',
    access: 'manager',
    summary: "Choose the ticket layout for one price band's tickets, ahead of the event's (null: the event's). Managers only.",
    input: z.object({ priceBandId: IdSchema, layoutId: LayoutIdSchema.nullable() }).strict(),
    output: z.object({ priceBandId: IdSchema, layoutId: z.string().nullable() }),
  }),
  printLayoutSample: defineProcedure({
    channel: 'bo:layouts:print-sample',
    access: 'manager',
    summary: "Print a saved layout filled with sample data on the printer that takes its kind (or the one given), to check it on paper.",
    input: z.object({ layoutId: LayoutIdSchema, printerId: IdSchema.optional() }).strict(),
    output: PrintJobViewSchema,
  }),
};
