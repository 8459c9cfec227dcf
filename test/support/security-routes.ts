import type { $ZodType } from 'zod/v4/core';
import { boardRoutes } from '../../functions/board/routes.ts';
import { peopleRoutes } from '../../functions/directory/people-routes.ts';
import { directoryRoutes } from '../../functions/directory/routes.ts';
import { earlyHelpRoutes } from '../../functions/early-help/routes.ts';
import { guidanceRoutes } from '../../functions/guidance/routes.ts';
import { referralRoutes } from '../../functions/referrals/routes.ts';
import { servicesRoutes } from '../../functions/services/routes.ts';
import type { TestApi } from './api.ts';
import { completeReferral } from './referral-fixtures.ts';
import { attachmentInput } from './security-attachments.ts';
import { callInput, callKey } from './security-consultations.ts';
import {
  assessmentInput,
  consentFor,
  type EpisodeStage,
  planInput,
  reviewInput,
  teamOf,
  today,
} from './security-episodes.ts';
import { actionFields, DECISION, type fixtures, idempotencyKey } from './security-fixtures.ts';
import type { Caller } from './security-harness.ts';
import { serviceFields } from './security-services.ts';
import { newCaseReference, stepDownInput } from './step-down-fixtures.ts';

/**
 * Every write route with a request that succeeds: who sends it and how its record is prepared. The
 * hostile-input, token, fault and privacy suites start from these; a write route the routers answer
 * without an entry here fails those suites.
 */
