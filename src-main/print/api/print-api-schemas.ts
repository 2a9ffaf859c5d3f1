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
  })
  .strict()
  .refine((job) => (job.layout === undefined) !== (job.bytes === undefined), {
    message: "send either 'layout' (with 'data') or 'bytes' (base64 ESC/POS), not both and not neither",
  })
  .refine((job) => (job.data === undefined) === (job.layout === undefined), {
    message: "'data' goes with 'layout': send both (the fields the layout prints), or neither for raw bytes",
    path: ['data'],
  });

/** GET /v1/layouts/:id/preview.png?widthDots=576 */
export const PreviewQuery = z
  .object({
    widthDots: z.coerce.number().pipe(WidthDotsSchema).default(576),
  })
  .strict();
