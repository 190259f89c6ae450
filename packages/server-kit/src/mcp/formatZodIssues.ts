import type * as z from 'zod';

/**
 * Formats zod issues as one line that names every bad field: `b: expected number, received string`.
 *
 * @param error - A zod validation error.
 * @returns One line, issues separated by `; `.
 */
export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (issue) =>
        `${issue.path.length > 0 ? issue.path.join('.') : '(arguments)'}: ${issue.message}`,
    )
    .join('; ');
}
