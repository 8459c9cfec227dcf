import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { ActionSummarySchema } from '../../shared/board.ts';
import { ProblemSchema } from '../../shared/problem.ts';
import { ListQuerySchema } from '../platform/pagination.ts';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

export const listActions = createRoute({
  method: 'get',
  path: '/api/board/actions',
  tags: ['board'],
  summary: "The board's action plan, soonest due first (board; the front door may read)",
  security: [{ bearerAuth: [] }],
  request: { query: ListQuerySchema },
  responses: {
    200: {
      description: 'A page of actions',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(ActionSummarySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    400: problem('Bad limit or cursor'),
    401: problem('Not signed in'),
    403: problem('Not a board member or the front door'),
  },
});

export const boardRoutes = [listActions];
