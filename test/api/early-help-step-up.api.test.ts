import { describe, expect, it } from 'vitest';
import type { Episode, EpisodeForReferrer } from '../../shared/early-help/schema.ts';
import type { Referral, ReferralSummary } from '../../shared/referrals/schema.ts';
import {
  clockedApi,
  episodeUnderReview,
  fieldsOf,
  problem,
  review,
  step,
  write,
} from './early-help-fixtures.ts';

/**
 * A step-up: a review finds early help is not enough, and the lead's agency refers the child back
 * to the front door with the episode's history; the episode closes. The referral is made through
 * the referrals API as the lead practitioner, once per review however often it is sent.
 */
const { api, at } = clockedApi('2026-06-01T09:00:00Z');

const NOTES = 'Maisie disclosed that Lee hit her mother last weekend; she is frightened to go home.';

/** The front door's open queue, every page of it. */
async function queue(): Promise<ReferralSummary[]> {
  const res = await api.request('GET', '/api/referrals?view=open&limit=200', { as: 'grace' });
  return ((await res.json()) as { items: ReferralSummary[] }).items;
}

const stepUpsOf = async (episode: Episode) =>
  (await queue()).filter((r) => r.stepUpFrom?.episodeId === episode.id);

/** Fails the first write of this episode once, as an outage would, after the step-up's referral is made. */
function failFirstEpisodeWrite(episodeId: string): () => void {
  const name = `failEpisodeWrite${Math.random()}`;
  let armed = true;
  api.store.db.middlewareStack.add(
    (next, context) => async (args) => {
      const items = (args.input as { TransactItems?: { Put?: { Item?: { pk?: unknown; sk?: unknown } } }[] })
        .TransactItems;
      const touches = items?.some(
        (i) => i.Put?.Item?.pk === `EPISODE#${episodeId}` && i.Put.Item.sk === 'EPISODE',
      );
      if (armed && String(context.commandName).startsWith('TransactWrite') && touches) {
        armed = false;
        throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => api.store.db.middlewareStack.remove(name);
}

describe('stepping up to the front door', () => {
  let episode: Episode;
  let body: ReturnType<typeof review>;

  it('says why, and that the child’s views are needed, before anything is sent', async () => {
    episode = await episodeUnderReview(api, at);
    at('2026-07-01T09:00:00Z');
    episode = await step(api, 'joe', episode, 'POST', 'reviews', review(episode, '2026-07-01', 'continue'));
    at('2026-07-14T09:00:00Z');
    const noNotes = await problem(
      await write(api, 'joe', episode, 'POST', 'reviews', review(episode, '2026-07-14', 'step_up')),
      422,
    );
    expect(fieldsOf(noNotes)).toEqual(['notes']);
    const noViews = await problem(
      await write(
        api,
        'joe',
        episode,
        'POST',
        'reviews',
        review(episode, '2026-07-14', 'step_up', { notes: NOTES, childViews: '' }),
      ),
      422,
    );
    expect(fieldsOf(noViews)).toEqual(['childViews']);
    expect(await stepUpsOf(episode)).toEqual([]);
  });

  it('is sent again after a failure part way, and makes one referral', async () => {
    body = review(episode, '2026-07-14', 'step_up', { notes: NOTES });
    const restore = failFirstEpisodeWrite(episode.id);
    try {
      const failed = await write(api, 'joe', episode, 'POST', 'reviews', body);
      expect(failed.status).toBe(503);
    } finally {
      restore();
    }
    // The referral was made before the episode's write failed; the retry finds it, not a second one.
    expect(await stepUpsOf(episode)).toHaveLength(1);
    episode = await step(api, 'joe', episode, 'POST', 'reviews', body);
    expect(episode).toMatchObject({
      state: 'closed',
      closure: { reason: 'stepped_up', closedOn: '2026-07-14' },
      steppedUpTo: { referralId: expect.any(String), reference: expect.stringMatching(/^EH-2026-\d{6}$/) },
    });
    expect(episode.reviews.map((r) => r.decision)).toEqual(['continue', 'step_up']);
    const flagged = await stepUpsOf(episode);
    expect(flagged.map((r) => r.id)).toEqual([episode.steppedUpTo?.referralId]);
  });

  it('sent once more, is refused as stale and still makes no second referral', async () => {
    const again = await problem(
      await write(api, 'joe', { id: episode.id }, 'POST', 'reviews', body, episode.version - 1),
      409,
    );
    expect((again as { current?: Episode }).current?.state).toBe('closed');
    expect(await stepUpsOf(episode)).toHaveLength(1);
  });

  it('is a submitted referral in the front door’s queue, flagged, from the lead’s agency, with the history', async () => {
    const [summary] = await stepUpsOf(episode);
    expect(summary).toMatchObject({
      status: 'submitted',
      agencyId: 'harbour-family-support',
      childName: 'Maisie Fairbrook',
      stepUpFrom: { episodeId: episode.id, episodeReference: episode.reference },
    });
    const res = await api.request('GET', `/api/referrals/${summary?.id}`, { as: 'grace' });
    const referral = (await res.json()) as Referral;
    expect(referral).toMatchObject({
      status: 'submitted',
      createdBy: { name: 'Joe Kamara' },
      child: {
        firstName: 'Maisie',
        lastName: 'Fairbrook',
        dateOfBirth: '2018-05-14',
        address: { postcode: 'NS1 2AB' },
      },
      household: { adults: expect.arrayContaining([expect.objectContaining({ name: 'Kerry Fairbrook' })]) },
      indicatorIds: ['basic-care-often-hungry', 'family-frequent-shouting'],
      consent: { status: 'given', byWhom: 'Kerry Fairbrook (mother)' },
      concerns: NOTES,
      earlyHelpAssessmentInPlace: true,
      childViews: body.childViews,
      parentViews: body.familyViews,
      stepUpFrom: { episodeId: episode.id, episodeReference: episode.reference },
    });
    const history = referral.triedSoFar ?? '';
    expect(history).toContain(`Early help episode ${episode.reference}`);
    expect(history).toContain('Lead practitioner: Joe Kamara, Harbour Family Support');
    expect(history).toContain('Early Help Assessment completed on 2026-06-10');
    expect(history).toContain('Maisie has breakfast every school day: 4 on 2026-07-01, 4 on 2026-07-14');
    expect(history).toContain('Mornings at home are calmer: 5 on 2026-07-01, 5 on 2026-07-14');
    expect(referral.otherAgencies).toContain('Amira Haddad');
  });

  it('shows the referring school that its referral’s episode stepped up, and nothing more', async () => {
    const res = await api.request('GET', `/api/episodes/by-referral/${episode.referral?.id}`, { as: 'dan' });
    expect(res.status).toBe(404);
    const school = await api.request('GET', `/api/episodes/by-referral/${episode.referral?.id}`, {
      as: 'nadia',
    });
    expect(school.status).toBe(404);
    const own = (await (
      await api.request('GET', `/api/episodes/by-referral/${episode.referral?.id}`, { as: 'amira' })
    ).json()) as EpisodeForReferrer;
    expect(own).toMatchObject({ state: 'closed', closureReason: 'stepped_up', leadName: 'Joe Kamara' });
  });
});
