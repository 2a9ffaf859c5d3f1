import { z } from 'zod';
import { defineEvent, defineProcedure } from './define.ts';
import { EmptyInput, IdSchema, InstantSchema } from './common.ts';

/** The printer languages node-thermal-printer speaks. */
export const printerTypes = ['epson', 'star', 'tanca', 'daruma', 'brother', 'custom'] as const;
export const PrinterTypeSchema = z.enum(printerTypes);
export type PrinterType = z.infer<typeof PrinterTypeSchema>;

/** Code pages node-thermal-printer can select on the printer (its CharacterSet names). */
export const characterSets = [
  'PC437_USA',
  'PC850_MULTILINGUAL',
  'PC860_PORTUGUESE',
  'PC863_CANADIAN_FRENCH',
  'PC865_NORDIC',
  'PC851_GREEK',
  'PC857_TURKISH',
  'PC737_GREEK',
  'ISO8859_7_GREEK',
  'WPC1252',
  'PC866_CYRILLIC2',
  'PC852_LATIN2',
  'SLOVENIA',
  'PC858_EURO',
  'WPC775_BALTIC_RIM',
  'PC855_CYRILLIC',
  'PC861_ICELANDIC',
  'PC862_HEBREW',
  'PC864_ARABIC',
  'PC869_GREEK',
  'ISO8859_2_LATIN2',
  'ISO8859_15_LATIN9',
  'PC1125_UKRANIAN',
  'WPC1250_LATIN2',
  'WPC1251_CYRILLIC',
  'WPC1253_GREEK',
  'WPC1254_TURKISH',
  'WPC1255_HEBREW',
  'WPC1256_ARABIC',
  'WPC1257_BALTIC_RIM',
  'WPC1258_VIETNAMESE',
  'KZ1048_KAZAKHSTAN',
  'JAPAN',
  'KOREA',
  'CHINA',
  'HK_TW',
  'TCVN_VIETNAMESE',
  'VISCII',
] as const;
export const CharacterSetSchema = z.enum(characterSets);
export type CharacterSet = z.infer<typeof CharacterSetSchema>;

/** 58 mm paper is 384 dots wide at 203 dpi, 80 mm paper 576 dots. */
const paperWidths = { 58: 384, 80: 576 } as const;
export const WidthDotsSchema = z.union([z.literal(paperWidths[58]), z.literal(paperWidths[80])]);

/** The paper, in millimetres, a printer of this many dots takes (the test page, layout names, the printers list). */
export function paperMm(widthDots: number): 58 | 80 {
  return widthDots === paperWidths[58] ? 58 : 80;
}

/** What a printer is for; each job goes to an active printer that takes its kind. */
export const JobKindSchema = z.enum(['ticket', 'receipt', 'report']);
export type JobKind = z.infer<typeof JobKindSchema>;

/** The drawer-kick connector pin the cash drawer hangs on (ESC p m: pin 2 is m=0, pin 5 is m=1). */
export const DrawerPinSchema = z.union([z.literal(2), z.literal(5)]);

export const PrinterStateSchema = z.enum([
  'ready',
  'paper_low',
  'paper_out',
  'cover_open',
  'offline',
  'error',
  'unreachable',
  'unknown',
]);
export type PrinterState = z.infer<typeof PrinterStateSchema>;

export const PrinterStatusSchema = z.object({
  state: PrinterStateSchema,
  /** In words for staff: "Paper out", "Cover open", "Not answering at 127.0.0.1:9100". */
  words: z.string(),
  /** False when the printer does not answer the ESC/POS real-time status requests (DLE EOT). */
  reportsStatus: z.boolean(),
  checkedAt: InstantSchema.nullable(),
});
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

export const PrinterSettingsSchema = z.object({
  name: z.string().trim().min(1).max(80),
  type: PrinterTypeSchema,
  /** `tcp://host:9100`, a device (`/dev/usb/lp0`, `COM3`) or `printer:NAME` (needs a driver module). */
  interface: z.string().trim().min(1).max(300),
  widthDots: WidthDotsSchema,
  characterSet: CharacterSetSchema,
  jobKinds: z.array(JobKindSchema).min(1).max(3),
  drawerPin: DrawerPinSchema.nullable(),
});
export type PrinterSettings = z.infer<typeof PrinterSettingsSchema>;

/** The documents a printer can have a default layout for (reservation slips print on receipt printers). */
export const DefaultLayoutKindSchema = z.enum(['ticket', 'receipt', 'reservation', 'report']);
export type DefaultLayoutKind = z.infer<typeof DefaultLayoutKindSchema>;

/** Which layout a printer uses for each document when the event or price band names none. */
export const DefaultLayoutsSchema = z.partialRecord(
  DefaultLayoutKindSchema,
  z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be a layout id (lower-case letters, digits, dashes)'),
);
export type DefaultLayouts = z.infer<typeof DefaultLayoutsSchema>;

