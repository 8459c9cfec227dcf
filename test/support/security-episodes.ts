import type { Episode } from '../../shared/early-help/schema.ts';
import { ukDateOf } from '../../shared/platform/working-days.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import type { TestApi } from './api.ts';
import { completeReferral } from './referral-fixtures.ts';
import { AGENCY_A, AGENCY_B } from './security-harness.ts';

/**
 * Early-help episodes made through the API for the security suites, in the state a test needs:
 *
 * - `A`: referred by agency B (dan), led by (or asked of) agency A, whose referrer amira answers;
 * - `B`: the same the other way round (amira refers, dan leads);
 * - `third`: another agency's (Northshire Academy refers, Harbour Family Support leads), with
 *   agency A in the team around the family once there is one, and agency B nowhere.
 *
 * Each is started from a referral the front door decided as single-agency early help, on today's
 * UK date: every date in a request is today, which every rule allows.
 */
export type EpisodeTarget = 'A' | 'B' | 'third';

/**
 * `asked`: waiting for the agency asked to answer; `declined`: that agency declined and none is
 * asked; `assessing`: accepted, the family's consent (and the team) recorded; `planning`: the
 * assessment completed; `reviewing`: the plan agreed; `closed`: closed by the lead.
 */
export type EpisodeStage = 'asked' | 'declined' | 'assessing' | 'planning' | 'reviewing' | 'closed';

export const THIRD_LEAD = 'harbour-family-support';

const PARTS: Record<EpisodeTarget, { referrer: string; lead: string; leadAs: string; team: string[] }> = {
  A: { referrer: 'dan', lead: AGENCY_A, leadAs: 'amira', team: [] },
  B: { referrer: 'amira', lead: AGENCY_B, leadAs: 'dan', team: [] },
  third: { referrer: 'nadia', lead: THIRD_LEAD, leadAs: 'joe', team: [AGENCY_A] },
};

/** The agency that leads (or is asked to lead) a target's episodes. */
export const leadOf = (target: EpisodeTarget) => PARTS[target].lead;

export const today = () => ukDateOf(new Date());

export const consentFor = (agencyIds: readonly string[]) => ({
  sharingAgreed: true,
  shareWithAgencyIds: [...agencyIds],
  agreedBy: 'Kerry Fairbrook (mother)',
  agreedOn: today(),
});

export const teamOf = (agencyIds: readonly string[]) => ({
  members: agencyIds.map((agencyId, i) => ({
    agencyId,
    name: `Team member ${i + 1}`,
    role: i ? 'Class teacher' : 'Lead practitioner',
  })),
});

export const assessmentInput = (complete = true) => ({
  startedOn: today(),
  ...(complete ? { completedOn: today() } : {}),
  strengths: 'Mum is warm and keen for help.',
  needs: 'Money for food; calmer mornings.',
  familyWords: 'Mum: “we just need things to be calmer”.',
});

export const planInput = () => ({
  agreedOn: today(),
  outcomes: [
    {
      title: 'Maisie has breakfast every school day',
      actions: [{ what: 'Breakfast club place', owner: 'Amira Haddad', dueOn: today() }],
    },
  ],
});

/** A review scoring every outcome of the episode's plan (an unknown outcome for one with none). */
export const reviewInput = (
  episode: { plan?: Episode['plan'] } | undefined,
  decision = 'continue',
  notes?: string,
) => ({
  heldOn: today(),
  attendees: 'Kerry Fairbrook and the team',
  progress: (episode?.plan?.outcomes ?? [{ id: 'no-such-outcome' }]).map((o) => ({
    outcomeId: o.id,
    score: 5,
  })),
  childViews: 'Maisie says breakfast club is the best bit.',
  familyViews: 'Mum says mornings are a bit better.',
  decision,
  ...(notes ? { notes } : {}),
});

/** The front door's decision an episode starts from: early help the referrer's setting can lead. */
export const EARLY_HELP_DECISION = {
  levelOfNeed: 2,
  outcome: 'early_help_single_agency',
  rationale: 'Needs met with support from an early-help lead practitioner.',
  feedback: 'Thank you. A lead practitioner will offer the family a meeting this week.',
} as const;

let keys = 0;
const newKey = () => `sec-eh-${process.pid}-${Date.now()}-${keys++}`;

export const STEP_UP_NOTES = 'Maisie disclosed that Lee hit her mother at the weekend; she is frightened.';

async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`episode fixture: expected ${status}, got ${r.status}: ${text}`);
  return JSON.parse(text) as T;
}

export function episodeFixtures(api: TestApi) {
  const self = {
    /** A referral by `as`, decided by the front door as single-agency early help, with no episode yet. */
    async decidedReferral(as: string): Promise<Referral> {
      let r = await ok<Referral>(
        api.request('POST', '/api/referrals', {
          as,
          // A child of its own each time: episodes made at once about one child would flag each other as
          // possible duplicates between the fixture's steps.
          body: completeReferral({
            consent: { status: 'given', byWhom: 'Kerry Fairbrook', date: today() },
            child: { ...completeReferral().child, lastName: `Fairbrook-${keys++}` },
          }),
          headers: { 'idempotency-key': newKey() },
        }),
        201,
      );
      for (const [who, action, body] of [
        [as, 'submit', undefined],
        ['grace', 'review', undefined],
        ['grace', 'decision', EARLY_HELP_DECISION],
      ] as const) {
        r = await ok<Referral>(
          api.request('POST', `/api/referrals/${r.id}/${action}`, {
            as: who,
            headers: { 'if-match': `"${r.version}"` },
            ...(body ? { body } : {}),
          }),
        );
      }
      return r;
    },

    /** A target's referral for episodes (decided, no episode yet). */
    referralFor: (target: EpisodeTarget) => self.decidedReferral(PARTS[target].referrer),

    /** An episode of `target` at `stage`, as its lead (or the front door, before a lead) reads it. */
    async episode(stage: EpisodeStage, target: EpisodeTarget = 'A'): Promise<Episode> {
      const { lead, leadAs, team } = PARTS[target];
      const referral = await self.referralFor(target);
      let episode = await ok<Episode>(
        api.request('POST', '/api/episodes', {
          as: 'grace',
          body: { referralId: referral.id, leadAgencyId: lead },
        }),
        201,
      );
      if (stage === 'asked') return episode;
      const change = async (method: 'POST' | 'PUT', step: string, body: unknown) => {
        episode = await ok<Episode>(
          api.request(method, `/api/episodes/${episode.id}/${step}`, {
            as: leadAs,
            headers: { 'if-match': `"${episode.version}"` },
            body,
          }),
        );
      };
      if (stage === 'declined') {
        await ok(
          api.request('POST', `/api/episodes/${episode.id}/lead`, {
            as: leadAs,
            headers: { 'if-match': `"${episode.version}"` },
            body: { answer: 'declined', reason: 'We have no capacity this term.' },
          }),
        );
        return ok<Episode>(api.request('GET', `/api/episodes/${episode.id}`, { as: 'grace' }));
      }
      await change('POST', 'lead', { answer: 'accepted' });
      await change('PUT', 'consent', consentFor([lead, ...team]));
      if (team.length) await change('PUT', 'team', teamOf([lead, ...team]));
      if (stage === 'assessing') return episode;
      await change('PUT', 'assessment', assessmentInput());
      if (stage === 'planning') return episode;
      await change('PUT', 'plan', planInput());
      if (stage === 'reviewing') return episode;
      await change('POST', 'close', { reason: 'outcomes_met' });
      return episode;
    },
  };
  return self;
}
