import { z } from 'zod';
import { defineProcedure } from './define.ts';
import { EmptyInput } from './common.ts';

export const LayoutKindSchema = z.enum(['ticket', 'receipt', 'reservation', 'cash-up']);
const LayoutIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be a layout id (lower-case letters, digits, dashes)');
const LogoNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a logo name (lower-case letters, digits, dashes)');
const DitherSchema = z.enum(['floyd-steinberg', 'atkinson']);

export const LayoutInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: LayoutKindSchema,
  widthDots: z.number().int(),
  source: z.enum(['builtin', 'user']),
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

const PngSchema = z.object({ png: z.string().describe('PNG, base64'), widthDots: z.number().int(), heightDots: z.number().int() });

export const layoutProcedures = {
  listLayouts: defineProcedure({
    channel: 'bo:layouts:list',
    summary: 'Built-in and venue layouts (re-read from disk), with the problems of any broken file.',
    input: EmptyInput,
    output: z.object({ layouts: z.array(LayoutInfoSchema), problems: z.array(LayoutProblemSchema) }),
  }),
  getLayoutText: defineProcedure({
    channel: 'bo:layouts:text',
    summary: "A layout file's JSON text as it is on disk, for the editor.",
    input: z.object({ id: LayoutIdSchema }).strict(),
    output: z.object({ id: z.string(), source: z.enum(['builtin', 'user']), text: z.string() }),
  }),
  previewLayout: defineProcedure({
    channel: 'bo:layouts:preview',
    summary: 'A PNG of a layout (saved, or unsaved text from the editor) filled with sample data, decoded from the printer bytes.',
    input: z
      .object({
        layoutId: LayoutIdSchema.optional(),
        text: z.string().max(200_000).optional(),
        sample: LayoutKindSchema.optional(),
        characterSet: z.string().max(40).default('PC858_EURO'),
      })
      .strict()
      .refine((v) => (v.layoutId === undefined) !== (v.text === undefined), 'give either layoutId or text'),
    output: z.object({ preview: PngSchema.nullable(), problems: z.array(LayoutProblemSchema) }),
  }),
  saveLayout: defineProcedure({
    channel: 'bo:layouts:save',
    summary: "Save a venue layout after checking it; a broken one is refused with its problem's place.",
    input: z.object({ id: LayoutIdSchema, text: z.string().min(2).max(200_000) }).strict(),
    output: LayoutInfoSchema,
  }),
  listLogos: defineProcedure({
    channel: 'bo:layouts:logos',
    summary: 'Built-in and venue logos.',
    input: EmptyInput,
    output: z.array(LogoInfoSchema),
  }),
  addLogo: defineProcedure({
    channel: 'bo:layouts:add-logo',
    summary: 'Add a venue logo (PNG, JPEG or SVG up to 5 MB and 4096 x 4096); nothing is saved if it is refused.',
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
    summary: 'A logo as it prints: scaled to the width and dithered to 1 bit.',
    input: z
      .object({
        name: LogoNameSchema,
        widthDots: z.number().int().min(8).max(832).default(576),
        dither: DitherSchema.default('atkinson'),
      })
      .strict(),
    output: PngSchema,
  }),
};
