// The form pieces live in src-renderer/kit/admin-form.tsx; this re-export keeps the screens that
// still import them from here (venues, windows, settings, audit) working until they move over.
export { Feedback, Field, formatDateTime, minorToText, parseMoney, useAction } from '../../kit/admin-form.tsx';

export const STATE_LABELS = { on_sale: 'On sale', off_sale: 'Off sale', cancelled: 'Cancelled' } as const;
