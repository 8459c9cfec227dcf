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
import { ReferralStatsSchema } from '../../shared/referrals/stats.ts';
import { ListQuerySchema, listPageOf } from '../platform/pagination.ts';
import {
  jsonBody as body,
  createRoute,
  ifMatchHeaders,
  json,
  problem,
  type RouteDeclaration,
  bearer as security,
  ulidParams,
  versionedWriteResponses,
} from '../platform/routing.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import { calibrationRoutes } from './calibration-routes.ts';
import { consultationRoutes } from './consultation-routes.ts';

/** The referrals area's HTTP contract. */
const tags = ['referrals'];
const idParams = ulidParams('a referral id');
const ifMatch = ifMatchHeaders;

export const ReferralWithTimelineSchema = z.extend(ReferralSchema, {
  timeline: z.array(TimelineEntrySchema),
});

const writeResponses = versionedWriteResponses(
  { description: 'The referral as it now stands; its ETag is its version', schema: ReferralSchema },
  {
    forbidden: 'Your role cannot do this',
    notFound: 'No such referral (or another agency’s)',
    conflict: 'Changed since you read it, or not allowed at its status; the current record is included',
  },
);

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
    200: json('A page of referrals', listPageOf(ReferralSummarySchema)),
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
/** A step in a referral's life, sent with If-Match; some take a body (a withdrawal's reason, a decision). */
const transition = <const Rq extends NonNullable<RouteDeclaration['request']>>(
  path: string,
  summary: string,
  request: Rq,
) =>
  createRoute({
    method: 'post',
    path: `/api/referrals/{id}/${path}`,
    tags,
    summary,
    security,
    request,
    responses: writeResponses,
  });

export const submitReferral = transition(
  'submit',
  'Submit a draft to the front door (referrer, own agency)',
  transitionRequest,
);
export const WithdrawSchema = z.strictObject({
  reason: text(1000, 'multiline').check(z.minLength(1, 'Say why you are withdrawing the referral')),
});
export const withdrawReferral = transition(
  'withdraw',
  'Withdraw before review, with a reason (referrer, own agency)',
  { ...transitionRequest, body: body(WithdrawSchema) },
);
export const decideReferral = transition(
  'decision',
  'Record the decision and the feedback the referrer reads (front door)',
  { ...transitionRequest, body: body(DecisionInputSchema) },
);
export const reviewReferral = transition(
  'review',
  'Open a submitted referral for review: it becomes yours (front door)',
  transitionRequest,
);
export const closeReferral = transition('close', 'Close a decided referral (front door)', transitionRequest);

export const ReassignSchema = z.strictObject({
  /** The member of the front door who takes it over (their id, from the team list). */
  userId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'Choose a member of the front door')),
});
export const reassignReferral = transition(
  'reassign',
  'Hand a referral waiting for a decision to another member of the front door, who then reviews and decides it (front-door manager)',
  { ...transitionRequest, body: body(ReassignSchema) },
);

export const TeamMemberSchema = z.object({ userId: z.string(), name: z.string() });
export type TeamMember = z.infer<typeof TeamMemberSchema>;
export const frontDoorTeam = createRoute({
  method: 'get',
  path: '/api/front-door/team',
  tags,
  summary:
    'The members of the front door, as they have used the queue: whom a referral can be reassigned to (front door)',
  security,
  responses: {
    200: json('The front door’s members, by name', z.object({ items: z.array(TeamMemberSchema) })),
    401: problem('Not signed in'),
    403: problem('Not the front door'),
  },
});

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

export const referralStats = createRoute({
  method: 'get',
  path: '/api/stats/referrals',
  tags,
  summary:
    'Aggregate figures only: volumes by agency and month; timeliness, outcomes and threshold agreement by agency and quarter; unmet need (decisions no service fitted) by quarter, by need, area, age band and reason. Small counts, and counts that would reveal them, are not shown',
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
  reassignReferral,
  frontDoorTeam,
  addNote,
  referralStats,
  ...calibrationRoutes,
  ...consultationRoutes,
  ...attachmentRoutes,
];