export const PrinterViewSchema = PrinterSettingsSchema.extend({
  id: IdSchema,
  defaultLayouts: DefaultLayoutsSchema,
  status: PrinterStatusSchema,
  waitingJobs: z.number().int().nonnegative(),
});
export type PrinterView = z.infer<typeof PrinterViewSchema>;

export const PrintJobStateSchema = z.enum(['queued', 'sending', 'done', 'failed', 'cancelled', 'uncertain']);
export type PrintJobState = z.infer<typeof PrintJobStateSchema>;

export const PrintJobViewSchema = z.object({
  id: IdSchema,
  printerId: IdSchema,
  printerName: z.string(),
  jobSetId: IdSchema,
  position: z.number().int(),
  kind: z.string(),
  label: z.string(),
  source: z.string(),
  layoutId: z.string().nullable(),
  state: PrintJobStateSchema,
  /** "Waiting: Paper out (attempt 3)", "Printed", "May have printed: the app stopped while sending". */
  words: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: InstantSchema.nullable(),
  lastError: z.string().nullable(),
  reprintOf: IdSchema.nullable(),
  bytes: z.number().int(),
  createdAt: InstantSchema,
  printedAt: InstantSchema.nullable(),
});
export type PrintJobView = z.infer<typeof PrintJobViewSchema>;

export const PrintApiSettingsSchema = z.object({
  port: z.number().int().min(1).max(65535),
  /** Bearer token every caller of the local print API sends; managers see and rotate it. */
  token: z.string(),
  /** Off: only this computer (127.0.0.1) may call. On: other machines on the network may too. */
  allowLan: z.boolean(),
  running: z.boolean(),
  url: z.string().nullable(),
  /** Why the API is not running (port taken, ...), in words. */
  problem: z.string().nullable(),
});
export type PrintApiSettings = z.infer<typeof PrintApiSettingsSchema>;

/**
 * One counter action's documents as the sale panel follows them: how many printed, how many
 * wait and on which printer, that printer's status and everything waiting on it, in one sentence
 * ("The printer is not answering: 7 jobs waiting").
 */
export const PrintJobSetStateSchema = z.object({
  jobSetId: IdSchema,
  /** printing: on its way; printed: all out; stuck: waiting on a printer that cannot print now; failed: some stopped for good. */
  state: z.enum(['printing', 'printed', 'stuck', 'failed']),
  words: z.string(),
  jobs: z.number().int().nonnegative(),
  printed: z.number().int().nonnegative(),
  /** The printer the first unprinted job waits on, with its status and all jobs waiting on it. */
  printer: z
    .object({ id: IdSchema, name: z.string(), status: PrinterStatusSchema, waitingJobs: z.number().int().nonnegative() })
    .nullable(),
});
export type PrintJobSetState = z.infer<typeof PrintJobSetStateSchema>;

/** Something about layouts managers must know: a file broken by hand, a layout that fell back to the built-in one. */
export const PrintWarningSchema = z.object({
  layoutId: z.string(),
  words: z.string(),
  at: InstantSchema.nullable(),
});
export type PrintWarning = z.infer<typeof PrintWarningSchema>;

const JobRef = z.object({ jobId: IdSchema }).strict();
const JobSetRef = z.object({ jobSetId: IdSchema }).strict();
const PrinterRef = z.object({ printerId: IdSchema }).strict();

