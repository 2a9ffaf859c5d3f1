import { z } from 'zod';
import { LayoutFileSchema } from './layout-schema.ts';

/** The text of layouts/layout.schema.json, from the same zod schema the loader checks with. */
export function layoutJsonSchemaText(): string {
  const schema = z.toJSONSchema(LayoutFileSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  const withTitle = {
    $schema: schema['$schema'],
    $id: 'https://marquee.example/layouts/layout.schema.json',
    title: 'Marquee print layout',
    description: 'A ticket, receipt, reservation slip or cash-up layout for thermal printers; see docs/layouts.md.',
    ...schema,
  };
  return JSON.stringify(withTitle, null, 2) + '\n';
}
