import { MeSchema } from '../../shared/directory/me.ts';
import { AgencyCreateSchema, AgencySchema, AgencyUpdateSchema } from '../../shared/directory/schema.ts';
import { WebConfigSchema } from '../../shared/platform/web-config.ts';
import * as z from '../../shared/platform/zod.ts';
import { ListQuerySchema, listPageOf } from '../platform/pagination.ts';
import {
  bearer,
  createRoute,
  idParams,
  ifMatchHeaders,
  json,
  jsonBody,
  problem,
} from '../platform/routing.ts';
import { auditRoutes } from './audit-routes.ts';

/** The directory's HTTP contract: health, the OpenAPI document, who am I, and partner agencies. */

/**
 * Liveness and readiness on one route (one public API Gateway route): `GET /api/health` answers
 * without touching the store, so it stays cheap; `GET /api/health?ready` also reads the directory
 * table once, and answers 503 with Retry-After while the store is unavailable.
 */
export const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['platform'],
  summary: 'Liveness; with ?ready, readiness (the store answers)',
  description:
    'Without a query: liveness, `{"status":"ok"}`, without reading the store. With `?ready`: readiness, ' +
    '`{"status":"ready"}` once one read of the directory table succeeds, or 503 with Retry-After.',
  request: {
    query: z.object({
      ready: z.optional(z.enum(['', 'true'], { error: 'Send ?ready, with no value, to check readiness' })),
    }),
  },
  responses: {
    200: json('Up (liveness) or ready (readiness)', z.object({ status: z.enum(['ok', 'ready']) })),
    400: problem('A value of ready other than none or true'),
    503: problem('Readiness only: the store is unavailable; try again after Retry-After seconds'),
  },
});

export const openApiDocument = createRoute({
  method: 'get',
  path: '/api/openapi.json',
  tags: ['platform'],
  summary: 'This document',
  responses: {
    200: json('The OpenAPI 3.1 document', z.looseObject({ openapi: z.string() })),
  },
});

export const webConfig = createRoute({
  method: 'get',
  path: '/api/config',
  tags: ['platform'],
  summary: 'How the web front end signs people in',
  responses: { 200: json('The sign-in configuration', WebConfigSchema) },
});

export const getMe = createRoute({
  method: 'get',
  path: '/api/me',
  tags: ['directory'],
  summary: 'The signed-in user, their agency and roles',
  security: bearer,
  responses: { 200: json('You', MeSchema), 401: problem('Not signed in') },
});

const AgencyListSchema = listPageOf(AgencySchema);

export const listAgencies = createRoute({
  method: 'get',
  path: '/api/agencies',
  tags: ['directory'],
  summary: 'Partner agencies (any signed-in user)',
  security: bearer,
  request: { query: ListQuerySchema },
  responses: {
    200: json('A page of agencies', AgencyListSchema),
    400: problem('Bad limit or cursor'),
    401: problem('Not signed in'),
  },
});

export const createAgency = createRoute({
  method: 'post',
  path: '/api/agencies',
  tags: ['directory'],
  summary: 'Add a partner agency (admin)',
  security: bearer,
  request: { body: jsonBody(AgencyCreateSchema) },
  responses: {
    201: json('Added', AgencySchema),
    400: problem('Invalid fields'),
    401: problem('Not signed in'),
    403: problem('Not an admin'),
    409: problem('An agency with that name exists'),
  },
});

const AgencyIdParams = idParams(/^[A-Za-z0-9-]{1,64}$/, 'an agency id');

export const getAgency = createRoute({
  method: 'get',
  path: '/api/agencies/{id}',
  tags: ['directory'],
  summary: 'One agency (any signed-in user)',
  security: bearer,
  request: { params: AgencyIdParams },
  responses: {
    200: json('The agency; its ETag is its version', AgencySchema),
    404: problem('No such agency'),
  },
});

export const updateAgency = createRoute({
  method: 'patch',
  path: '/api/agencies/{id}',
  tags: ['directory'],
  summary: 'Rename, deactivate or reactivate an agency (admin); send If-Match',
  security: bearer,
  request: {
    params: AgencyIdParams,
    headers: ifMatchHeaders,
    body: jsonBody(AgencyUpdateSchema),
  },
  responses: {
    200: json('Changed', AgencySchema),
    400: problem('Invalid fields'),
    403: problem('Not an admin'),
    404: problem('No such agency'),
    409: problem('Changed by someone else since you read it; the current record is included'),
    428: problem('If-Match missing'),
  },
});

export const directoryRoutes = [
  health,
  openApiDocument,
  webConfig,
  getMe,
  listAgencies,
  createAgency,
  getAgency,
  updateAgency,
  // The audit trail's routes (admin only) are declared in audit-routes.ts.
  ...auditRoutes,
];