export const printingProcedures = {
  listPrinters: defineProcedure({
    channel: 'bo:printing:list-printers',
    access: 'cashier',
    summary: "This station's printers with their last known status and how many jobs wait on each.",
    input: EmptyInput,
    output: z.array(PrinterViewSchema),
  }),
  savePrinter: defineProcedure({
    channel: 'bo:printing:save-printer',
    access: 'manager',
    summary: 'Add a printer (no id) or change one: type, address, paper width, code page, jobs, drawer pin, default layouts. Managers only.',
    input: PrinterSettingsSchema.extend({ id: IdSchema.optional(), defaultLayouts: DefaultLayoutsSchema.optional() }).strict(),
    output: PrinterViewSchema,
  }),
  removePrinter: defineProcedure({
    channel: 'bo:printing:remove-printer',
    access: 'manager',
    summary: 'Take a printer out of use; refused while jobs still wait on it. Managers only.',
    input: PrinterRef,
    output: z.object({ removed: z.literal(true) }),
  }),
  testPrint: defineProcedure({
    channel: 'bo:printing:test-print',
    access: 'manager',
    summary: 'Queue a test page on a printer (name, address, paper width, code page sample).',
    input: PrinterRef,
    output: PrintJobViewSchema,
  }),
  readPrinterStatus: defineProcedure({
    channel: 'bo:printing:read-status',
    access: 'cashier',
    summary: 'Ask the printer now (ESC/POS DLE EOT) whether it is ready, out of paper, open or offline.',
    input: PrinterRef,
    output: PrinterStatusSchema,
  }),
  listPrintJobs: defineProcedure({
    channel: 'bo:printing:list-jobs',
    access: 'cashier',
    summary: "A printer's jobs (or all), waiting ones first; finished ones only when asked.",
    input: z
      .object({
        printerId: IdSchema.optional(),
        includeFinished: z.boolean().default(false),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.array(PrintJobViewSchema),
  }),
  retryPrintJob: defineProcedure({
    channel: 'bo:printing:retry-job',
    access: 'cashier',
    summary: 'Try a waiting, failed or may-have-printed job again now.',
    input: JobRef,
    output: PrintJobViewSchema,
  }),
  cancelPrintJob: defineProcedure({
    channel: 'bo:printing:cancel-job',
    access: 'cashier',
    summary: 'Cancel a job that has not printed.',
    input: JobRef,
    output: PrintJobViewSchema,
  }),
  movePrintJob: defineProcedure({
    channel: 'bo:printing:move-job',
    access: 'cashier',
    summary: 'Send a job that has not printed to another printer instead.',
    input: z.object({ jobId: IdSchema, printerId: IdSchema }).strict(),
    output: PrintJobViewSchema,
  }),
  reprintJob: defineProcedure({
    channel: 'bo:printing:reprint-job',
    access: 'manager',
    summary: 'Print a job again on purpose (a new job that records which one it repeats).',
    input: z.object({ jobId: IdSchema, printerId: IdSchema.optional() }).strict(),
    output: PrintJobViewSchema,
  }),
  getPrintJobSet: defineProcedure({
    channel: 'bo:printing:job-set',
    access: 'cashier',
    summary: "How a sale's documents are printing: printed, on the way, or stuck on a printer (with its status and the jobs waiting).",
    input: JobSetRef,
    output: PrintJobSetStateSchema,
  }),
  retryPrintJobSet: defineProcedure({
    channel: 'bo:printing:retry-job-set',
    access: 'cashier',
    summary: "Try every unprinted document of a sale again now (after the printer is back).",
    input: JobSetRef,
    output: PrintJobSetStateSchema,
  }),
  movePrintJobSet: defineProcedure({
    channel: 'bo:printing:move-job-set',
    access: 'cashier',
    summary: "Send every unprinted document of a sale to another printer.",
    input: z.object({ jobSetId: IdSchema, printerId: IdSchema }).strict(),
    output: PrintJobSetStateSchema,
  }),
  listPrintWarnings: defineProcedure({
    channel: 'bo:printing:warnings',
    access: 'manager',
    summary: 'Layout problems printing works around: a file broken by hand (its last good version prints), a layout that fell back to the built-in one. Managers only.',
    input: EmptyInput,
    output: z.array(PrintWarningSchema),
  }),
  getPrintApiSettings: defineProcedure({
    channel: 'bo:printing:api-settings',
    access: 'manager',
    summary: "The local print API's port, token and whether other machines may call it. Managers only (it shows the token).",
    input: EmptyInput,
    output: PrintApiSettingsSchema,
  }),
  setPrintApiSettings: defineProcedure({
    channel: 'bo:printing:set-api-settings',
    access: 'manager',
    summary: 'Change the local print API port or allow calls from the local network; restarts it. Managers only.',
    input: z.object({ port: z.number().int().min(1024).max(65535), allowLan: z.boolean() }).strict(),
    output: PrintApiSettingsSchema,
  }),
  rotatePrintApiToken: defineProcedure({
    channel: 'bo:printing:rotate-api-token',
    access: 'manager',
    summary: 'Replace the print API token; callers using the old one are refused from now on. Managers only.',
    input: EmptyInput,
    output: PrintApiSettingsSchema,
  }),
};

export const printingEvents = {
  printerStatusChanged: defineEvent({
    channel: 'bo-event:printer-status-changed',
    access: 'cashier',
    summary: "A printer's status changed (paper out, back online, ...).",
    payload: z.object({ printerId: IdSchema, status: PrinterStatusSchema }),
  }),
  printJobChanged: defineEvent({
    channel: 'bo-event:print-job-changed',
    access: 'cashier',
    summary: 'A print job was queued, sent, printed, failed, moved or cancelled.',
    payload: z.object({ jobId: IdSchema, printerId: IdSchema, state: PrintJobStateSchema }),
  }),
  printWarningsChanged: defineEvent({
    channel: 'bo-event:print-warnings-changed',
    access: 'manager',
    summary: 'A layout problem appeared or went away (listPrintWarnings has the sentences).',
    payload: z.object({ count: z.number().int().nonnegative() }),
  }),
};
