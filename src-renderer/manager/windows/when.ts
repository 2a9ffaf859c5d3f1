/** "3 Dec, 14:05" on the venue's clock: enough to tell today's window from last week's. */
export { formatWhen } from '../../format.ts';
