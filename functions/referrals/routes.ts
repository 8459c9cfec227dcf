import * as z from 'zod';
import { lazySchema } from '../../shared/platform/lazy-schema.ts';
import { ProblemSchema } from '../../shared/platform/problem.ts';
import { NotificationSchema } from '../../shared/referrals/notification.ts';
import {
  DecisionInputSchema,
  ReferralContentSchema,
  ReferralSchema,
  ReferralSummarySchema,
  TimelineEntrySchema,
  TRIAGE_VIEWS,
} from '../../shared/referrals/schema.ts';
import { text } from '../../shared/text.ts';
import { ListQuerySchema } from '../platform/pagination.ts';
import { createRoute } from '../platform/routing.ts';

/** The referrals area's HTTP contract. */
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});
const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
const security = [{ bearerAuth: [] }];
const tags = ['referrals'];
const idParams = lazySchema(() =>
  z.object({ id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'is not a referral id') }),
);
const ifMatch = lazySchema(() => z.object({ 'if-match': z.string().optional() }));

export const ReferralWithTimelineSchema = lazySchema(() =>
  ReferralSchema.extend({ timeline: z.array(TimelineEntrySchema) }),
);

const writeResponses = {
  200: json('The referral as it now stands; its ETag is its version', ReferralSchema),
  400: problem('Invalid fields'),
  401: problem('Not signed in'),
  403: problem('Your role cannot do this'),
  404: problem('No such referral (or another agency’s)'),
  409: problem('Changed since you read it, or not allowed at its status; the current record is included'),
  422: problem('It breaks a rule: the problems are listed'),
  428: problem('If-Match missing'),
};

export const listReferrals = createRoute({
  method: 'get',
  path: '/api/referrals',
  tags,
  summary:
    "A referrer's own agency's referrals, newest first; for the front door, a view of all of them. Either narrowed to one agency or one suggested level of need",
  security,
  request: {
    query: lazySchema(() =>
      ListQuerySchema.extend({
        view: z.enum(TRIAGE_VIEWS, { error: 'must be open, decided, closed or withdrawn' }).default('open'),
        overdue: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
        agency: z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'is not an agency id')
          .optional(),
        level: z.enum(['1', '2', '3', '4'], { error: 'must be 1, 2, 3 or 4' }).optional(),
      }),
    ),
  },
  responses: {
    200: json(
      'A page of referrals',
      lazySchema(() =>
        z.object({ items: z.array(ReferralSummarySchema), nextCursor: z.string().nullable() }),
      ),
    ),
    400: problem('Bad limit, cursor or filter'),
    401: problem('Not signed in'),
    403: problem('Neither a referrer nor the front door'),
  },
});

export const createReferral = createRoute({
  method: 'post',
  path: '/api/referrals',
  tags,
  summary: 'Start a referral (saved as a draft). Send an Idempotency-Key: a retry returns the same referral',
  security,
  request: {
    headers: lazySchema(() => z.object({ 'idempotency-key': z.string().optional() })),
    body: body(ReferralContentSchema),
  },
  responses: {
    201: json('The new draft', ReferralSchema),
    200: json('The referral an earlier request with this key created', ReferralSchema),
    400: problem('Invalid fields or no Idempotency-Key'),
    403: problem('Not a referrer'),
    422: problem('This Idempotency-Key was used for a different request'),
  },
});

export const getReferral = createRoute({
  method: 'get',
  path: '/api/referrals/{id}',
  tags,
  summary: 'One referral with its timeline (referrer: own agency; the front door). Every read is audited',
  security,
  request: {
    params: idParams,
    headers: lazySchema(() =>
      z.object({
        'x-access-reason': z.string().optional().meta({
          description:
            'Why you are opening this referral, recorded with the read in the audit trail: 1 to 200 characters, no control characters',
          example: 'Preparing for the strategy discussion',
        }),
      }),
    ),
  },
  responses: {
    200: json('The referral', ReferralWithTimelineSchema),
    400: problem('A bad id or X-Access-Reason'),
    404: problem('No such referral (or another agency’s)'),
  },
});

export const updateReferral = createRoute({
  method: 'patch',
  path: '/api/referrals/{id}',
  tags,
  summary: 'Save more of a draft (referrer, own agency); the parts sent replace those stored',
  security,
  request: { params: idParams, headers: ifMatch, body: body(ReferralContentSchema) },
  responses: writeResponses,
});

