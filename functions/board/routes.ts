import type { $ZodType } from 'zod/v4/core';
import { RAG_RATINGS, THEMES } from '../../shared/board/labels.ts';
import {
  ActionFieldsSchema,
  ActionPatchSchema,
  ActionSummarySchema,
  ActionViewSchema,
  CloseInputSchema,
  ProgressInputSchema,
  ProgressUpdateSchema,
} from '../../shared/board/schema.ts';
import * as z from '../../shared/platform/zod.ts';
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

/** The board area's HTTP contract. Reads: board and the front door; writes: board. */
const tags = ['board'];
const idParams = ulidParams('an action id');
const writeResponses = versionedWriteResponses(
  { description: 'The action as it now stands; its ETag is its version', schema: ActionViewSchema },
  {
    forbidden: 'Not a board member',
    notFound: 'No such action',
    conflict: 'Changed by someone else since you read it; the current record is included',
  },
);

/** A change to one action, sent with If-Match: the action as it now stands, or why not. */
const actionChange = <S extends $ZodType>(
  method: 'patch' | 'post',
  path: string,
  summary: string,
  schema: S,
) =>
  createRoute({
    method,
    path: `/api/board/actions/{id}${path}`,
    tags,
    summary,
    security,
    request: { params: idParams, headers: ifMatchHeaders, body: body(schema) },
    responses: writeResponses,
  });

export const listActions = createRoute({
  method: 'get',
  path: '/api/board/actions',
  tags,
  summary: "The board's action plan, soonest due first, with today's RAG (board; the front door may read)",
  security,
  request: { query: ListQuerySchema },
  responses: {
    200: json('A page of actions', listPageOf(ActionSummarySchema)),
    400: problem('Bad limit or cursor'),
    401: problem('Not signed in'),
    403: problem('Not a board member or the front door'),
  },
});

export const createAction = createRoute({
  method: 'post',
  path: '/api/board/actions',
  tags,
  summary: 'Add an action to the plan (board)',
  security,
  request: { body: body(ActionFieldsSchema) },
  responses: { ...writeResponses, 201: json('Added', ActionViewSchema) },
});

export const getAction = createRoute({
  method: 'get',
  path: '/api/board/actions/{id}',
  tags,
  summary: 'One action with its progress updates, oldest first',
  security,
  request: { params: idParams },
  responses: {
    200: json('The action', z.extend(ActionViewSchema, { updates: z.array(ProgressUpdateSchema) })),
    404: problem('No such action'),
  },
});

export const updateAction = actionChange(
  'patch',
  '',
  'Change an action: details, status, a revised due date (with a reason) or a RAG override (with a justification)',
  ActionPatchSchema,
);

export const addProgress = actionChange(
  'post',
  '/updates',
  'Append a progress update (who, when, narrative, evidence, the RAG then); send If-Match',
  ProgressInputSchema,
);

export const closeAction = actionChange(
  'post',
  '/close',
  'Close an action as complete: needs evidence and a sign-off; send If-Match',
  CloseInputSchema,
);

export const exportCsv = createRoute({
  method: 'get',
  path: '/api/board/actions.csv',
  tags,
  summary: 'The action plan as CSV, for board papers',
  security,
  responses: {
    200: { description: 'text/csv', content: { 'text/csv': { schema: z.string() } } },
    403: problem('Not a board member or the front door'),
  },
});

const ragCounts = z.object({ red: z.number(), amber: z.number(), green: z.number() });
export const DashboardSchema = z.object({
  today: z.string(),
  total: z.number(),
  byRag: ragCounts,
  byTheme: z.array(z.extend(ragCounts, { theme: z.enum(THEMES) })),
  byOwner: z.array(
    z.extend(ragCounts, { agencyId: z.string(), agencyName: z.string(), overdue: z.number() }),
  ),
  overdue: z.array(ActionSummarySchema),
  escalated: z.array(z.extend(ActionSummarySchema, { escalationReasons: z.array(z.string()) })),
  rags: z.array(z.enum(RAG_RATINGS)),
});

export const dashboard = createRoute({
  method: 'get',
  path: '/api/board/dashboard',
  tags,
  summary: 'The plan in figures: actions by RAG, theme and owner agency; overdue and escalated actions',
  security,
  responses: {
    200: json('The figures', DashboardSchema),
    403: problem('Not a board member or the front door'),
  },
});

export const boardRoutes = [
  listActions,
  createAction,
  exportCsv,
  dashboard,
  getAction,
  updateAction,
  addProgress,
  closeAction,
];
