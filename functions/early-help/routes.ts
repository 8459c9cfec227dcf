import type { $ZodType } from 'zod/v4/core';
import { EPISODE_VIEWS } from '../../shared/early-help/labels.ts';
import {
  AssessmentInputSchema,
  CloseInputSchema,
  ConsentInputSchema,
  CreateEpisodeInputSchema,
  EpisodeForReferrerSchema,
  EpisodeSchema,
  EpisodeSummarySchema,
  LeadAnswerInputSchema,
  LeadRequestInputSchema,
  PlanInputSchema,
  ReviewInputSchema,
  StandardsInputSchema,
  StandardsSchema,
  StepDownInputSchema,
  TeamInputSchema,
} from '../../shared/early-help/schema.ts';
import { EpisodeStatsSchema } from '../../shared/early-help/stats.ts';
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

/**
 * The early-help area's HTTP contract: the episode that follows a front-door decision of early help.
 * Who reads and does what is shared/early-help/lifecycle.ts; an episode the caller may not read
 * answers 404, exactly as a missing one.
 */
const tags = ['early-help'];
const idParams = ulidParams('an episode id');
const NOT_FOUND = 'No such episode (or not one you may read)';

const writeResponses = versionedWriteResponses(
  {
    description:
      'The episode as it now stands, as the caller may read it; its ETag is its version. A caller who can no longer read the whole episode (a lead declined) gets the referrer’s summary',
    schema: z.union([EpisodeSchema, EpisodeForReferrerSchema]),
  },
  {
    forbidden: 'You may read this episode but not do this to it',
    notFound: NOT_FOUND,
    conflict: 'Changed since you read it, or not allowed in its state; the current episode is included',
  },
);

/** A change to one episode, sent with If-Match. */
const episodeChange = <S extends $ZodType>(
  method: 'post' | 'put',
  path: string,
  summary: string,
  schema: S,
) =>
  createRoute({
    method,
    path: `/api/episodes/{id}/${path}`,
    tags,
    summary,
    security,
    request: { params: idParams, headers: ifMatchHeaders, body: body(schema) },
    responses: writeResponses,
  });

export const listEpisodes = createRoute({
  method: 'get',
  path: '/api/episodes',
  tags,
  summary:
    "Episodes, most urgent first (by the running timer's due date). `mine` (a practitioner's default): those the caller's agency leads, is asked to lead or is in the team of; `open` (the front door's default), `overdue` and `closed`: the front door's",
  security,
  request: {
    query: z.extend(ListQuerySchema, {
      view: z.optional(z.enum(EPISODE_VIEWS, { error: 'must be mine, open, overdue or closed' })),
    }),
  },
  responses: {
    200: json('A page of episodes', listPageOf(EpisodeSummarySchema)),
    400: problem('Bad view, limit or cursor'),
    401: problem('Not signed in'),
    403: problem('Not a practitioner of an agency (mine), or not the front door (the other views)'),
  },
});

export const createEpisode = createRoute({
  method: 'post',
  path: '/api/episodes',
  tags,
  summary:
    'Start the episode from a referral the front door decided as early help, optionally asking an agency to lead it (front door). One episode per referral',
  security,
  request: { body: body(CreateEpisodeInputSchema) },
  responses: {
    201: json('The new episode; its ETag is its version', EpisodeSchema),
    400: problem('Invalid fields'),
    401: problem('Not signed in'),
    403: problem('Not the front door'),
    409: problem('The referral has an episode already: it is included'),
    422: problem('The referral was not decided as early help, or the agency is not a partner agency'),
  },
});

export const stepDownEpisode = createRoute({
  method: 'post',
  path: '/api/step-downs',
  tags,
  summary:
    "Record a child stepping down from children's social care into early help, with the child, household and consent as a referral carries them, optionally asking an agency to lead (front door). One episode per social care case reference and date",
  security,
  request: { body: body(StepDownInputSchema) },
  responses: {
    201: json('The new episode; its ETag is its version', EpisodeSchema),
    400: problem('Invalid fields'),
    401: problem('Not signed in'),
    403: problem('Not the front door'),
    409: problem('This step-down is recorded already: its episode is included'),
    422: problem(
      'Something a step-down needs is missing (each field named), or the agency is not a partner agency',
    ),
  },
});

export const getStandards = createRoute({
  method: 'get',
  path: '/api/episodes/standards',
  tags,
  summary: "The partnership's early-help standards, in working days (any signed-in caller)",
  security,
  responses: {
    200: json('The standards; the ETag is their version ("0" while the defaults apply)', StandardsSchema),
    401: problem('Not signed in'),
  },
});

