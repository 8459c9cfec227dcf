import type { $ZodType } from 'zod/v4/core';
import { RAG_RATINGS, THEMES } from '../../shared/board/labels.ts';
import {
  ActionFieldsSchema,
  ActionPatchSchema,
  ActionSummarySchema,
  ActionViewSchema,
  ChallengeInputSchema,
  ChallengeResponseInputSchema,
  ChallengeSchema,
  CloseInputSchema,
  OpenChallengeSchema,
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
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const ulidOf = (what: string) => z.string().check(z.regex(ULID, `is not ${what}`));
/** An action's id and one of its progress updates' or challenges'. */
const updateParams = z.extend(idParams, { updateId: ulidOf('a progress update id') });
const challengeParams = z.extend(idParams, { challengeId: ulidOf('a challenge id') });
const writeResponses = versionedWriteResponses(
  { description: 'The action as it now stands; its ETag is its version', schema: ActionViewSchema },
  {
    forbidden:
      'Not a board member (a challenge: not the chair; a response: not of the owner agency, or the challenger)',
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
    200: json(
      'The action',
      z.extend(ActionViewSchema, {
        updates: z.array(ProgressUpdateSchema),
        challenges: z.array(ChallengeSchema),
      }),
    ),
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

export const verifyUpdate = createRoute({
  method: 'post',
  path: '/api/board/actions/{id}/updates/{updateId}/verify',
  tags,
  summary:
    'Verify a progress update as a second board member (never its author): a better RAG than before the update needs this or a measure that moved toward its target; send If-Match',
  security,
  request: { params: updateParams, headers: ifMatchHeaders },
  responses: writeResponses,
});

export const addChallenge = actionChange(
  'post',
  '/challenges',
  "The independent chair's challenge (board-chair): the owner agency's response is due in 10 working days; send If-Match",
  ChallengeInputSchema,
);

export const respondToChallenge = createRoute({
  method: 'post',
  path: '/api/board/actions/{id}/challenges/{challengeId}/response',
  tags,
  summary:
    "The owner agency's response to a challenge: a board member of the action's owner agency, not the challenger; send If-Match",
  security,
  request: {
    params: challengeParams,
    headers: ifMatchHeaders,
    body: body(ChallengeResponseInputSchema),
  },
  responses: writeResponses,
});

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
  /** The chair's challenges waiting for the owner agency's response, soonest due first. */
  challenges: z.array(OpenChallengeSchema),
  rags: z.array(z.enum(RAG_RATINGS)),
});

export const dashboard = createRoute({
  method: 'get',
  path: '/api/board/dashboard',
  tags,
  summary:
    "The plan in figures: actions by RAG, theme and owner agency; overdue and escalated actions; the chair's challenges waiting for a response",
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
  verifyUpdate,
  addChallenge,
  respondToChallenge,
  closeAction,
];
