import type { PrintLayouts } from '../print/layouts-port.ts';

export const TRAINING_MARK = 'TRAINING — NOT VALID';

type Data = Record<string, unknown>;

function marked(value: unknown, field: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  const text = typeof record[field] === 'string' ? (record[field] as string) : '';
  return { ...record, [field]: text ? `${TRAINING_MARK} · ${text}` : TRAINING_MARK };
}

/**
 * The training box office's layouts: the same layouts, with "TRAINING — NOT VALID" in front of the
 * venue's name and the event's title, which every ticket, receipt and slip prints, so no paper
 * from a training window can pass for a real ticket or receipt whatever layout the venue made.
 */
export function trainingLayouts(layouts: PrintLayouts): PrintLayouts {
  const mark = (data: Data): Data => ({ ...data, venue: marked(data.venue, 'name'), ...(data.event ? { event: marked(data.event, 'title') } : {}) });
  return {
    list: () => layouts.list(),
    render: (layoutId, data, printer) => layouts.render(layoutId, mark(data), printer),
    previewPng: (layoutId, widthDots, data) => layouts.previewPng(layoutId, widthDots, data && mark(data)),
  };
}
