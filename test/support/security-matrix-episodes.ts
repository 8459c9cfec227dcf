import { expect } from 'vitest';
import type { Episode } from '../../shared/early-help/schema.ts';
import {
  assessmentInput,
  consentFor,
  type EpisodeStage,
  type EpisodeTarget,
  leadOf,
  planInput,
  reviewInput,
  STEP_UP_NOTES,
  THIRD_LEAD,
  teamOf,
  today,
} from './security-episodes.ts';
import { AGENCY_A, type Caller } from './security-harness.ts';
import {
  type Expectation,
  type MatrixContext,
  MISSING_ULID,
  MISSING_VERSION,
  NONE,
  only,
  type Row,
  signedIn,
  simple,
} from './security-matrix.ts';
import { newCaseReference, stepDownInput } from './step-down-fixtures.ts';

/**
 * The matrix's rows for the early-help episode (shared/early-help/lifecycle.ts): each episode route
 * on an episode agency A leads (B referred it), one B leads (A referred it), a third agency's with A
 * in its team (B has no part in it), and none. Whoever may not read an episode gets 404, exactly
 * as for a missing one; the referring agency reads the summary only; only the lead's agency works
 * it, the front door asks agencies to lead and may close it.
 */
const TARGETS = ['A', 'B', 'third', 'missing'] as const;

/** Everyone signed in gets 404 (they may not read it), but the callers named. */
const episodeCells = (cells: Partial<Expectation>) => signedIn(404, cells);

// Who reads what: the lead, the team and the front door in full, the referring agency in summary.
const READS = {
  triage: [200, 200, 200, 404],
  referrerA: [200, 200, 200, 404],
  referrerB: [200, 200, 404, 404],
};
// Before a lead accepts there is no team: the third agency's episode is nothing to A.
const READS_ASKED = { ...READS, referrerA: [200, 200, 404, 404] };
// An agency that declined reads nothing of it, unless it referred.
const READS_DECLINED = { ...READS, referrerA: [404, 200, 404, 404], referrerB: [200, 404, 404, 404] };
// Only the lead's agency changes it; a summary reader or a team member may read but not change it.
const LEAD_ONLY = {
  triage: [403, 403, 403, 404],
  referrerA: [200, 403, 403, 404],
  referrerB: [403, 200, 404, 404],
};
const LEAD_ONLY_CONFLICT = {
  triage: [403, 403, 403, 404],
  referrerA: [409, 403, 403, 404],
  referrerB: [403, 409, 404, 404],
};

/** The referrer's summary: that an episode exists, who leads it and its state. */
const SUMMARY_KEYS = ['id', 'reference', 'state', 'leadAgencyId', 'leadAnswer', 'leadName', 'closureReason'];
const readsSummary = (caller: Caller, target: string) =>
  (caller === 'referrerA' && target === 'B') || (caller === 'referrerB' && target === 'A');

function expectSummary(body: unknown): void {
  const extra = Object.keys(body as object).filter((k) => !SUMMARY_KEYS.includes(k));
  expect(extra, 'fields beyond the referrer’s summary').toEqual([]);
}

/** A full episode for its readers, the summary only for the referring agency. */
const asRead: Row['check'] = (caller, body, target) => {
  if (readsSummary(caller, target)) expectSummary(body);
  else expect(body).toMatchObject({ child: expect.any(Object), timers: expect.any(Array) });
};

