import * as z from 'zod';
import { lazySchema } from './lazy-schema.ts';

/** RFC 9457 problem details, as every error from the API is shaped. */
export const ProblemSchema = lazySchema(() =>
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    /** For validation failures: each field (a dotted path) and why it was refused. */
    errors: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
  }),
);
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
