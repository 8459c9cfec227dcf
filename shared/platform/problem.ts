import * as z from './zod.ts';

/** RFC 9457 problem details, as every error from the API is shaped. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  /** For validation failures: each field (a dotted path) and why it was refused. */
  errors: z.optional(z.array(z.object({ field: z.string(), reason: z.string() }))),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
