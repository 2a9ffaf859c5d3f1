const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** "3 Dec, 14:05": enough to tell today's window from last week's. */
export function formatWhen(ms: number): string {
  return when.format(ms);
}
