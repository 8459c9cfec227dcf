import { describe, expect, it } from 'vitest';
import type { Episode, EpisodeForReferrer } from '../../shared/early-help/schema.ts';
import { serviceFixtures } from '../support/security-services.ts';
import {
  assessment,
  CONSENT,
  clockedApi,
  decidedReferral,
  fieldsOf,
  list,
  plan,
  problem,
  read,
  startEpisode,
  step,
  TEAM,
  write,
} from './early-help-fixtures.ts';

/**
 * An episode's work before its reviews: an agency asked to lead accepts or declines, the lead
 * records the family's consent and the team it allows, the Early Help Assessment and the plan.
 */
const { api, at, now } = clockedApi('2026-06-01T09:00:00Z');

describe('the lead', () => {
  it('is declined with a reason, which the front door keeps, and the agency loses sight of it', async () => {
    const episode = await startEpisode(api, (await decidedReferral(api)).id, 'harbour-family-support');
    const noReason = await problem(
      await write(api, 'joe', episode, 'POST', 'lead', { answer: 'declined' }),
      422,
    );
    expect(fieldsOf(noReason)).toEqual(['reason']);
    at('2026-06-02T09:00:00Z');
    const res = await write(api, 'joe', episode, 'POST', 'lead', {
      answer: 'declined',
      reason: 'No worker free until September.',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    // Joe may no longer read the episode: he is answered with its summary only.
    expect(await res.json()).toEqual({
      id: episode.id,
      reference: episode.reference,
      state: 'awaiting_lead',
      leadAgencyId: 'harbour-family-support',
      leadAnswer: 'declined',
    } satisfies EpisodeForReferrer);
    expect((await read(api, 'joe', episode.id)).status).toBe(404);
    const seen = (await (await read(api, 'grace', episode.id)).json()) as Episode;
    expect(seen).toMatchObject({
      state: 'awaiting_lead',
      version: 2,
      lead: {
        agencyId: 'harbour-family-support',
        answer: 'declined',
        declineReason: 'No worker free until September.',
      },
      declined: [
        {
          agencyId: 'harbour-family-support',
          reason: 'No worker free until September.',
          at: now().toISOString(),
        },
      ],
    });
    // The front door asks another agency, whose practitioner accepts.
    const asked = await step(api, 'grace', seen, 'POST', 'lead-request', {
      agencyId: 'northshire-community-health',
    });
    expect(asked.lead).toMatchObject({ agencyId: 'northshire-community-health', answer: 'asked' });
    const accepted = await step(api, 'priya', asked, 'POST', 'lead', { answer: 'accepted' });
    expect(accepted.state).toBe('assessing');
    expect(accepted.declined).toHaveLength(1);
  });

  it('is accepted by a practitioner of the agency asked, who becomes the lead practitioner', async () => {
    at('2026-06-01T09:00:00Z');
    const episode = await startEpisode(api, (await decidedReferral(api)).id, 'harbour-family-support');
    at('2026-06-03T14:00:00Z');
    const accepted = await step(api, 'joe', episode, 'POST', 'lead', { answer: 'accepted' });
    expect(accepted).toMatchObject({
      state: 'assessing',
      version: 2,
      lead: {
        answer: 'accepted',
        practitioner: { userId: api.user('joe').sub, name: 'Joe Kamara' },
        answeredAt: now().toISOString(),
      },
    });
    expect(accepted.timers).toEqual([
      { kind: 'lead', from: '2026-06-01', dueOn: '2026-06-08', metOn: '2026-06-03', status: 'met_on_time' },
      { kind: 'assessment', from: '2026-06-03', dueOn: '2026-07-01', status: 'running', workingDaysLeft: 20 },
    ]);
    // Asked again once it has a lead: the state forbids it.
    const again = await problem(
      await write(api, 'grace', accepted, 'POST', 'lead-request', {
        agencyId: 'northshire-community-health',
      }),
      409,
    );
    expect((again as { current?: Episode }).current?.version).toBe(2);
  });

  it('is answered by the agency asked alone; the front door asks; an unknown agency is named', async () => {
    const episode = await startEpisode(api, (await decidedReferral(api)).id, 'harbour-family-support');
    // The referrer reads a summary, the front door all of it, but neither is the agency asked.
    expect((await write(api, 'amira', episode, 'POST', 'lead', { answer: 'accepted' })).status).toBe(403);
    expect((await write(api, 'grace', episode, 'POST', 'lead', { answer: 'accepted' })).status).toBe(403);
    expect((await write(api, 'dan', episode, 'POST', 'lead', { answer: 'accepted' })).status).toBe(404);
    expect(
      (await write(api, 'joe', episode, 'POST', 'lead-request', { agencyId: 'harbour-family-support' }))
        .status,
    ).toBe(403);
    const unknown = await problem(
      await write(api, 'grace', episode, 'POST', 'lead-request', { agencyId: 'no-such-agency' }),
      422,
    );
    expect(fieldsOf(unknown)).toEqual(['agencyId']);
  });
});

describe('consent, team, assessment and plan', () => {
  let episode: Episode;

  it('refuses a team before the family’s consent is recorded, and an agency the consent leaves out', async () => {
    at('2026-06-01T09:00:00Z');
    episode = await startEpisode(api, (await decidedReferral(api)).id, 'harbour-family-support');
    at('2026-06-02T09:00:00Z');
    episode = await step(api, 'joe', episode, 'POST', 'lead', { answer: 'accepted' });
    const early = await problem(await write(api, 'joe', episode, 'PUT', 'team', TEAM), 422);
    expect(fieldsOf(early)).toEqual(['members.0.agencyId', 'members.1.agencyId']);
    const unknown = await problem(
      await write(api, 'joe', episode, 'PUT', 'consent', {
        ...CONSENT,
        shareWithAgencyIds: ['no-such-agency'],
      }),
      422,
    );
    expect(fieldsOf(unknown)).toEqual(['shareWithAgencyIds.0']);
    at('2026-06-03T09:00:00Z');
    episode = await step(api, 'joe', episode, 'PUT', 'consent', CONSENT);
    expect(episode.consent).toMatchObject({ ...CONSENT, recordedAt: now().toISOString() });
    const police = await problem(
      await write(api, 'joe', episode, 'PUT', 'team', {
        members: [...TEAM.members, { agencyId: 'northshire-police', name: 'Dan Whitfield', role: 'PCSO' }],
      }),
      422,
    );
    expect(fieldsOf(police)).toEqual(['members.2.agencyId']);
  });

  it('lets the team read the episode and lists it as theirs', async () => {
    expect((await (await read(api, 'amira', episode.id)).json()) as object).not.toHaveProperty('child');
    episode = await step(api, 'joe', episode, 'PUT', 'team', TEAM);
    expect(episode.team).toEqual(TEAM.members);
    const asTeam = (await (await read(api, 'amira', episode.id)).json()) as Episode;
    expect(asTeam.child.firstName).toBe('Maisie');
    expect((await list(api, 'amira')).map((e) => e.id)).toContain(episode.id);
    expect((await list(api, 'joe')).map((e) => e.id)).toContain(episode.id);
    expect((await list(api, 'dan')).map((e) => e.id)).not.toContain(episode.id);
    // A team member may read, but only the lead's agency changes the episode.
    expect((await write(api, 'amira', episode, 'PUT', 'team', TEAM)).status).toBe(403);
    // The consent cannot be narrowed under the team.
    const narrowed = await problem(
      await write(api, 'joe', episode, 'PUT', 'consent', {
        ...CONSENT,
        shareWithAgencyIds: ['harbour-family-support'],
      }),
      422,
    );
    expect(fieldsOf(narrowed)).toEqual(['shareWithAgencyIds']);
  });

  it('includes services from the directory in the team, kept as they were when chosen', async () => {
    const services = serviceFixtures(api);
    const [hub, library, draft] = await Promise.all([
      services.service('published', 'provider'),
      services.service('published', 'partnership'),
      services.service('draft', 'partnership'),
    ]);
    const refused = await problem(
      await write(api, 'joe', episode, 'PUT', 'team', {
        ...TEAM,
        services: [hub.id, draft.id, '01KZZZZZZZZZZZZZZZZZZZZZZZ'],
      }),
      422,
    );
    expect(fieldsOf(refused)).toEqual(['services.1', 'services.2']);
    episode = await step(api, 'joe', episode, 'PUT', 'team', { ...TEAM, services: [hub.id, library.id] });
    expect(episode.teamServices).toEqual([
      {
        id: hub.id,
        name: hub.fields.name,
        provider: 'Harbour Family Support',
        howToRefer: hub.fields.contact.howToRefer,
        phone: hub.fields.contact.phone,
      },
      expect.objectContaining({ id: library.id, provider: 'Northshire Libraries' }),
    ]);
    // The entry renamed later: the team still reads the service as it was chosen.
    const renamed = await api.request('PUT', `/api/services/${hub.id}`, {
      as: 'kofi',
      headers: { 'if-match': `"${hub.version}"` },
      body: { ...hub.fields, name: 'Harbour hub, renamed' },
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    // Saving the people alone keeps the services; the team reads them.
    episode = await step(api, 'joe', episode, 'PUT', 'team', TEAM);
    expect(episode.teamServices?.map((s) => s.id)).toEqual([hub.id, library.id]);
    const asTeam = (await (await read(api, 'amira', episode.id)).json()) as Episode;
    expect(asTeam.teamServices?.map((s) => s.name)).toEqual([hub.fields.name, library.fields.name]);
  });

  it('saves the assessment, then completes it, and the plan’s timer starts', async () => {
    const before = await problem(
      await write(api, 'joe', episode, 'PUT', 'assessment', assessment('2026-06-01')),
      422,
    );
    expect(fieldsOf(before)).toEqual(['startedOn']);
    const noPlanYet = await problem(await write(api, 'joe', episode, 'PUT', 'plan', plan('2026-06-03')), 409);
    expect(noPlanYet.detail).toBe('The Early Help Assessment must be completed before the plan');
    episode = await step(api, 'joe', episode, 'PUT', 'assessment', assessment('2026-06-03'));
    expect(episode.state).toBe('assessing');
    const incomplete = await problem(
      await write(api, 'joe', episode, 'PUT', 'assessment', {
        ...assessment('2026-06-03', '2026-06-03'),
        needs: '',
      }),
      422,
    );
    expect(fieldsOf(incomplete)).toEqual(['needs']);
    at('2026-06-10T09:00:00Z');
    episode = await step(api, 'joe', episode, 'PUT', 'assessment', assessment('2026-06-03', '2026-06-10'));
    expect(episode.state).toBe('planning');
    expect(episode.timers.at(-1)).toEqual({
      kind: 'plan',
      from: '2026-06-10',
      dueOn: '2026-06-17',
      status: 'running',
      workingDaysLeft: 5,
    });
  });

  it('agrees the plan with ids the server makes, and keeps them and the first date when it is agreed again', async () => {
    const early = await problem(await write(api, 'joe', episode, 'PUT', 'plan', plan('2026-06-09')), 422);
    expect(fieldsOf(early)).toContain('agreedOn');
    at('2026-06-12T09:00:00Z');
    episode = await step(api, 'joe', episode, 'PUT', 'plan', plan('2026-06-12'));
    expect(episode.state).toBe('reviewing');
    const ids = episode.plan?.outcomes.map((o) => o.id) ?? [];
    expect(ids).toHaveLength(2);
    expect(new Set(episode.plan?.outcomes.flatMap((o) => [o.id, ...o.actions.map((a) => a.id)])).size).toBe(
      4,
    );
    const review = episode.timers.at(-1);
    expect(review).toMatchObject({ kind: 'review', from: '2026-06-12', dueOn: '2026-07-24' });

    const made = episode.plan?.outcomes ?? [];
    at('2026-06-15T09:00:00Z');
    const wrongId = await problem(
      await write(api, 'joe', episode, 'PUT', 'plan', {
        ...plan('2026-06-15'),
        outcomes: [{ ...plan('2026-06-15').outcomes[0], id: 'not-an-outcome' }],
      }),
      422,
    );
    expect(fieldsOf(wrongId)).toEqual(['outcomes.0.id']);
    const twice = await problem(
      await write(api, 'joe', episode, 'PUT', 'plan', {
        agreedOn: '2026-06-15',
        outcomes: made.map((o) => ({ id: made[0]?.id, title: o.title, actions: made[0]?.actions ?? [] })),
      }),
      422,
    );
    expect(fieldsOf(twice)).toEqual(['outcomes.1.id', 'outcomes.1.actions.0.id']);
    episode = await step(api, 'joe', episode, 'PUT', 'plan', {
      agreedOn: '2026-06-15',
      outcomes: [
        { id: made[0]?.id, title: 'Maisie has breakfast every day', actions: made[0]?.actions ?? [] },
        {
          title: 'Mum has help with money',
          actions: [{ what: 'Benefits check', owner: 'Joe Kamara', dueOn: '2026-06-30' }],
        },
      ],
    });
    expect(episode.plan).toMatchObject({ agreedOn: '2026-06-12', revisedOn: '2026-06-15' });
    expect(episode.plan?.outcomes[0]).toEqual({ ...made[0], title: 'Maisie has breakfast every day' });
    expect(episode.plan?.outcomes[1]?.id).not.toBe(made[1]?.id);
    // Agreed again, the plan does not move the review's timer.
    expect(episode.timers.at(-1)).toEqual(review ? { ...review, workingDaysLeft: 29 } : undefined);
  });

  it('refuses a stale version with the current episode, and a write without one', async () => {
    const stale = await problem(await write(api, 'joe', episode, 'PUT', 'team', TEAM, 2), 409);
    expect((stale as { current?: Episode }).current).toMatchObject({
      id: episode.id,
      version: episode.version,
    });
    const missing = await api.request('PUT', `/api/episodes/${episode.id}/team`, { as: 'joe', body: TEAM });
    expect(missing.status).toBe(428);
  });
});
