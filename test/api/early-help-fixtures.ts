import { expect } from 'vitest';
import type { Episode, EpisodeSummary } from '../../shared/early-help/schema.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import type { Referral, ReferralContent } from '../../shared/referrals/schema.ts';
import { auditTrail, clockedTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/**
 * What the early-help API tests share: a referral the front door decided, an episode started from
 * it, and each step of the episode's work, each checked as it goes.
 */

/**
 * The file's test API on a clock its tests move (support/api.ts): `api` stands for it, `ready` is
 * given it once it is made, `at` moves the clock and `now` reads it.
 */
export const clockedApi = clockedTestApi;

let keys = 0;
const newKey = () => `eh-${Date.now()}-${keys++}`;

const json = async <T>(res: Response, status: number): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
};

export const DECISION = {
  levelOfNeed: 3,
  outcome: 'targeted_early_help',
  rationale: 'Hunger and conflict at home together; mum wants help.',
  feedback: 'Thank you. A family support worker will contact Maisie’s mum this week.',
};

/** A referral from `as` (a school by default), submitted, reviewed and decided by the front door. */
export async function decidedReferral(
  api: TestApi,
  options: { as?: string; content?: Partial<ReferralContent>; decision?: Partial<typeof DECISION> } = {},
): Promise<Referral> {
  const as = options.as ?? 'amira';
  const content = completeReferral({
    consent: { status: 'given', byWhom: 'Kerry Fairbrook (mother)', date: '2026-05-28' },
    ...options.content,
  });
  let referral = await json<Referral>(
    await api.request('POST', '/api/referrals', {
      as,
      body: content,
      headers: { 'idempotency-key': newKey() },
    }),
    201,
  );
  const step = async (who: string, action: string, body?: unknown) => {
    referral = await json<Referral>(
      await api.request('POST', `/api/referrals/${referral.id}/${action}`, {
        as: who,
        headers: { 'if-match': `"${referral.version}"` },
        ...(body !== undefined ? { body } : {}),
      }),
      200,
    );
  };
  await step(as, 'submit');
  await step('grace', 'review');
  await step('grace', 'decision', { ...DECISION, ...options.decision });
  return referral;
}

export async function startEpisode(
  api: TestApi,
  referralId: string,
  leadAgencyId?: string,
): Promise<Episode> {
  return json<Episode>(
    await api.request('POST', '/api/episodes', {
      as: 'grace',
      body: { referralId, ...(leadAgencyId ? { leadAgencyId } : {}) },
    }),
    201,
  );
}

/** A change to an episode, sent with its version. */
export function write(
  api: TestApi,
  as: string,
  episode: { id: string; version: number } | { id: string },
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  version = 'version' in episode ? episode.version : 1,
): Promise<Response> {
  return api.request(method, `/api/episodes/${episode.id}/${path}`, {
    as,
    headers: { 'if-match': `"${version}"` },
    body,
  });
}

/** The same, expecting the episode back. */
export async function step(
  api: TestApi,
  as: string,
  episode: Episode,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
): Promise<Episode> {
  const res = await write(api, as, episode, method, path, body);
  const shown = await json<Episode>(res, 200);
  expect(res.headers.get('etag')).toBe(`"${shown.version}"`);
  return shown;
}

export const read = (api: TestApi, as: string, id: string) =>
  api.request('GET', `/api/episodes/${id}`, { as });

export async function list(api: TestApi, as: string, view?: string): Promise<EpisodeSummary[]> {
  const res = await api.request('GET', `/api/episodes${view ? `?view=${view}` : ''}`, { as });
  return (await json<{ items: EpisodeSummary[] }>(res, 200)).items;
}

export async function problem(res: Response, status: number): Promise<Problem> {
  expect(res.status, await res.clone().text()).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return (await res.json()) as Problem;
}

/** The fields a 422 or 400 names. */
export const fieldsOf = (p: Problem) => (p.errors ?? []).map((e) => e.field);

export const CONSENT = {
  sharingAgreed: true,
  shareWithAgencyIds: ['harbour-family-support', 'brookfield-primary', 'northshire-community-health'],
  agreedBy: 'Kerry Fairbrook (mother)',
  agreedOn: '2026-06-03',
};

export const TEAM = {
  members: [
    { agencyId: 'harbour-family-support', name: 'Joe Kamara', role: 'Family support worker (lead)' },
    { agencyId: 'brookfield-primary', name: 'Amira Haddad', role: 'Designated safeguarding lead' },
  ],
};

export const assessment = (startedOn: string, completedOn?: string) => ({
  startedOn,
  ...(completedOn ? { completedOn } : {}),
  strengths: 'Mum is warm and keen for help; Maisie is settled at school.',
  needs: 'Money for food; a calmer routine at home in the mornings.',
  familyWords: 'Mum: “we just need things to be calmer”.',
});

export const plan = (agreedOn: string) => ({
  agreedOn,
  outcomes: [
    {
      title: 'Maisie has breakfast every school day',
      actions: [{ what: 'Breakfast club place', owner: 'Amira Haddad', dueOn: agreedOn }],
    },
    {
      title: 'Mornings at home are calmer',
      actions: [{ what: 'Routine sessions with mum', owner: 'Joe Kamara', dueOn: agreedOn }],
    },
  ],
});

/** A review scoring every outcome of the episode's plan. */
export const review = (
  episode: Episode,
  heldOn: string,
  decision: string,
  extra: Record<string, unknown> = {},
) => ({
  heldOn,
  attendees: 'Kerry Fairbrook, Joe Kamara, Amira Haddad',
  progress: (episode.plan?.outcomes ?? []).map((o, i) => ({ outcomeId: o.id, score: 4 + i })),
  childViews: 'Maisie says breakfast club is “the best bit”.',
  familyViews: 'Mum says mornings are a bit better.',
  decision,
  ...extra,
});

/**
 * From a decided referral to a plan in place, with the clock moved as each step happens: Joe's
 * agency (Harbour Family Support) leads, Amira's school is in the team. `at` moves the clock.
 */
export async function episodeUnderReview(
  api: TestApi,
  at: (iso: string) => void,
  options: { referral?: Referral } = {},
): Promise<Episode> {
  at('2026-06-01T09:00:00Z');
  const referral = options.referral ?? (await decidedReferral(api));
  let episode = await startEpisode(api, referral.id, 'harbour-family-support');
  at('2026-06-02T09:00:00Z');
  episode = await step(api, 'joe', episode, 'POST', 'lead', { answer: 'accepted' });
  at('2026-06-03T09:00:00Z');
  episode = await step(api, 'joe', episode, 'PUT', 'consent', CONSENT);
  episode = await step(api, 'joe', episode, 'PUT', 'team', TEAM);
  at('2026-06-10T09:00:00Z');
  episode = await step(api, 'joe', episode, 'PUT', 'assessment', assessment('2026-06-03', '2026-06-10'));
  at('2026-06-12T09:00:00Z');
  episode = await step(api, 'joe', episode, 'PUT', 'plan', plan('2026-06-12'));
  expect(episode.state).toBe('reviewing');
  return episode;
}

/** The audit entries in one episode's own trail. */
export const auditOf = (api: TestApi, type: string, id: string) =>
  auditTrail<{
    action: string;
    outcome: string;
    detail?: string;
    subjectKey?: string;
    ids?: string[];
    actor: { userId: string };
  }>(api, type, id);