export function episodeRows(ctx: MatrixContext): Row[] {
  // Shared by the cells that must be refused; a cell that must succeed gets a fresh episode.
  const shared = new Map<string, Promise<Episode>>();
  const episodeFor = async (target: string, stage: EpisodeStage, fresh: boolean) => {
    if (target === 'missing') return { id: MISSING_ULID, version: 1 } as Episode;
    const make = () => ctx.fx.episodes.episode(stage, target as EpisodeTarget);
    if (fresh) return make();
    const key = `${stage}:${target}`;
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key) as Promise<Episode>;
  };

  const episodeRow = (
    route: string,
    stage: EpisodeStage,
    cells: Expectation,
    options: {
      variant?: string;
      body?: (episode: Episode, target: EpisodeTarget) => unknown;
      check?: Row['check'];
      /** A caller whose change leaves them unable to read the episode (a decliner) has no read to compare. */
      noReadBack?: boolean;
    } = {},
  ): Row => ({
    route,
    ...(options.variant ? { variant: options.variant } : {}),
    ...(options.check ? { check: options.check } : {}),
    targets: TARGETS,
    expect: cells,
    ...(options.noReadBack ? {} : { readBack: (prepared) => `/api/episodes/${prepared.ids?.[0]}` }),
    async prepare(target, _caller, succeeds) {
      const episode = await episodeFor(target, stage, succeeds);
      const suffix = route.split('{id}')[1] ?? '';
      const lead = target === 'missing' ? 'A' : (target as EpisodeTarget);
      return {
        path: `/api/episodes/${episode.id}${suffix}`,
        headers: { 'if-match': `"${episode.version}"` },
        ...(options.body ? { body: options.body(episode, lead) } : {}),
        ids: [episode.id],
      };
    },
  });

  /** Starting an episode from a referral decided as early help: the front door's. */
  const createRow = (
    variant: string,
    cells: Expectation,
    referral: (target: string) => Promise<string>,
  ): Row => ({
    route: 'POST /api/episodes',
    variant,
    targets: ['A', 'B', 'missing'] as const,
    expect: cells,
    readBack: (_prepared, shown) => `/api/episodes/${shown.id}`,
    async prepare(target) {
      const referralId = await referral(target);
      return { path: '/api/episodes', body: { referralId, leadAgencyId: AGENCY_A }, ids: [referralId] };
    },
  });

  // The episodes every list is checked against: one of each target, plan agreed.
  const listed = () =>
    Promise.all((['A', 'B', 'third'] as const).map((t) => episodeFor(t, 'reviewing', false)));
  let ids: Record<EpisodeTarget, string> = { A: '', B: '', third: '' };
  const listRow = (variant: string, query: string, cells: Expectation): Row => ({
    ...simple('GET /api/episodes', cells, { query }),
    variant,
    async prepare() {
      const [a, b, third] = await listed();
      ids = { A: a?.id ?? '', B: b?.id ?? '', third: third?.id ?? '' };
      return { path: `/api/episodes${query}` };
    },
    check(caller, body) {
      const items = (body as { items: { id: string }[] }).items.map((i) => i.id);
      // An agency lists what it leads or is in the team of, never what it only referred.
      const shows: Record<string, EpisodeTarget[]> = {
        triage: ['A', 'B', 'third'],
        frontDoorManager: ['A', 'B', 'third'],
        referrerA: ['A', 'third'],
        referrerB: ['B'],
      };
      for (const target of ['A', 'B', 'third'] as const) {
        expect(items.includes(ids[target]), `${caller} lists ${target}'s`).toBe(
          shows[caller]?.includes(target) ?? false,
        );
      }
    },
  });

  /** The board's change of the standards, sent with their version (or one that is not) and their values. */
  const standardsRow = (variant: string, cells: Expectation, current: boolean): Row => ({
    route: 'PUT /api/episodes/standards',
    variant,
    targets: NONE,
    expect: cells,
    readBack: () => '/api/episodes/standards',
    async prepare() {
      const res = await ctx.api.request('GET', '/api/episodes/standards', { as: 'amira' });
      const { changedAt: _changed, ...standards } = (await res.json()) as Record<string, unknown>;
      return {
        path: '/api/episodes/standards',
        headers: { 'if-match': current ? (res.headers.get('etag') ?? '"0"') : `"${MISSING_VERSION}"` },
        body: standards,
      };
    },
  });

  return [
    listRow(
      'each caller’s default view',
      '?limit=200',
      only({ referrerA: 200, referrerB: 200, triage: 200 }),
    ),
    listRow('mine: a practitioner’s own', '?view=mine&limit=200', only({ referrerA: 200, referrerB: 200 })),
    {
      ...simple('GET /api/episodes', only({ triage: 200 }), { query: '?view=overdue' }),
      variant: 'overdue: the front door’s',
    },
    {
      ...simple('GET /api/episodes/standards', signedIn(200)),
      check(_caller, body) {
        expect(body).toMatchObject({ leadWithinWorkingDays: expect.any(Number) });
      },
    },
    standardsRow('saved again as they are, so no other row’s timers move', only({ board: 200 }), true),
    standardsRow('against a version that is not theirs: 409 with them', only({ board: 409 }), false),
    {
      route: 'GET /api/episodes/by-referral/{referralId}',
      targets: TARGETS,
      expect: episodeCells(READS),
      check: (_caller, body) => expectSummary(body),
      async prepare(target) {
        const episode = await episodeFor(target, 'reviewing', false);
        const referralId = episode.referral?.id ?? MISSING_ULID;
        return { path: `/api/episodes/by-referral/${referralId}`, ids: [referralId] };
      },
    },
    episodeRow('GET /api/episodes/{id}', 'reviewing', episodeCells(READS), { check: asRead }),
    episodeRow('GET /api/episodes/{id}', 'asked', episodeCells(READS_ASKED), {
      variant: 'waiting for the agency asked to lead',
      check: asRead,
    }),
    episodeRow('GET /api/episodes/{id}', 'declined', episodeCells(READS_DECLINED), {
      variant: 'declined by the agency asked',
      check: asRead,
    }),
    episodeRow('GET /api/episodes/{id}', 'closed', episodeCells(READS), { variant: 'closed', check: asRead }),

    createRow('from a decided referral', only({ triage: [201, 201, 422] }), async (target) =>
      target === 'missing' ? MISSING_ULID : (await ctx.fx.episodes.referralFor(target as EpisodeTarget)).id,
    ),
    createRow(
      'the referral has one already: 409 with it',
      only({ triage: [409, 409, 422] }),
      async (target) =>
        target === 'missing' ? MISSING_ULID : ((await episodeFor(target, 'asked', false)).referral?.id ?? ''),
    ),

    {
      route: 'POST /api/step-downs',
      variant: 'a new step-down from social care',
      targets: NONE,
      expect: only({ triage: 201 }),
      readBack: (_prepared, shown) => `/api/episodes/${shown.id}`,
      async prepare() {
        return { path: '/api/step-downs', body: stepDownInput(newCaseReference(), today()) };
      },
    },
    {
      route: 'POST /api/step-downs',
      variant: 'recorded already: 409 with it',
      targets: NONE,
      expect: only({ triage: 409 }),
      readBack: (_prepared, shown) => `/api/episodes/${shown.id}`,
      async prepare() {
        const body = stepDownInput(newCaseReference(), today());
        await ctx.api.request('POST', '/api/step-downs', { as: 'grace', body });
        return { path: '/api/step-downs', body };
      },
    },

    episodeRow(
      'POST /api/episodes/{id}/lead-request',
      'declined',
      episodeCells({
        triage: [200, 200, 200, 404],
        referrerA: [404, 403, 404, 404],
        referrerB: [403, 404, 404, 404],
      }),
      { body: () => ({ agencyId: THIRD_LEAD }) },
    ),
    episodeRow(
      'POST /api/episodes/{id}/lead-request',
      'reviewing',
      episodeCells({
        triage: [409, 409, 409, 404],
        referrerA: [403, 403, 403, 404],
        referrerB: [403, 403, 404, 404],
      }),
      { variant: 'a lead has accepted: 409', body: () => ({ agencyId: THIRD_LEAD }) },
    ),
    episodeRow(
      'POST /api/episodes/{id}/lead',
      'asked',
      episodeCells({ ...LEAD_ONLY, referrerA: [200, 403, 404, 404] }),
      { variant: 'accepted', body: () => ({ answer: 'accepted' }) },
    ),
    episodeRow(
      'POST /api/episodes/{id}/lead',
      'asked',
      episodeCells({ ...LEAD_ONLY, referrerA: [200, 403, 404, 404] }),
      {
        variant: 'declined: the decliner is answered with the summary only',
        body: () => ({ answer: 'declined', reason: 'No capacity this term.' }),
        check: (_caller, body) => expectSummary(body),
        noReadBack: true,
      },
    ),
    episodeRow(
      'POST /api/episodes/{id}/lead',
      'reviewing',
      episodeCells({
        triage: [409, 409, 409, 404],
        referrerA: [409, 403, 409, 404],
        referrerB: [403, 409, 404, 404],
      }),
      { variant: 'a lead has accepted: 409', body: () => ({ answer: 'accepted' }) },
    ),
    episodeRow('PUT /api/episodes/{id}/consent', 'assessing', episodeCells(LEAD_ONLY), {
      body: (_e, target) => consentFor([leadOf(target)]),
    }),
    episodeRow('PUT /api/episodes/{id}/team', 'assessing', episodeCells(LEAD_ONLY), {
      body: (_e, target) => teamOf([leadOf(target)]),
    }),
    episodeRow('PUT /api/episodes/{id}/assessment', 'assessing', episodeCells(LEAD_ONLY), {
      body: () => assessmentInput(),
    }),
    episodeRow('PUT /api/episodes/{id}/assessment', 'reviewing', episodeCells(LEAD_ONLY_CONFLICT), {
      variant: 'after the plan: 409',
      body: () => assessmentInput(),
    }),
    episodeRow('PUT /api/episodes/{id}/plan', 'planning', episodeCells(LEAD_ONLY), {
      body: () => planInput(),
    }),
    episodeRow('POST /api/episodes/{id}/reviews', 'reviewing', episodeCells(LEAD_ONLY), {
      body: (episode) => reviewInput(episode),
    }),
    episodeRow('POST /api/episodes/{id}/reviews', 'reviewing', episodeCells(LEAD_ONLY), {
      variant: 'a step-up: a referral to the front door, and the episode closes',
      body: (episode) => reviewInput(episode, 'step_up', STEP_UP_NOTES),
      check(_caller, body) {
        expect(body).toMatchObject({
          state: 'closed',
          closure: { reason: 'stepped_up' },
          steppedUpTo: { referralId: expect.any(String) },
        });
      },
    }),
    episodeRow(
      'POST /api/episodes/{id}/close',
      'reviewing',
      episodeCells({ ...LEAD_ONLY, triage: [200, 200, 200, 404] }),
      { body: () => ({ reason: 'outcomes_met' }) },
    ),
    episodeRow(
      'POST /api/episodes/{id}/close',
      'closed',
      episodeCells({ ...LEAD_ONLY_CONFLICT, triage: [409, 409, 409, 404] }),
      { variant: 'closed already: 409', body: () => ({ reason: 'outcomes_met' }) },
    ),
    {
      ...simple('GET /api/stats/episodes', only({ triage: 200, board: 200 })),
      check(_caller, body) {
        expect(JSON.stringify(body)).not.toMatch(/Maisie|Fairbrook|NS1 2AB/);
      },
    },
  ];
}
