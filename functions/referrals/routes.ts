import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { ProblemSchema } from '../../shared/problem.ts';
import { ReferralSummarySchema } from '../../shared/referral.ts';
import { ListQuerySchema } from '../platform/pagination.ts';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

export const listReferrals = createRoute({
  method: 'get',
  path: '/api/referrals',
  tags: ['referrals'],
  summary:
    "A referrer's own agency's referrals, newest first; for the front door, the queue by decision due time",
  security: [{ bearerAuth: [] }],
  request: { query: ListQuerySchema },
  responses: {
    200: {
      description: 'A page of referrals',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(ReferralSummarySchema), nextCursor: z.string().nullable() }),
        },
      },
    },
    400: problem('Bad limit or cursor'),
    401: problem('Not signed in'),
    403: problem('Neither a referrer nor the front door'),
  },
});

export const referralRoutes = [listReferrals];
