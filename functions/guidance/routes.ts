import {
  EditorRefSchema,
  FrameworkSchema,
  GuidanceVersionSchema,
  IndicatorSchema,
  LevelNumberSchema,
  LevelSchema,
  SpecificRouteSchema,
} from '../../shared/guidance/schema.ts';
import { text } from '../../shared/platform/text.ts';
import * as z from '../../shared/platform/zod.ts';
import { DISTRICT_IDS } from '../../shared/services/districts.ts';
import { listPageOf } from '../platform/pagination.ts';
import { bearer, createRoute, ifMatchHeaders, json, jsonBody, problem } from '../platform/routing.ts';

/** The guidance area's HTTP contract; app.ts binds handlers to it and the OpenAPI document lists it. */

/**
 * A version number as an address or a query sends it (text). The whole-number rule is a check on the
 * coerced number, not a pipe into `z.int()`: that keeps each refusal's own words (a pipe's `z.int`
 * message would also replace the default "Too big" one) and documents the parameter as an integer.
 */
const wholeNumber = () =>
  z.coerce.number().check(z.int('must be a whole number'), z.positive('must be 1 or more'));

export const VersionSummarySchema = z.object({
  version: z.int(),
  status: z.enum(['draft', 'published', 'superseded']),
  changeSummary: z.optional(z.string()),
  effectiveFrom: z.optional(z.string()),
  publishedAt: z.optional(z.string()),
  approvedBy: z.optional(EditorRefSchema),
  approvedAt: z.optional(z.string()),
  updatedAt: z.string(),
});

export const getCurrentGuidance = createRoute({
  method: 'get',
  path: '/api/guidance',
  tags: ['guidance'],
  summary: 'The current published threshold guidance',
  responses: {
    200: json('The current version', GuidanceVersionSchema),
    304: { description: 'Not modified since the ETag sent in If-None-Match' },
    404: problem('Nothing has been published yet'),
  },
});

export const listGuidanceVersions = createRoute({
  method: 'get',
  path: '/api/guidance/versions',
  tags: ['guidance'],
  summary: 'Every published version (and, for guidance editors, drafts), newest first',
  responses: {
    200: json('The versions', listPageOf(VersionSummarySchema)),
  },
});

export const getGuidanceVersion = createRoute({
  method: 'get',
  path: '/api/guidance/versions/{version}',
  tags: ['guidance'],
  summary: 'One version by number (drafts: guidance editors only)',
  request: {
    params: z.object({
      version: wholeNumber(),
    }),
  },
  responses: {
    200: json('The version', GuidanceVersionSchema),
    404: problem('No such version'),
  },
});

const versionNumber = wholeNumber().check(z.maximum(999_999));
const versionParams = z.object({ version: versionNumber });

export const CheckRequestSchema = z.strictObject({
  indicatorIds: z
    .array(z.string().check(z.minLength(1), z.maxLength(80)), { error: 'Choose the indicators as a list' })
    .check(z.minLength(1, 'Choose at least one indicator'), z.maxLength(60, 'Choose 60 indicators or fewer')),
  /** The family's postcode district: services at levels 1 and 2 are listed nearest first. */
  district: z.optional(z.enum(DISTRICT_IDS, { error: 'Choose a postcode district of the county' })),
});

/** A service as the checker's answer lists it; its whole entry is GET /api/services/{id}. */
const CheckerServiceSchema = z.object({
  id: z.string(),
  name: z.string(),
  provider: z.string(),
  summary: z.string(),
  access: z.array(z.string()),
  reasons: z.array(z.string()),
  distance: z.optional(z.object({ km: z.number(), from: z.string() })),
  illustrative: z.boolean(),
});

const servicesAnswer = {
  district: z.nullable(z.enum(DISTRICT_IDS)),
  /** The services directory's find page with the same search. */
  findMoreHref: z.string(),
};

/** At levels 1 and 2: the services that meet the needs (none, if none does), or that they could not be listed. */
const CheckerServicesSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('listed'), items: z.array(CheckerServiceSchema), ...servicesAnswer }),
  z.object({ state: z.literal('unavailable'), ...servicesAnswer }),
]);

export const CheckResultSchema = z.object({
  version: z.int(),
  level: z.nullable(LevelNumberSchema),
  record: z.nullable(LevelSchema),
  chosen: z.array(IndicatorSchema),
  drivers: z.array(IndicatorSchema),
  immediateDanger: z.boolean(),
  immediateDangerIndicators: z.array(IndicatorSchema),
  considerHigher: z.boolean(),
  nextLevel: z.nullable(LevelSchema),
  reasons: z.array(z.string()),
  /** The specific routes the chosen indicators bring up (allegations against staff, FGM, Prevent...). */
  routes: z.array(SpecificRouteSchema),
  /** Null at levels 3 and 4, which name no services. */
  services: z.nullable(CheckerServicesSchema),
});

export const checkGuidance = createRoute({
  method: 'post',
  path: '/api/guidance/check',
  tags: ['guidance'],
  summary:
    'The level the chosen indicators suggest, why, what to do now and any specific route (current published version)',
  request: { body: jsonBody(CheckRequestSchema) },
  responses: {
    200: json('The suggested level and the response it prescribes', CheckResultSchema),
    400: problem('No indicators, or ids that are not in the current guidance'),
  },
});

