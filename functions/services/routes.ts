import * as z from '../../shared/platform/zod.ts';
import {
  ServiceInputSchema,
  ServiceMatchSchema,
  ServiceSearchSchema,
  ServiceViewSchema,
} from '../../shared/services/schema.ts';
import { ListQuerySchema, listPageOf } from '../platform/pagination.ts';
import {
  jsonBody as body,
  createRoute,
  ifMatchHeaders,
  json,
  problem,
  bearer as security,
  ulidParams,
  versionedWriteResponses,
} from '../platform/routing.ts';

/**
 * The services directory's HTTP contract. Published entries are public; directory editors draft and
 * keep them: the partnership's every entry, a provider's its own. An entry an editor may not keep
 * answers 404 to them, as if it did not exist (a published one is still public to read).
 */
const tags = ['services'];
const idParams = ulidParams('a service id');
const writeResponses = versionedWriteResponses(
  { description: 'The entry as it now stands; its ETag is its version', schema: ServiceViewSchema },
  {
    forbidden: 'Not a directory editor',
    notFound: 'No such entry, or not one the caller keeps',
    conflict: 'Changed by someone else since you read it; the current entry is included',
  },
);

/** The public search, with a page's limit and cursor. */
export const ServiceSearchQuerySchema = z.extend(ServiceSearchSchema, {
  limit: ListQuerySchema.shape.limit,
  cursor: ListQuerySchema.shape.cursor,
});

export const searchServices = createRoute({
  method: 'get',
  path: '/api/services',
  tags,
  summary:
    'Search the published directory (public): by need (repeat `need` for several), age, district, cost, how families reach it, level and words; nearest first when a district is given, otherwise by name. Each result says why it matches.',
  request: { query: ServiceSearchQuerySchema },
  responses: {
    200: json(
      'A page of matching services',
      z.object({ items: z.array(ServiceMatchSchema), nextCursor: z.nullable(z.string()) }),
    ),
    400: problem('A filter is not valid (a need not in the current guidance, an unknown district…)'),
  },
});

export const listMine = createRoute({
  method: 'get',
  path: '/api/services/mine',
  tags,
  summary:
    'The entries the caller keeps (directory editor), drafts included, check-due and longest unchecked first',
  security,
  request: { query: ListQuerySchema },
  responses: {
    200: json('A page of entries', listPageOf(ServiceViewSchema)),
    400: problem('Bad limit or cursor'),
    401: problem('Not signed in'),
    403: problem('Not a directory editor'),
  },
});

export const createService = createRoute({
  method: 'post',
  path: '/api/services',
  tags,
  summary: 'Draft a new entry (directory editor; a provider’s editor lists their own agency as provider)',
  security,
  request: { body: body(ServiceInputSchema) },
  responses: {
    201: json('The draft, version 1', ServiceViewSchema),
    400: problem('Invalid fields'),
    401: problem('Not signed in'),
    403: problem('Not a directory editor'),
  },
});

export const getService = createRoute({
  method: 'get',
  path: '/api/services/{id}',
  tags,
  summary:
    'One entry: public when published; otherwise only to an editor who keeps it. Its ETag is its version.',
  request: { params: idParams },
  responses: {
    200: json('The entry', ServiceViewSchema),
    404: problem('No such entry (or a draft the caller does not keep)'),
  },
});

export const updateService = createRoute({
  method: 'put',
  path: '/api/services/{id}',
  tags,
  summary:
    'Replace an entry’s fields; send If-Match. A published entry stays published and its search listing follows.',
  security,
  request: { params: idParams, headers: ifMatchHeaders, body: body(ServiceInputSchema) },
  responses: writeResponses,
});

/** A change of an entry's standing, sent with If-Match and no body. */
const standingChange = (step: string, summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/services/{id}/${step}`,
    tags,
    summary,
    security,
    request: { params: idParams, headers: ifMatchHeaders },
    responses: writeResponses,
  });

export const publishService = standingChange('publish', 'Publish an entry: it is public and found by search');
export const unpublishService = standingChange(
  'unpublish',
  'Take an entry out of the public directory (it is kept, and may be published again)',
);
export const checkService = standingChange(
  'check',
  'Record that the entry was checked today and is right, by the caller',
);

/** The export's page size: the standard's `per_page`, at most 200 so a page stays well under a response's limit. */
export const ExportQuerySchema = z.strictObject({
  per_page: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200))),
  cursor: ListQuerySchema.shape.cursor,
});

export const exportOpenReferral = createRoute({
  method: 'get',
  path: '/api/services/export/open-referral',
  tags,
  summary:
    'The published directory as Open Referral UK JSON (public): a page of fully nested `service` objects of the UK profile, `per_page` at a time (100 unless given), with `next_cursor` for the next page',
  request: { query: ExportQuerySchema },
  responses: {
    200: json(
      'A page of services in the Open Referral UK shape',
      z.object({
        size: z.number(),
        first_page: z.boolean(),
        last_page: z.boolean(),
        empty: z.boolean(),
        contents: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })),
        next_cursor: z.nullable(z.string()),
      }),
    ),
    400: problem('Bad per_page or cursor'),
  },
});

export const exportCsv = createRoute({
  method: 'get',
  path: '/api/services/export/services.csv',
  tags,
  summary: 'The published directory as CSV (public), one row per service, for a spreadsheet',
  responses: {
    200: { description: 'text/csv', content: { 'text/csv': { schema: z.string() } } },
  },
});

export const servicesRoutes = [
  searchServices,
  listMine,
  createService,
  getService,
  updateService,
  publishService,
  unpublishService,
  checkService,
  exportOpenReferral,
  exportCsv,
];
