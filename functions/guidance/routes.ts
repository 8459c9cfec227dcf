import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { GuidanceVersionSchema } from '../../shared/guidance.ts';
import { ProblemSchema } from '../../shared/problem.ts';

/** The guidance area's HTTP contract; app.ts binds handlers to it and the OpenAPI document lists it. */
const problem = { content: { 'application/problem+json': { schema: ProblemSchema } } };

export const VersionSummarySchema = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'published', 'superseded']),
  changeSummary: z.string().optional(),
  effectiveFrom: z.string().optional(),
  publishedAt: z.string().optional(),
  updatedAt: z.string(),
});

export const getCurrentGuidance = createRoute({
  method: 'get',
  path: '/api/guidance',
  tags: ['guidance'],
  summary: 'The current published threshold guidance',
  responses: {
    200: {
      description: 'The current version',
      content: { 'application/json': { schema: GuidanceVersionSchema } },
    },
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
    404: { description: 'Nothing has been published yet', ...problem },
  },
});

export const listGuidanceVersions = createRoute({
  method: 'get',
  path: '/api/guidance/versions',
  tags: ['guidance'],
  summary: 'Every published version (and, for guidance editors, drafts), newest first',
  responses: {
    200: {
      description: 'The versions',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(VersionSummarySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
  },
});

export const getGuidanceVersion = createRoute({
  method: 'get',
  path: '/api/guidance/versions/{version}',
  tags: ['guidance'],
  summary: 'One version by number (drafts: guidance editors only)',
  request: {
    params: z.object({
      version: z.coerce.number().int('must be a whole number').positive('must be 1 or more'),
    }),
  },
  responses: {
    200: { description: 'The version', content: { 'application/json': { schema: GuidanceVersionSchema } } },
    404: { description: 'No such version', ...problem },
  },
});

export const guidanceRoutes = [getCurrentGuidance, listGuidanceVersions, getGuidanceVersion];
