import { text } from '../../shared/platform/text.ts';
import * as z from '../../shared/platform/zod.ts';
import { TRIAGE_VIEWS } from '../../shared/referrals/labels.ts';
import { NotificationSchema } from '../../shared/referrals/notification.ts';
import {
  DecisionInputSchema,
  ReferralContentSchema,
  ReferralSchema,
  ReferralSummarySchema,
  TimelineEntrySchema,
} from '../../shared/referrals/schema.ts';
import { ListQuerySchema } from '../platform/pagination.ts';
import {
  jsonBody as body,
  createRoute,
  ifMatchHeaders,
  json,
  problem,
  bearer as security,
  ulidParams,
} from '../platform/routing.ts';

/** The referrals area's HTTP contract. */
const tags = ['referrals'];
const idParams = ulidParams('a referral id');
const ifMatch = ifMatchHeaders;

export const ReferralWithTimelineSchema = z.extend(ReferralSchema, {
  timeline: z.array(TimelineEntrySchema),
});

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
    query: z.extend(ListQuerySchema, {
      view: z._default(z.enum(TRIAGE_VIEWS, { error: 'must be open, decided, closed or withdrawn' }), 'open'),
      overdue: z.optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
      agency: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'is not an agency id'))),
      level: z.optional(z.enum(['1', '2', '3', '4'], { error: 'must be 1, 2, 3 or 4' })),
    }),
  },
  responses: {
    200: json(
      'A page of referrals',
      z.object({ items: z.array(ReferralSummarySchema), nextCursor: z.nullable(z.string()) }),
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
    headers: z.object({ 'idempotency-key': z.optional(z.string()) }),
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
    headers: z.object({
      'x-access-reason': z.optional(z.string()).check(
        z.meta({
          description:
            'Why you are opening this referral, recorded with the read in the audit trail: 1 to 200 characters, no control characters',
          example: 'Preparing for the strategy discussion',
        }),
      ),
    }),
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
export const WithdrawSchema = z.strictObject({
  reason: text(1000, 'multiline').check(z.minLength(1, 'Say why you are withdrawing the referral')),
});
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

export const NoteSchema = z.strictObject({
  text: text(3000, 'multiline').check(z.minLength(1, 'Enter the further information')),
});
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

/**
 * A count or share not shown (fewer than the threshold, or hidden so that one cannot be worked out).
 * No `id`: zod would then refer to it as `#/$defs/Suppressed`, which the OpenAPI document has nowhere
 * to resolve, so it is described in place wherever it appears.
 */
const SuppressedSchema = z
  .object({ suppressed: z.literal(true) })
  .check(
    z.describe(
      'Not shown: a count below the small-number threshold, or one hidden so that such a count cannot be worked out from a total. Never a zero.',
    ),
  );
const CountSchema = z.union([z.int().check(z.minimum(0)), SuppressedSchema]);
const ShareSchema = z
  .union([z.number().check(z.minimum(0), z.maximum(100)), SuppressedSchema, z.null()])
  .check(z.describe('A percentage; null for 0 of 0'));
const QuarterFiguresSchema = z.object({
  decided: CountSchema,
  decidedOnTime: CountSchema,
  onTimePct: ShareSchema,
  outcomes: z.record(z.string(), CountSchema).check(z.describe('By outcome; an outcome not listed is 0')),
  agreement: z.object({
    n: CountSchema.check(z.describe('Decided, with a level the indicators suggested')),
    agreed: CountSchema.check(z.describe('Of those, decided at the level suggested')),
    agreementPct: ShareSchema,
    kappa: z
      .union([z.number(), SuppressedSchema, z.null()])
      .check(z.describe("Cohen's kappa, from the full counts")),
    kappaNote: z.optional(z.string()).check(z.describe('Why kappa is null')),
  }),
});

export const ReferralStatsSchema = z.object({
  generatedAt: z.string(),
  smallNumbers: z.object({
    threshold: z.int().check(z.describe('Counts from 1 to one below this are not shown')),
  }),
  submitted: CountSchema.check(z.describe('Referrals sent in the year')),
  months: z.array(z.object({ month: z.string(), agencyId: z.string(), submitted: CountSchema })),
  monthTotals: z.array(z.object({ month: z.string(), submitted: CountSchema })),
  agencyTotals: z.array(z.object({ agencyId: z.string(), submitted: CountSchema })),
  quarters: z.array(z.extend(QuarterFiguresSchema, { quarter: z.string(), agencyId: z.string() })),
  quarterTotals: z.array(z.extend(QuarterFiguresSchema, { quarter: z.string() })),
});

export const referralStats = createRoute({
  method: 'get',
  path: '/api/stats/referrals',
  tags,
  summary:
    'Aggregate figures only: volumes by agency and month; timeliness, outcomes and threshold agreement by agency and quarter. Small counts, and counts that would reveal them, are not shown',
  security,
  request: {
    query: z.strictObject({
      year: z.optional(z.coerce.number().check(z.int(), z.minimum(2020), z.maximum(2100))),
    }),
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
    query: z.strictObject({
      limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
    }),
  },
  responses: {
    200: json('Notifications', z.object({ items: z.array(NotificationSchema) })),
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