export const changeStandards = createRoute({
  method: 'put',
  path: '/api/episodes/standards',
  tags,
  summary:
    "Change the partnership's early-help standards, all four at once, sent with If-Match of the version read (the board). Every open episode's lists re-sort by its running timer under the new standards: at once as far as the request allows, the rest on the next hourly run. Timers met already and the dashboard's counts of them stay as they were: a change applies from then on",
  security,
  request: { headers: ifMatchHeaders, body: body(StandardsInputSchema) },
  responses: {
    200: json('The standards as they now are; the ETag is their new version', StandardsSchema),
    400: problem('A standard that is not a whole number of working days within the bounds (each named)'),
    401: problem('Not signed in'),
    403: problem('Not the board'),
    409: problem('Changed since you read them: the current standards are included'),
    428: problem('If-Match missing'),
  },
});

export const getEpisode = createRoute({
  method: 'get',
  path: '/api/episodes/{id}',
  tags,
  summary:
    'One episode with its timers (computed for today): whole for the front door, the lead, the agency asked to lead and the team; the referring agency gets a summary. Every read is audited',
  security,
  request: { params: idParams },
  responses: {
    200: json('The episode; its ETag is its version', z.union([EpisodeSchema, EpisodeForReferrerSchema])),
    400: problem('A bad id'),
    401: problem('Not signed in'),
    404: problem(NOT_FOUND),
  },
});

export const getEpisodeOfReferral = createRoute({
  method: 'get',
  path: '/api/episodes/by-referral/{referralId}',
  tags,
  summary: "Who has this referral's episode now, in summary, for anyone who may read the episode",
  security,
  request: {
    params: z.object({
      referralId: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'is not a referral id')),
    }),
  },
  responses: {
    200: json('The episode in summary', EpisodeForReferrerSchema),
    400: problem('A bad id'),
    401: problem('Not signed in'),
    404: problem('The referral has no episode you may read'),
  },
});

export const askLead = episodeChange(
  'post',
  'lead-request',
  'Ask an agency to lead the episode, again after a decline (front door)',
  LeadRequestInputSchema,
);
export const answerLead = episodeChange(
  'post',
  'lead',
  'Accept the lead role (you become the lead practitioner) or decline it with a reason (a practitioner of the agency asked)',
  LeadAnswerInputSchema,
);
export const setConsent = episodeChange(
  'put',
  'consent',
  "Record what the family agreed to share, and with which agencies (the lead's agency)",
  ConsentInputSchema,
);
export const setTeam = episodeChange(
  'put',
  'team',
  "The team around the family, only from agencies the family's consent names (the lead's agency)",
  TeamInputSchema,
);
export const recordAssessment = episodeChange(
  'put',
  'assessment',
  "Save the Early Help Assessment; with a completion date it is complete and the plan is next (the lead's agency)",
  AssessmentInputSchema,
);
export const agreePlan = episodeChange(
  'put',
  'plan',
  "Agree the plan, or agree it again changed; outcome and action ids are made by the server and kept on edit (the lead's agency)",
  PlanInputSchema,
);
export const recordReview = episodeChange(
  'post',
  'reviews',
  "Record a review: continue, close, step down, or step up (a referral to the front door carrying the episode's history, and the episode closes) (the lead's agency)",
  ReviewInputSchema,
);
export const closeEpisode = episodeChange(
  'post',
  'close',
  "Close the episode with a reason (the lead's agency or the front door)",
  CloseInputSchema,
);

export const episodeStats = createRoute({
  method: 'get',
  path: '/api/stats/episodes',
  tags,
  summary:
    'Aggregate figures only (front door and board): episodes open now by agency and level, reviews overdue now; by agency and quarter, episodes started (re-referrals, step-downs), the standards met on time, and closures by reason (step-ups, step-downs). Small counts, and counts that would reveal them, are not shown',
  security,
  request: {
    query: z.strictObject({
      year: z.optional(z.coerce.number().check(z.int(), z.minimum(2020), z.maximum(2100))),
    }),
  },
  responses: {
    200: json('The figures', EpisodeStatsSchema),
    400: problem('A bad year'),
    401: problem('Not signed in'),
    403: problem('Not the front door or the board'),
  },
});

/** Static paths before `{id}`, so `/standards` is never read as an id. */
export const earlyHelpRoutes = [
  listEpisodes,
  createEpisode,
  stepDownEpisode,
  getStandards,
  changeStandards,
  getEpisodeOfReferral,
  getEpisode,
  askLead,
  answerLead,
  setConsent,
  setTeam,
  recordAssessment,
  agreePlan,
  recordReview,
  closeEpisode,
  episodeStats,
];