const transitionRequest = { params: idParams, headers: ifMatch };
const transition = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/referrals/{id}/${path}`,
    tags,
    summary,
    security,
    request: transitionRequest,
    responses: writeResponses,
  });

export const submitReferral = transition('submit', 'Submit a draft to the front door (referrer, own agency)');
export const WithdrawSchema = lazySchema(() =>
  z.strictObject({
    reason: text(1000, 'multiline').min(1, 'Say why you are withdrawing the referral'),
  }),
);
export const withdrawReferral = createRoute({
  method: 'post',
  path: '/api/referrals/{id}/withdraw',
  tags,
  summary: 'Withdraw before review, with a reason (referrer, own agency)',
  security,
  request: { ...transitionRequest, body: body(WithdrawSchema) },
  responses: writeResponses,
});
export const decideReferral = createRoute({
  method: 'post',
  path: '/api/referrals/{id}/decision',
  tags,
  summary: 'Record the decision and the feedback the referrer reads (front door)',
  security,
  request: { ...transitionRequest, body: body(DecisionInputSchema) },
  responses: writeResponses,
});
export const reviewReferral = transition(
  'review',
  'Open a submitted referral for review: it becomes yours (front door)',
);
export const closeReferral = transition('close', 'Close a decided referral (front door)');

export const NoteSchema = lazySchema(() =>
  z.strictObject({
    text: text(3000, 'multiline').min(1, 'Enter the further information'),
  }),
);
export const addNote = createRoute({
  method: 'post',
  path: '/api/referrals/{id}/notes',
  tags,
  summary: 'Add further information before closure (referrer, own agency; the front door)',
  security,
  request: { params: idParams, body: body(NoteSchema) },
  responses: {
    201: json('The note as recorded', TimelineEntrySchema),
    400: problem('Invalid fields'),
    404: problem('No such referral (or another agency’s)'),
    409: problem('Closed or withdrawn'),
  },
});

/** A count or share not shown (fewer than the threshold, or hidden so that one cannot be worked out). */
const SuppressedSchema = lazySchema(() =>
  z.object({ suppressed: z.literal(true) }).meta({
    id: 'Suppressed',
    description:
      'Not shown: a count below the small-number threshold, or one hidden so that such a count cannot be worked out from a total. Never a zero.',
  }),
);
const CountSchema = lazySchema(() => z.union([z.number().int().min(0), SuppressedSchema]));
const ShareSchema = lazySchema(() =>
  z.union([z.number().min(0).max(100), SuppressedSchema, z.null()]).describe('A percentage; null for 0 of 0'),
);
const QuarterFiguresSchema = lazySchema(() =>
  z.object({
    decided: CountSchema,
    decidedOnTime: CountSchema,
    onTimePct: ShareSchema,
    outcomes: z.record(z.string(), CountSchema).describe('By outcome; an outcome not listed is 0'),
    agreement: z.object({
      n: CountSchema.describe('Decided, with a level the indicators suggested'),
      agreed: CountSchema.describe('Of those, decided at the level suggested'),
      agreementPct: ShareSchema,
      kappa: z
        .union([z.number(), SuppressedSchema, z.null()])
        .describe("Cohen's kappa, from the full counts"),
      kappaNote: z.string().optional().describe('Why kappa is null'),
    }),
  }),
);

export const ReferralStatsSchema = lazySchema(() =>
  z.object({
    generatedAt: z.string(),
    smallNumbers: z.object({
      threshold: z.number().int().describe('Counts from 1 to one below this are not shown'),
    }),
    submitted: CountSchema.describe('Referrals sent in the year'),
    months: z.array(z.object({ month: z.string(), agencyId: z.string(), submitted: CountSchema })),
    monthTotals: z.array(z.object({ month: z.string(), submitted: CountSchema })),
    agencyTotals: z.array(z.object({ agencyId: z.string(), submitted: CountSchema })),
    quarters: z.array(QuarterFiguresSchema.extend({ quarter: z.string(), agencyId: z.string() })),
    quarterTotals: z.array(QuarterFiguresSchema.extend({ quarter: z.string() })),
  }),
);

export const referralStats = createRoute({
  method: 'get',
  path: '/api/stats/referrals',
  tags,
  summary:
    'Aggregate figures only: volumes by agency and month; timeliness, outcomes and threshold agreement by agency and quarter. Small counts, and counts that would reveal them, are not shown',
  security,
  request: {
    query: lazySchema(() => z.strictObject({ year: z.coerce.number().int().min(2020).max(2100).optional() })),
  },
  responses: {
    200: json('The figures', ReferralStatsSchema),
    403: problem('Not the front door or the board'),
  },
});

export const listNotifications = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags,
  summary:
    "The caller's notifications, newest first: a referrer's agency's, or the front door's (no child details)",
  security,
  request: {
    query: lazySchema(() => z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(50) })),
  },
  responses: {
    200: json(
      'Notifications',
      lazySchema(() => z.object({ items: z.array(NotificationSchema) })),
    ),
    403: problem('Neither a referrer nor the front door'),
  },
});

export const referralRoutes = [
  listNotifications,
  listReferrals,
  createReferral,
  getReferral,
  updateReferral,
  submitReferral,
  withdrawReferral,
  reviewReferral,
  decideReferral,
  closeReferral,
  addNote,
  referralStats,
];
