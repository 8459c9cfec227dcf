import * as z from 'zod';
import {
  FrameworkSchema,
  GuidanceVersionSchema,
  IndicatorSchema,
  LevelNumberSchema,
  LevelSchema,
} from '../../shared/guidance/schema.ts';
import { lazySchema } from '../../shared/platform/lazy-schema.ts';
import { ProblemSchema } from '../../shared/platform/problem.ts';
import { text } from '../../shared/text.ts';
import { createRoute } from '../platform/routing.ts';

/** The guidance area's HTTP contract; app.ts binds handlers to it and the OpenAPI document lists it. */
const problem = { content: { 'application/problem+json': { schema: ProblemSchema } } };

export const VersionSummarySchema = lazySchema(() =>
  z.object({
    version: z.number().int(),
    status: z.enum(['draft', 'published', 'superseded']),
    changeSummary: z.string().optional(),
    effectiveFrom: z.string().optional(),
    publishedAt: z.string().optional(),
    updatedAt: z.string(),
  }),
);

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
          schema: lazySchema(() =>
            z.object({ items: z.array(VersionSummarySchema), nextCursor: z.string().nullable() }),
          ),
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
    params: lazySchema(() =>
      z.object({
        version: z.coerce.number().int('must be a whole number').positive('must be 1 or more'),
      }),
    ),
  },
  responses: {
    200: { description: 'The version', content: { 'application/json': { schema: GuidanceVersionSchema } } },
    404: { description: 'No such version', ...problem },
  },
});

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const problemOf = (description: string) => ({ description, ...problem });
const bearer = [{ bearerAuth: [] }];
const versionParams = lazySchema(() =>
  z.object({
    version: z.coerce.number().int('must be a whole number').positive('must be 1 or more').max(999_999),
  }),
);
const ifMatchHeader = lazySchema(() => z.object({ 'if-match': z.string().optional() }));

export const CheckRequestSchema = lazySchema(() =>
  z.strictObject({
    indicatorIds: z
      .array(z.string().min(1).max(80), { error: 'Choose the indicators as a list' })
      .min(1, 'Choose at least one indicator')
      .max(60, 'Choose 60 indicators or fewer'),
  }),
);

export const CheckResultSchema = lazySchema(() =>
  z.object({
    version: z.number().int(),
    level: LevelNumberSchema.nullable(),
    record: LevelSchema.nullable(),
    chosen: z.array(IndicatorSchema),
    drivers: z.array(IndicatorSchema),
    immediateDanger: z.boolean(),
    immediateDangerIndicators: z.array(IndicatorSchema),
    considerHigher: z.boolean(),
    nextLevel: LevelSchema.nullable(),
    reasons: z.array(z.string()),
  }),
);

export const checkGuidance = createRoute({
  method: 'post',
  path: '/api/guidance/check',
  tags: ['guidance'],
  summary: 'The level the chosen indicators suggest, why, and what to do now (current published version)',
  request: { body: { required: true, content: { 'application/json': { schema: CheckRequestSchema } } } },
  responses: {
    200: json('The suggested level and the response it prescribes', CheckResultSchema),
    400: problemOf('No indicators, or ids that are not in the current guidance'),
  },
});

export const searchGuidance = createRoute({
  method: 'get',
  path: '/api/guidance/search',
  tags: ['guidance'],
  summary: 'Indicators of the current version matching every word of the query, best first',
  request: {
    query: lazySchema(() =>
      z.strictObject({
        q: z.string().trim().min(1, 'Enter a word to search for').max(100, 'Use 100 characters or fewer'),
      }),
    ),
  },
  responses: {
    200: json(
      'Matching indicators',
      lazySchema(() =>
        z.object({
          version: z.number().int(),
          query: z.string(),
          items: z.array(IndicatorSchema),
        }),
      ),
    ),
    400: problemOf('No query'),
  },
});

