import { z } from 'zod';
import { IdSchema } from '../../../src-shared/contract/common.ts';
import { JobKindSchema, WidthDotsSchema } from '../../../src-shared/contract/printing.ts';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** POST /v1/jobs: either a layout with its data, or raw ESC/POS bytes in base64. */
export const SubmitJobBody = z
  .object({
    printerId: IdSchema.optional(),
    /** Which printers take it; raw jobs default to tickets, layout jobs to what the layout prints. */
    kind: JobKindSchema.optional(),
    label: z.string().trim().min(1).max(200).optional(),
    layout: z.string().min(1).max(200).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
    bytes: z
      .string()
      .min(1)
      .max(6 * 1024 * 1024)
      .regex(BASE64, 'must be standard base64 (A-Z a-z 0-9 + /, padded with =)')
      .optional(),
    /**
     * Raw bytes that could open the cash drawer are printed only with this: who is asking and
     * why. The opening is written to the audit log (docs/print-api.md, "The cash drawer").
     */
    drawer: z
      .object({
        by: z.string().trim().min(1, 'say who is asking (the program or person)').max(100),
        reason: z.string().trim().min(3, 'give the reason the drawer is opened').max(300),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((job) => (job.layout === undefined) !== (job.bytes === undefined), {
    message: "send either 'layout' (with 'data') or 'bytes' (base64 ESC/POS), not both and not neither",
  })
  .refine((job) => (job.data === undefined) === (job.layout === undefined), {
    message: "'data' goes with 'layout': send both (the fields the layout prints), or neither for raw bytes",
    path: ['data'],
  })
  .refine((job) => job.drawer === undefined || job.bytes !== undefined, {
    message: "'drawer' goes with raw 'bytes' only; layouts never open the drawer",
    path: ['drawer'],
  });

/** GET /v1/layouts/:id/preview.png?widthDots=576 */
export const PreviewQuery = z
  .object({
    widthDots: z.coerce.number().pipe(WidthDotsSchema).default(576),
  })
  .strict();
