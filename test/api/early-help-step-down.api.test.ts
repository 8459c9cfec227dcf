import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Episode } from '../../shared/early-help/schema.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import type { TestApi } from '../support/api.ts';
import { stepDownInput } from '../support/step-down-fixtures.ts';
import {
  assessment,
  clockedApi,
  fieldsOf,
  list,
  plan,
  problem,
  read,
  review,
  step,
  write,
} from './early-help-fixtures.ts';

/**
 * A step-down from children's social care: the front door records a child coming into early help
 * from a social care case, with the child, household and consent a referral would carry, and the
 * episode runs from the step-down date exactly as one started from a decision.
 */
let api: TestApi;
const { at } = clockedApi('2026-06-01T09:00:00Z', (made) => {
  api = made;
});

const STEP_DOWN = stepDownInput('CSC-2026-0412', '2026-05-29');

const record = (body: unknown, as = 'grace') => api.request('POST', '/api/step-downs', { as, body });

/** The quarter counters' step-downs, summed over every agency's row. */
async function stepDownsCounted(): Promise<number> {
  const { Items } = await api.store.db.send(
    new QueryCommand({
      TableName: api.store.tables['early-help'],
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :q)',
      ExpressionAttributeValues: { ':pk': 'STATS', ':q': 'Q#' },
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).reduce((sum, row) => sum + Number(row.fromStepDown ?? 0), 0);
}

let episode: Episode;

describe('recording a step-down from social care', () => {
  it('starts an episode from the step-down date, asks the agency named to lead and counts it', async () => {
    const countedBefore = await stepDownsCounted();
    const res = await record(STEP_DOWN);
    expect(res.status, await res.clone().text()).toBe(201);
    episode = (await res.json()) as Episode;
    expect(res.headers.get('location')).toBe(`/api/episodes/${episode.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(episode).toMatchObject({
      origin: 'step_down',
      state: 'awaiting_lead',
      level: 3,
      startedOn: '2026-05-29',
      child: { firstName: 'Tilly', lastName: 'Marchbank', dateOfBirth: '2016-04-09' },
      stepDown: {
        socialCareReference: 'CSC-2026-0412',
        socialWorker: 'Hannah Oyelaran',
        summary: STEP_DOWN.socialCare.summary,
      },
      lead: { agencyId: 'harbour-family-support', answer: 'asked' },
      drift: false,
    });
    expect(episode.referral).toBeUndefined();
    // The episode shows who the child is, never where she lives.
    expect(JSON.stringify(episode)).not.toContain('Quarry Row');
    // Friday 29 May plus 5 working days.
    expect(episode.timers).toEqual([
      { kind: 'lead', from: '2026-05-29', dueOn: '2026-06-05', status: 'running', workingDaysLeft: 4 },
    ]);
    expect(await stepDownsCounted()).toBe(countedBefore + 1);
    expect((await list(api, 'grace', 'open')).map((e) => e.id)).toContain(episode.id);
    expect((await list(api, 'joe')).map((e) => e.id)).toContain(episode.id);
  });

  it('records it once: the same step-down sent again, however the reference is typed, is a 409 with the episode', async () => {
    for (const reference of ['CSC-2026-0412', ' csc-2026-0412 ']) {
      const again = (await problem(
        await record({ ...STEP_DOWN, socialCare: { ...STEP_DOWN.socialCare, reference } }),
        409,
      )) as { current?: Episode };
      expect(again.current?.id).toBe(episode.id);
    }
    const tillys = (await list(api, 'grace', 'open')).filter((e) => e.childName === 'Tilly Marchbank');
    expect(tillys.map((e) => e.id)).toEqual([episode.id]);
  });

  it('is worked as any episode: the lead accepts and the assessment timer runs from then', async () => {
    at('2026-06-02T10:00:00Z');
    episode = await step(api, 'joe', episode, 'POST', 'lead', { answer: 'accepted' });
    expect(episode.state).toBe('assessing');
    expect(episode.timers.map((t) => [t.kind, t.status])).toEqual([
      ['lead', 'met_on_time'],
      ['assessment', 'running'],
    ]);
    episode = await step(api, 'joe', episode, 'PUT', 'assessment', assessment('2026-06-02'));
    expect(episode.assessment?.startedOn).toBe('2026-06-02');
    const seen = (await (await read(api, 'joe', episode.id)).json()) as Episode;
    expect(seen.stepDown?.socialCareReference).toBe('CSC-2026-0412');
  });
});

describe('stepping a stepped-down child up again', () => {
  it('needs the indicators now present, which a step-down never recorded, then refers with the family', async () => {
    at('2026-06-03T10:00:00Z');
    episode = await step(api, 'joe', episode, 'PUT', 'assessment', assessment('2026-06-02', '2026-06-03'));
    episode = await step(api, 'joe', episode, 'PUT', 'plan', plan('2026-06-03'));
    at('2026-06-10T10:00:00Z');
    const notes = 'Tilly says her mum’s new partner frightens her; early help is not enough now.';
    const without = await problem(
      await write(
        api,
        'joe',
        episode,
        'POST',
        'reviews',
        review(episode, '2026-06-10', 'step_up', { notes }),
      ),
      422,
    );
    expect(fieldsOf(without)).toEqual(['indicatorIds']);
    const indicatorIds = ['family-frequent-shouting'];
    episode = await step(
      api,
      'joe',
      episode,
      'POST',
      'reviews',
      review(episode, '2026-06-10', 'step_up', { notes, indicatorIds }),
    );
    expect(episode.closure?.reason).toBe('stepped_up');
    const referralId = episode.steppedUpTo?.referralId ?? '';
    const res = await api.request('GET', `/api/referrals/${referralId}`, { as: 'grace' });
    const referral = (await res.json()) as Referral;
    expect(referral).toMatchObject({
      status: 'submitted',
      indicatorIds,
      concerns: notes,
      stepUpFrom: { episodeId: episode.id, episodeReference: episode.reference },
      child: { firstName: 'Tilly', lastName: 'Marchbank', address: { postcode: 'NS3 4TR' } },
      household: { adults: [{ name: 'Dawn Marchbank', parentalResponsibility: true }] },
    });
  });
});

describe('what a step-down is refused for', () => {
  it('names every field a step-down needs and lacks', async () => {
    at('2026-06-01T09:00:00Z');
    const refused = await problem(
      await record({
        ...STEP_DOWN,
        child: { firstName: 'Tilly' },
        household: { adults: [] },
        consent: undefined,
        socialCare: { ...STEP_DOWN.socialCare, reference: 'CSC-2026-0999' },
      }),
      422,
    );
    expect(fieldsOf(refused)).toEqual([
      'child.lastName',
      'child.dateOfBirth',
      'child.address',
      'household.adults',
      'consent.status',
    ]);
  });

  it('refuses a step-down dated in the future or long ago, and consent refused', async () => {
    const on = async (steppedDownOn: string) =>
      fieldsOf(await problem(await record({ ...STEP_DOWN, steppedDownOn }), 422));
    expect(await on('2026-06-03')).toEqual(['steppedDownOn']);
    expect(await on('2026-02-27')).toEqual(['steppedDownOn']);
    const refusedConsent = await problem(
      await record({ ...STEP_DOWN, consent: { status: 'refused', byWhom: 'Dawn', date: '2026-05-28' } }),
      422,
    );
    expect(fieldsOf(refusedConsent)).toEqual(['consent.status']);
  });

  it('refuses a level outside early help, a blank case reference, an unknown field and an unknown agency', async () => {
    const level = await problem(await record({ ...STEP_DOWN, level: 4 }), 400);
    expect(fieldsOf(level)).toEqual(['level']);
    expect(level.errors?.[0]?.reason).toContain('level 2 or 3');
    const blank = await problem(
      await record({ ...STEP_DOWN, socialCare: { ...STEP_DOWN.socialCare, reference: ' ' } }),
      400,
    );
    expect(fieldsOf(blank)).toEqual(['socialCare.reference']);
    const extra = await problem(await record({ ...STEP_DOWN, referralId: 'x' }), 400);
    expect(fieldsOf(extra)).toContain('referralId');
    const agency = await problem(
      await record({
        ...STEP_DOWN,
        leadAgencyId: 'no-such-agency',
        socialCare: { ...STEP_DOWN.socialCare, reference: 'CSC-2026-0998' },
      }),
      422,
    );
    expect(fieldsOf(agency)).toEqual(['leadAgencyId']);
  });

  it('is the front door’s alone, and nothing is written for anyone refused', async () => {
    const body = { ...STEP_DOWN, socialCare: { ...STEP_DOWN.socialCare, reference: 'CSC-2026-0777' } };
    const tillys = async () =>
      (await list(api, 'grace', 'open')).filter((e) => e.childName === 'Tilly Marchbank').length;
    const before = await tillys();
    expect((await api.request('POST', '/api/step-downs', { body })).status).toBe(401);
    for (const as of ['joe', 'amira', 'tom']) expect((await record(body, as)).status).toBe(403);
    expect(await tillys()).toBe(before);
    // The front door can still record it: the refusals claimed nothing.
    expect((await record(body)).status).toBe(201);
  });
});