export const createDraft = createRoute({
  method: 'post',
  path: '/api/guidance/versions',
  tags: ['guidance'],
  summary: 'Start a draft: a copy of the current version (guidance editors)',
  security: bearer,
  request: {
    body: {
      required: false,
      content: {
        'application/json': {
          schema: lazySchema(() => z.strictObject({ fromVersion: versionParams.shape.version.optional() })),
        },
      },
    },
  },
  responses: {
    201: json('The new draft', GuidanceVersionSchema),
    401: problemOf('Not signed in'),
    403: problemOf('Not a guidance editor'),
    409: problemOf('A draft is already open'),
  },
});

export const DraftUpdateSchema = lazySchema(() =>
  z.strictObject({
    framework: FrameworkSchema,
    changeSummary: text(2000, 'multiline').optional(),
  }),
);

export const updateDraft = createRoute({
  method: 'put',
  path: '/api/guidance/versions/{version}',
  tags: ['guidance'],
  summary: "Replace a draft's content (guidance editors); send If-Match with its ETag",
  security: bearer,
  request: {
    params: versionParams,
    headers: ifMatchHeader,
    body: { required: true, content: { 'application/json': { schema: DraftUpdateSchema } } },
  },
  responses: {
    200: json('The saved draft', GuidanceVersionSchema),
    400: problemOf('Invalid fields'),
    403: problemOf('Not a guidance editor'),
    404: problemOf('No such version'),
    409: problemOf('Published versions never change, or someone else saved the draft first'),
    428: problemOf('If-Match missing'),
  },
});

export const PublishRequestSchema = lazySchema(() =>
  z.strictObject({
    changeSummary: z
      .string({ error: 'Enter a summary of what changed' })
      .trim()
      .min(1, 'Enter a summary of what changed')
      .max(2000, 'Use 2,000 characters or fewer'),
    effectiveFrom: z.iso.date({ error: 'Enter the date it takes effect, as YYYY-MM-DD' }),
  }),
);

export const publishVersion = createRoute({
  method: 'post',
  path: '/api/guidance/versions/{version}/publish',
  tags: ['guidance'],
  summary: 'Publish a draft: it becomes current and the previous version is superseded (guidance editors)',
  security: bearer,
  request: {
    params: versionParams,
    headers: ifMatchHeader,
    body: { required: true, content: { 'application/json': { schema: PublishRequestSchema } } },
  },
  responses: {
    200: json('The published version', GuidanceVersionSchema),
    400: problemOf('Invalid fields'),
    403: problemOf('Not a guidance editor'),
    404: problemOf('No such version'),
    409: problemOf('Already published, or changed since you read it'),
    422: problemOf('The content has problems that must be fixed first'),
  },
});

export const ChangesSchema = lazySchema(() =>
  z.object({
    from: z.number().int(),
    to: z.number().int(),
    added: z.array(IndicatorSchema),
    removed: z.array(IndicatorSchema),
    moved: z.array(
      z.object({ indicator: IndicatorSchema, fromLevel: LevelNumberSchema, toLevel: LevelNumberSchema }),
    ),
    reworded: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })),
    levelsChanged: z.array(LevelNumberSchema),
  }),
);

export const compareVersions = createRoute({
  method: 'get',
  path: '/api/guidance/versions/{version}/changes',
  tags: ['guidance'],
  summary: 'What changed in a version since another (default: the one before)',
  request: {
    params: versionParams,
    query: lazySchema(() =>
      z.strictObject({
        from: z.coerce.number().int('must be a whole number').positive('must be 1 or more').optional(),
      }),
    ),
  },
  responses: {
    200: json('Indicators added, removed, moved level or reworded, and levels changed', ChangesSchema),
    404: problemOf('No such version'),
  },
});

export const guidanceRoutes = [
  getCurrentGuidance,
  listGuidanceVersions,
  getGuidanceVersion,
  checkGuidance,
  searchGuidance,
  createDraft,
  updateDraft,
  publishVersion,
  compareVersions,
];