export interface PreparedWrite {
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface WriteRoute {
  route: string;
  as: Caller;
  /** A request that succeeds (with a fresh record where it needs one). */
  prepare(fx: ReturnType<typeof fixtures>): Promise<PreparedWrite>;
  /** The status it answers. */
  ok: number;
  /**
   * For a route that can answer without a read that failed (the checker without its services): true
   * when the answer says plainly what it could not include. Such an answer counts as right, not a 503.
   */
  answersWithout?: (status: number, body: string) => boolean;
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

/** What `fx.standards()` reads: the early-help standards (GET /api/episodes/standards) and their ETag's version. */
type StandardsRead = { version: number; standards: Record<string, number> };

/** The standards and their version, from the fixtures' reader of them. */
function standardsOf(fx: ReturnType<typeof fixtures>): Promise<StandardsRead> {
  const read = (fx as { standards?: () => Promise<StandardsRead> }).standards;
  if (!read) throw new Error('The security fixtures have no standards() reader yet (security-fixtures.ts)');
  return read();
}

export const WRITE_ROUTES: readonly WriteRoute[] = [
  {
    route: 'POST /api/agencies',
    as: 'admin',
    ok: 201,
    async prepare() {
      return {
        path: '/api/agencies',
        body: { name: `Agency ${Math.random().toString(36).slice(2, 10)}`, kind: 'voluntary' },
      };
    },
  },
  {
    route: 'PATCH /api/agencies/{id}',
    as: 'admin',
    ok: 200,
    async prepare(fx) {
      const agency = await fx.agency();
      return {
        path: `/api/agencies/${agency.id}`,
        headers: ifMatch(agency.version),
        body: { name: `Renamed ${Math.random().toString(36).slice(2, 10)}` },
      };
    },
  },
  {
    // A search of the audit trail: it writes only its own audit entry.
    route: 'POST /api/audit/subject-access',
    as: 'admin',
    ok: 200,
    async prepare() {
      return {
        path: '/api/audit/subject-access',
        body: {
          firstName: 'Nobody',
          lastName: 'Referred',
          dateOfBirth: '2019-03-02',
          reason: 'SAR ref test',
        },
      };
    },
  },
  {
    // Someone who is none of the callers: suspending a caller would refuse the rest of a suite.
    route: 'POST /api/people/{id}/suspend',
    as: 'admin',
    ok: 200,
    async prepare() {
      return { path: `/api/people/${crypto.randomUUID()}/suspend` };
    },
  },
  {
    route: 'POST /api/people/{id}/restore',
    as: 'admin',
    ok: 200,
    async prepare() {
      return { path: `/api/people/${crypto.randomUUID()}/restore` };
    },
  },
  {
    route: 'POST /api/guidance/check',
    as: 'anonymous',
    ok: 200,
    // A level 2 answer lists services; when the directory cannot be read, the answer stands without them.
    answersWithout: (status, body) =>
      status === 200 &&
      (JSON.parse(body) as { services?: { state?: string } }).services?.state === 'unavailable',
    async prepare() {
      return { path: '/api/guidance/check', body: { indicatorIds: ['basic-care-often-hungry'] } };
    },
  },
  {
    route: 'POST /api/guidance/versions',
    as: 'editor',
    ok: 201,
    async prepare(fx) {
      await fx.noDraft();
      return { path: '/api/guidance/versions', body: {} };
    },
  },
  {
    route: 'PUT /api/guidance/versions/{version}',
    as: 'editor',
    ok: 200,
    async prepare(fx) {
      const draft = await fx.draft();
      return {
        path: `/api/guidance/versions/${draft.version}`,
        headers: ifMatch(draft.revision),
        body: { framework: draft.framework, changeSummary: 'Reworded one indicator.' },
      };
    },
  },
  {
    // Tom approves a draft Femi started: the author of a draft cannot approve it.
    route: 'POST /api/guidance/versions/{version}/approve',
    as: 'editor',
    ok: 200,
    async prepare(fx) {
      const draft = await fx.draftToApprove();
      return { path: `/api/guidance/versions/${draft.version}/approve`, headers: ifMatch(draft.revision) };
    },
  },
  {
    route: 'POST /api/guidance/versions/{version}/publish',
    as: 'editor',
    ok: 200,
    async prepare(fx) {
      const draft = await fx.approvedDraft();
      return {
        path: `/api/guidance/versions/${draft.version}/publish`,
        headers: ifMatch(draft.revision),
        body: { changeSummary: 'Reworded one indicator.', effectiveFrom: '2026-12-01' },
      };
    },
  },
  {
    route: 'POST /api/referrals',
    as: 'referrerA',
    ok: 201,
    async prepare() {
      return {
        path: '/api/referrals',
        headers: { 'idempotency-key': idempotencyKey() },
        body: completeReferral(),
      };
    },
  },
  {
    route: 'PATCH /api/referrals/{id}',
    as: 'referrerA',
    ok: 200,
    async prepare(fx) {
      const r = await fx.referral('draft');
      return {
        path: `/api/referrals/${r.id}`,
        headers: ifMatch(r.version),
        body: { concerns: 'More detail.' },
      };
    },
  },
  ...(
    [
      ['submit', 'draft', 'referrerA', undefined],
      ['withdraw', 'submitted', 'referrerA', { reason: 'The family moved away.' }],
      ['review', 'submitted', 'triage', undefined],
      ['decision', 'in_review', 'triage', DECISION],
      ['close', 'decided', 'triage', undefined],
    ] as const
  ).map(
    ([action, status, as, body]): WriteRoute => ({
      route: `POST /api/referrals/{id}/${action}`,
      as,
      ok: 200,
      async prepare(fx) {
        const r = await fx.referral(status);
        return {
          path: `/api/referrals/${r.id}/${action}`,
          headers: ifMatch(r.version),
          ...(body ? { body } : {}),
        };
      },
    }),
  ),
  {
    route: 'POST /api/consultations',
    as: 'triage',
    ok: 201,
    async prepare() {
      return { path: '/api/consultations', headers: { 'idempotency-key': callKey() }, body: callInput() };
    },
  },
  {
    route: 'POST /api/referrals/{id}/attachments',
    as: 'referrerA',
    ok: 201,
    async prepare(fx) {
      const r = await fx.referral('submitted');
      return { path: `/api/referrals/${r.id}/attachments`, body: attachmentInput() };
    },
  },
  {
    route: 'POST /api/referrals/{id}/attachments/{attachmentId}/complete',
    as: 'referrerA',
    ok: 200,
    async prepare(fx) {
      const r = await fx.referral('submitted');
      const uploaded = await fx.attachments.uploaded(r.id);
      return { path: `/api/referrals/${r.id}/attachments/${uploaded.id}/complete` };
    },
  },
  {
    route: 'POST /api/referrals/{id}/reassign',
    as: 'frontDoorManager',
    ok: 200,
    async prepare(fx) {
      const [r, userId] = await Promise.all([fx.referral('in_review'), fx.frontDoorColleague()]);
      return { path: `/api/referrals/${r.id}/reassign`, headers: ifMatch(r.version), body: { userId } };
    },
  },
  {
    route: 'POST /api/referrals/{id}/notes',
    as: 'referrerA',
    ok: 201,
    async prepare(fx) {
      const r = await fx.referral('submitted');
      return { path: `/api/referrals/${r.id}/notes`, body: { text: 'Absent again today.' } };
    },
  },
  {
    route: 'POST /api/board/actions',
    as: 'board',
    ok: 201,
    async prepare() {
      return { path: '/api/board/actions', body: actionFields() };
    },
  },
  {
    route: 'PATCH /api/board/actions/{id}',
    as: 'board',
    ok: 200,
    async prepare(fx) {
      const a = await fx.action();
      return { path: `/api/board/actions/${a.id}`, headers: ifMatch(a.version), body: { title: 'Renamed' } };
    },
  },
  {
    route: 'POST /api/board/actions/{id}/updates',
    as: 'board',
    ok: 200,
    async prepare(fx) {
      const a = await fx.action();
      return {
        path: `/api/board/actions/${a.id}/updates`,
        headers: ifMatch(a.version),
        body: { narrative: 'Specification agreed.', status: 'in_progress' },
      };
    },
  },
  {
    // Helen verifies the update Tom posted: never its author.
    route: 'POST /api/board/actions/{id}/updates/{updateId}/verify',
    as: 'board',
    ok: 200,
    async prepare(fx) {
      const a = await fx.board.updated();
      return { path: `/api/board/actions/${a.id}/updates/${a.updateId}/verify`, headers: ifMatch(a.version) };
    },
  },
  {
    // The board caller, Helen, is the chair.
    route: 'POST /api/board/actions/{id}/challenges',
    as: 'board',
    ok: 200,
    async prepare(fx) {
      const a = await fx.action();
      return {
        path: `/api/board/actions/${a.id}/challenges`,
        headers: ifMatch(a.version),
        body: { text: 'What evidence shows the change reached children?' },
      };
    },
  },
  {
    // Helen answers for the partnership, the owner, another chair's challenge.
    route: 'POST /api/board/actions/{id}/challenges/{challengeId}/response',
    as: 'board',
    ok: 200,
    async prepare(fx) {
      const a = await fx.board.challenged();
      return {
        path: `/api/board/actions/${a.id}/challenges/${a.challengeId}/response`,
        headers: ifMatch(a.version),
        body: { text: 'An audit of 30 cases goes to the next board.' },
      };
    },
  },
  {
    route: 'POST /api/board/actions/{id}/close',
    as: 'board',
    ok: 200,
    async prepare(fx) {
      const a = await fx.action();
      return {
        path: `/api/board/actions/${a.id}/close`,
        headers: ifMatch(a.version),
        body: { evidence: [{ title: 'Signed report' }], signOff: { name: 'Helen Marsh', role: 'Chair' } },
      };
    },
  },
  {
    route: 'POST /api/episodes',
    as: 'triage',
    ok: 201,
    async prepare(fx) {
      const referral = await fx.episodes.referralFor('A');
      return { path: '/api/episodes', body: { referralId: referral.id, leadAgencyId: 'brookfield-primary' } };
    },
  },
  {
    route: 'POST /api/step-downs',
    as: 'triage',
    ok: 201,
    async prepare() {
      return { path: '/api/step-downs', body: stepDownInput(newCaseReference(), today()) };
    },
  },
  {
    // The standards saved again as they are, so no other route's timers move.
    route: 'PUT /api/episodes/standards',
    as: 'board',
    ok: 200,
    async prepare(fx) {
      const { version, standards } = await standardsOf(fx);
      return { path: '/api/episodes/standards', headers: ifMatch(version), body: standards };
    },
  },
  // Each change to an episode agency A leads (amira answers for it), at the stage the change needs.
  ...(
    [
      ['POST', 'lead-request', 'declined', 'triage', () => ({ agencyId: 'harbour-family-support' })],
      ['POST', 'lead', 'asked', 'referrerA', () => ({ answer: 'accepted' })],
      ['PUT', 'consent', 'assessing', 'referrerA', () => consentFor(['brookfield-primary'])],
      ['PUT', 'team', 'assessing', 'referrerA', () => teamOf(['brookfield-primary'])],
      ['PUT', 'assessment', 'assessing', 'referrerA', () => assessmentInput()],
      ['PUT', 'plan', 'planning', 'referrerA', () => planInput()],
      ['POST', 'reviews', 'reviewing', 'referrerA', reviewInput],
      ['POST', 'close', 'reviewing', 'referrerA', () => ({ reason: 'outcomes_met' })],
    ] as const satisfies readonly [string, string, EpisodeStage, Caller, (e: never) => unknown][]
  ).map(
    ([method, step, stage, as, body]): WriteRoute => ({
      route: `${method} /api/episodes/{id}/${step}`,
      as,
      ok: 200,
      async prepare(fx) {
        const episode = await fx.episodes.episode(stage, 'A');
        return {
          path: `/api/episodes/${episode.id}/${step}`,
          headers: ifMatch(episode.version),
          body: body(episode),
        };
      },
    }),
  ),
  {
    route: 'POST /api/services',
    as: 'providerEditor',
    ok: 201,
    async prepare() {
      return { path: '/api/services', body: serviceFields('provider') };
    },
  },
  {
    route: 'PUT /api/services/{id}',
    as: 'providerEditor',
    ok: 200,
    async prepare(fx) {
      const s = await fx.services.service('published', 'provider');
      return { path: `/api/services/${s.id}`, headers: ifMatch(s.version), body: serviceFields('provider') };
    },
  },
  ...(
    [
      ['publish', 'draft'],
      ['unpublish', 'published'],
      ['check', 'draft'],
    ] as const
  ).map(
    ([action, state]): WriteRoute => ({
      route: `POST /api/services/{id}/${action}`,
      as: 'directoryEditor',
      ok: 200,
      async prepare(fx) {
        const s = await fx.services.service(state, 'provider');
        return { path: `/api/services/${s.id}/${action}`, headers: ifMatch(s.version) };
      },
    }),
  ),
];

/** The declaration behind a route (method and path as the router names them), with its request schemas. */
export interface Declared {
  body?: $ZodType;
  params?: $ZodType;
  query?: $ZodType;
  headers?: $ZodType;
}

type Declaration = {
  method: string;
  path: string;
  request?: {
    body?: { content?: Record<string, { schema?: unknown }> };
    params?: unknown;
    query?: unknown;
    headers?: unknown;
  };
};

export function declarationOf(route: string): Declared {
  const [method, path] = route.split(' ');
  const all = [
    ...directoryRoutes,
    ...peopleRoutes,
    ...guidanceRoutes,
    ...referralRoutes,
    ...boardRoutes,
    ...earlyHelpRoutes,
    ...servicesRoutes,
  ] as unknown as Declaration[];
  const found = all.find((r) => r.method.toUpperCase() === method && r.path === path);
  if (!found) throw new Error(`No declaration for ${route}`);
  const request = found.request ?? {};
  const body = request.body?.content?.['application/json']?.schema;
  return {
    ...(body ? { body: body as $ZodType } : {}),
    ...(request.params ? { params: request.params as $ZodType } : {}),
    ...(request.query ? { query: request.query as $ZodType } : {}),
    ...(request.headers ? { headers: request.headers as $ZodType } : {}),
  };
}

/** The top-level fields a route's body schema takes, as named in its declaration. */
export function bodyFieldsOf(route: string): string[] {
  const body = declarationOf(route).body as
    | { _zod?: { def?: { shape?: Record<string, unknown> } } }
    | undefined;
  return Object.keys(body?._zod?.def?.shape ?? {});
}

export async function sendWrite(
  api: TestApi,
  tokens: Record<Caller, string | undefined>,
  write: WriteRoute,
  prepared: PreparedWrite,
  overrides: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const [method] = write.route.split(' ');
  const token = 'token' in overrides ? overrides.token : tokens[write.as];
  const body = 'body' in overrides ? overrides.body : prepared.body;
  return api.request(method as string, prepared.path, {
    ...(token ? { token } : {}),
    ...(body !== undefined ? { body } : {}),
    headers: { ...prepared.headers, ...overrides.headers },
  });
}
