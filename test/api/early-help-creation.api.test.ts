import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Episode, EpisodeForReferrer } from '../../shared/early-help/schema.ts';
import { DEFAULT_STANDARDS } from '../../shared/early-help/standards.ts';
import {
  auditOf,
  clockedApi,
  decidedReferral,
  fieldsOf,
  problem,
  read,
  startEpisode,
} from './early-help-fixtures.ts';

/**
 * An early-help episode starts from the front door's decision of early help on a referral, which
 * the early-help area reads through the referrals API as the caller: one episode per referral.
 */
const { api, at, now } = clockedApi('2026-06-01T09:00:00Z');

describe('starting an episode from a decision', () => {
  let episode: Episode;

  it('is the front door’s, from a referral decided as targeted early help', async () => {
    const referral = await decidedReferral(api);
    const res = await api.request('POST', '/api/episodes', {
      as: 'grace',
      body: { referralId: referral.id },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    episode = (await res.json()) as Episode;
    expect(res.headers.get('location')).toBe(`/api/episodes/${episode.id}`);
    expect(episode).toMatchObject({
      state: 'awaiting_lead',
      origin: 'referral_decision',
      level: 3,
      startedOn: '2026-06-01',
      referral: { id: referral.id, reference: referral.reference, agencyId: 'brookfield-primary' },
      child: {
        firstName: 'Maisie',
        lastName: 'Fairbrook',
        dateOfBirth: '2018-05-14',
        schoolOrSetting: 'Brookfield Primary School',
      },
      declined: [],
      team: [],
      reviews: [],
      drift: false,
    });
    expect(episode.reference).toMatch(/^EHE-2026-\d{6}$/);
    expect(episode.lead).toBeUndefined();
    // The lead timer runs from the decision: five working days.
    expect(episode.timers).toEqual([
      { kind: 'lead', from: '2026-06-01', dueOn: '2026-06-08', status: 'running', workingDaysLeft: 5 },
    ]);
  });

  it('keeps the household, address, indicators and consent for a step-up, but shows none of them', async () => {
    const { Item } = await api.store.db.send(
      new GetCommand({
        TableName: api.store.tables['early-help'],
        Key: { pk: `EPISODE#${episode.id}`, sk: 'SNAPSHOT' },
      }),
    );
    expect(Item).toMatchObject({
      child: { address: { postcode: 'NS1 2AB' } },
      household: { adults: expect.arrayContaining([expect.objectContaining({ name: 'Kerry Fairbrook' })]) },
      indicatorIds: ['basic-care-often-hungry', 'family-frequent-shouting'],
      consent: { status: 'given' },
    });
    const shown = JSON.stringify(await (await read(api, 'grace', episode.id)).json());
    for (const hidden of [
      'Example Row',
      'NS1 2AB',
      'Kerry Fairbrook',
      'household',
      'basic-care-often-hungry',
    ])
      expect(shown).not.toContain(hidden);
  });

  it('answers a second start, or a retry, with 409 and the episode that exists', async () => {
    const again = await api.request('POST', '/api/episodes', {
      as: 'grace',
      body: { referralId: episode.referral?.id, leadAgencyId: 'harbour-family-support' },
    });
    const body = (await problem(again, 409)) as { current?: { id: string } };
    expect(body.current?.id).toBe(episode.id);
  });

  it('asks an agency to lead at once when one is named, from a single-agency decision too', async () => {
    at('2026-06-02T13:30:00Z');
    const referral = await decidedReferral(api, {
      decision: { outcome: 'early_help_single_agency', levelOfNeed: 2 },
    });
    const started = await startEpisode(api, referral.id, 'harbour-family-support');
    expect(started).toMatchObject({
      level: 2,
      startedOn: '2026-06-02',
      lead: {
        agencyId: 'harbour-family-support',
        answer: 'asked',
        askedAt: now().toISOString(),
        askedBy: { userId: api.user('grace').sub, name: api.user('grace').name },
      },
    });
  });

  it('reads the standards it times episodes by', async () => {
    const res = await api.request('GET', '/api/episodes/standards', { as: 'amira' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(DEFAULT_STANDARDS);
    expect((await api.request('GET', '/api/episodes/standards')).status).toBe(401);
  });

  it('is audited, filed under the child’s subject key', async () => {
    const trail = await auditOf(api, 'episode', episode.id);
    const created = trail.find((e) => e.action === 'episode.create');
    expect(created).toMatchObject({ outcome: 'allowed', actor: { userId: api.user('grace').sub } });
    expect(created?.subjectKey).toMatch(/^s:/);
    // The referral was read through the referrals API, as the front door: its own trail says so.
    const referralTrail = await auditOf(api, 'referral', episode.referral?.id ?? '');
    expect(
      referralTrail.some((e) => e.action === 'referral.read' && e.actor.userId === api.user('grace').sub),
    ).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses a referral not decided as early help, naming referralId', async () => {
    at('2026-06-03T09:00:00Z');
    const nfa = await decidedReferral(api, {
      decision: {
        levelOfNeed: 2,
        outcome: 'no_further_action',
        signposts: { serviceIds: [], noneFitted: { reason: 'no-service', need: 'health' } },
      } as never,
    });
    const refused = await problem(
      await api.request('POST', '/api/episodes', { as: 'grace', body: { referralId: nfa.id } }),
      422,
    );
    expect(fieldsOf(refused)).toEqual(['referralId']);
  });

  it('refuses a referral not yet decided, and one that does not exist, alike', async () => {
    const draft = await api.request('POST', '/api/referrals', {
      as: 'amira',
      body: {},
      headers: { 'idempotency-key': `eh-draft-${Date.now()}` },
    });
    const { id } = (await draft.json()) as { id: string };
    for (const referralId of [id, '01JZZZZZZZZZZZZZZZZZZZZZZZ']) {
      const refused = await problem(
        await api.request('POST', '/api/episodes', { as: 'grace', body: { referralId } }),
        422,
      );
      expect(fieldsOf(refused)).toEqual(['referralId']);
      expect(refused.errors?.[0]?.reason).toBe('is not a referral the front door can read');
    }
  });

  it('refuses an agency the directory does not know, naming leadAgencyId', async () => {
    const referral = await decidedReferral(api);
    const refused = await problem(
      await api.request('POST', '/api/episodes', {
        as: 'grace',
        body: { referralId: referral.id, leadAgencyId: 'no-such-agency' },
      }),
      422,
    );
    expect(fieldsOf(refused)).toEqual(['leadAgencyId']);
    // Nothing was made: the referral can still start its episode.
    expect((await startEpisode(api, referral.id)).state).toBe('awaiting_lead');
  });

  it('is the front door’s alone to start', async () => {
    const referral = await decidedReferral(api);
    for (const as of ['amira', 'joe', 'tom', 'sam']) {
      const res = await api.request('POST', '/api/episodes', { as, body: { referralId: referral.id } });
      expect(res.status, as).toBe(403);
    }
    expect((await api.request('POST', '/api/episodes', { body: { referralId: referral.id } })).status).toBe(
      401,
    );
  });

  it('refuses fields it does not take and a bad id, by name', async () => {
    const bad = await problem(
      await api.request('POST', '/api/episodes', { as: 'grace', body: { referralId: 'nope', child: {} } }),
      400,
    );
    expect(fieldsOf(bad).sort()).toEqual(['child', 'referralId']);
  });
});

describe('the referral’s page asks who has the episode', () => {
  it('answers the referrer, the front door and the agency asked, and no one else', async () => {
    at('2026-06-04T09:00:00Z');
    const referral = await decidedReferral(api);
    const started = await startEpisode(api, referral.id, 'harbour-family-support');
    const path = `/api/episodes/by-referral/${referral.id}`;
    for (const as of ['amira', 'grace', 'joe']) {
      const res = await api.request('GET', path, { as });
      expect(res.status, as).toBe(200);
      expect(await res.json()).toEqual({
        id: started.id,
        reference: started.reference,
        state: 'awaiting_lead',
        leadAgencyId: 'harbour-family-support',
        leadAnswer: 'asked',
      } satisfies EpisodeForReferrer);
    }
    const missing = await api.request('GET', '/api/episodes/by-referral/01JZZZZZZZZZZZZZZZZZZZZZZZ', {
      as: 'amira',
    });
    const missingBody = await problem(missing, 404);
    for (const as of ['dan', 'tom', 'sam', 'nadia']) {
      const body = await problem(await api.request('GET', path, { as }), 404);
      expect({ ...body, instance: undefined, requestId: undefined }).toEqual({
        ...missingBody,
        instance: undefined,
        requestId: undefined,
      });
    }
  });
});