export const searchGuidance = createRoute({
  method: 'get',
  path: '/api/guidance/search',
  tags: ['guidance'],
  summary: 'Indicators of the current version matching every word of the query, best first',
  request: {
    query: z.strictObject({
      q: z
        .string()
        .check(
          z.trim(),
          z.minLength(1, 'Enter a word to search for'),
          z.maxLength(100, 'Use 100 characters or fewer'),
        ),
    }),
  },
  responses: {
    200: json(
      'Matching indicators',
      z.object({
        version: z.int(),
        query: z.string(),
        items: z.array(IndicatorSchema),
      }),
    ),
    400: problem('No query'),
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
          schema: z.strictObject({ fromVersion: z.optional(versionNumber) }),
        },
      },
    },
  },
  responses: {
    201: json('The new draft', GuidanceVersionSchema),
    401: problem('Not signed in'),
    403: problem('Not a guidance editor'),
    409: problem('A draft is already open'),
  },
});

export const DraftUpdateSchema = z.strictObject({
  framework: FrameworkSchema,
  changeSummary: z.optional(text(2000, 'multiline')),
});

export const updateDraft = createRoute({
  method: 'put',
  path: '/api/guidance/versions/{version}',
  tags: ['guidance'],
  summary: "Replace a draft's content (guidance editors); send If-Match with its ETag",
  security: bearer,
  request: {
    params: versionParams,
    headers: ifMatchHeaders,
    body: jsonBody(DraftUpdateSchema),
  },
  responses: {
    200: json('The saved draft', GuidanceVersionSchema),
    400: problem('Invalid fields'),
    403: problem('Not a guidance editor'),
    404: problem('No such version'),
    409: problem('Published versions never change, or someone else saved the draft first'),
    422: problem('A specific route names an indicator that is not in the draft'),
    428: problem('If-Match missing'),
  },
});

export const approveVersion = createRoute({
  method: 'post',
  path: '/api/guidance/versions/{version}/approve',
  tags: ['guidance'],
  summary:
    'Approve a draft for publishing (a guidance editor who neither started nor changed it); send If-Match with its ETag. Any later edit withdraws the approval',
  security: bearer,
  request: {
    params: versionParams,
    headers: ifMatchHeaders,
  },
  responses: {
    200: json('The approved draft', GuidanceVersionSchema),
    401: problem('Not signed in'),
    403: problem('Not a guidance editor, or one who started or changed the draft'),
    404: problem('No such version'),
    409: problem('Not a draft, already approved, or changed since you read it'),
    428: problem('If-Match missing'),
  },
});

export const PublishRequestSchema = z.strictObject({
  changeSummary: z
    .string({ error: 'Enter a summary of what changed' })
    .check(
      z.trim(),
      z.minLength(1, 'Enter a summary of what changed'),
      z.maxLength(2000, 'Use 2,000 characters or fewer'),
    ),
  effectiveFrom: z.iso.date({ error: 'Enter the date it takes effect, as YYYY-MM-DD' }),
});

export const publishVersion = createRoute({
  method: 'post',
  path: '/api/guidance/versions/{version}/publish',
  tags: ['guidance'],
  summary: 'Publish a draft: it becomes current and the previous version is superseded (guidance editors)',
  security: bearer,
  request: {
    params: versionParams,
    headers: ifMatchHeaders,
    body: jsonBody(PublishRequestSchema),
  },
  responses: {
    200: json('The published version', GuidanceVersionSchema),
    400: problem('Invalid fields'),
    403: problem('Not a guidance editor'),
    404: problem('No such version'),
    409: problem('Already published, or changed since you read it'),
    422: problem(
      'Not approved by a second guidance editor, or the content has problems that must be fixed first',
    ),
  },
});

export const ChangesSchema = z.object({
  from: z.int(),
  to: z.int(),
  added: z.array(IndicatorSchema),
  removed: z.array(IndicatorSchema),
  moved: z.array(
    z.object({ indicator: IndicatorSchema, fromLevel: LevelNumberSchema, toLevel: LevelNumberSchema }),
  ),
  reworded: z.array(z.object({ id: z.string(), before: z.string(), after: z.string() })),
  levelsChanged: z.array(LevelNumberSchema),
  routesAdded: z.array(SpecificRouteSchema),
  routesRemoved: z.array(SpecificRouteSchema),
  routesChanged: z.array(z.object({ route: SpecificRouteSchema, parts: z.array(z.string()) })),
});

export const compareVersions = createRoute({
  method: 'get',
  path: '/api/guidance/versions/{version}/changes',
  tags: ['guidance'],
  summary: 'What changed in a version since another (default: the one before)',
  request: {
    params: versionParams,
    query: z.strictObject({
      from: z.optional(wholeNumber()),
    }),
  },
  responses: {
    200: json(
      'Indicators added, removed, moved level or reworded, levels changed, and specific routes added, removed or changed',
      ChangesSchema,
    ),
    404: problem('No such version'),
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
  approveVersion,
  publishVersion,
  compareVersions,
];
