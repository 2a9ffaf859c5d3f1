import type { z } from 'zod';

/**
 * A zod failure as one sentence naming the fields: the dispatcher's BAD_INPUT and the print API's
 * 400 both say what was wrong in the same words. Shared so neither imports the other.
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
