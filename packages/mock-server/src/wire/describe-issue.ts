import type * as z from 'zod';

/** A Spring-style message `[field:message]` for the first issue of a zod error. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.code === 'unrecognized_keys') return `[${issue.keys[0]}:unknown field]`;
  return `[${issue?.path.map(String).join('.') || 'body'}:${issue?.message ?? 'invalid'}]`;
}
