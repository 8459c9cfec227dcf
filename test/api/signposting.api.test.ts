import { describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/platform/problem.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import type { ReferralStats } from '../../shared/referrals/stats.ts';
import { clockedTestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import { serviceFixtures } from '../support/security-services.ts';
import { decidedReferral, fieldsOf, problem } from './early-help-fixtures.ts';

/**
 * The front door's signposting names services from the directory, and the referrer reads them with
 * how to reach them; a decision that found none records why and the need left unmet, which the
 * partnership's figures count by need, area and age band, by quarter, small numbers hidden.
 */
const { api, at } = clockedTestApi('2026-06-01T09:00:00Z');

const SIGNPOST = {
  levelOfNeed: 1,
  outcome: 'advice_signposting',
  rationale: 'Needs are met by universal and community services.',
  feedback: 'Thank you. The family can contact the services below; we have told them about each.',
};

const noneFitted = (need = 'housing-income', reason = 'waiting-list') => ({
  ...SIGNPOST,
  signposts: { serviceIds: [], noneFitted: { reason, need } },
});

/** A referral submitted and reviewed, ready for the front door's decision. */
async function reviewed(content = {}): Promise<Referral> {
  const made = await api.request('POST', '/api/referrals', {
    as: 'amira',
    body: completeReferral(content),
    headers: { 'idempotency-key': crypto.randomUUID() },
  });
  let referral = (await made.json()) as Referral;
  for (const [who, action] of [
    ['amira', 'submit'],
    ['grace', 'review'],
  ] as const) {
    const res = await api.request('POST', `/api/referrals/${referral.id}/${action}`, {
      as: who,
      headers: { 'if-match': `"${referral.version}"` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    referral = (await res.json()) as Referral;
  }
  return referral;
}

const decide = (referral: Referral, body: unknown) =>
  api.request('POST', `/api/referrals/${referral.id}/decision`, {
    as: 'grace',
    headers: { 'if-match': `"${referral.version}"` },
    body,
  });

async function unmetNeed(): Promise<ReferralStats['unmetNeed']> {
  const res = await api.request('GET', '/api/stats/referrals?year=2026', { as: 'helen' });
  expect(res.status).toBe(200);
  return ((await res.json()) as ReferralStats).unmetNeed;
}

describe('signposting to services', () => {
  it('names two published services, and the referrer reads them with their contact details', async () => {
    const services = serviceFixtures(api);
    const [hub, library] = await Promise.all([
      services.service('published', 'provider'),
      services.service('published', 'partnership'),
    ]);
    const referral = await reviewed();
    const res = await decide(referral, { ...SIGNPOST, signposts: { serviceIds: [hub.id, library.id] } });
    expect(res.status, await res.clone().text()).toBe(200);

    const read = await api.request('GET', `/api/referrals/${referral.id}`, { as: 'amira' });
    const seen = (await read.json()) as Referral;
    expect(seen.decision?.signposts?.services).toEqual([
      {
        id: hub.id,
        name: hub.fields.name,
        provider: 'Harbour Family Support',
        howToRefer: 'Ring the hub and ask for the duty worker.',
        phone: '01632 960 123',
      },
      expect.objectContaining({
        id: library.id,
        name: library.fields.name,
        provider: 'Northshire Libraries',
      }),
    ]);
    // The referrer reads the decision without its rationale, as before.
    expect(seen.decision).not.toHaveProperty('rationale');
  });

  it('refuses a draft or unknown service by position, and a decision that names none or both', async () => {
    const services = serviceFixtures(api);
    const [open, draft] = await Promise.all([
      services.service('published', 'partnership'),
      services.service('draft', 'partnership'),
    ]);
    const referral = await reviewed();
    const refused = await problem(
      await decide(referral, {
        ...SIGNPOST,
        signposts: { serviceIds: [open.id, draft.id, '01KZZZZZZZZZZZZZZZZZZZZZZZ'] },
      }),
      422,
    );
    expect(fieldsOf(refused)).toEqual(['signposts.serviceIds.1', 'signposts.serviceIds.2']);
    expect(fieldsOf(await problem(await decide(referral, SIGNPOST), 422))).toEqual(['signposts.serviceIds']);
    const both = await problem(
      await decide(referral, {
        ...SIGNPOST,
        signposts: { serviceIds: [open.id], noneFitted: { reason: 'no-service', need: 'health' } },
      }),
      422,
    );
    expect(fieldsOf(both)).toEqual(['signposts.noneFitted']);
    const noReason = (await (
      await decide(referral, { ...SIGNPOST, signposts: { noneFitted: { need: 'health' } } })
    ).json()) as Problem;
    expect(fieldsOf(noReason)).toEqual(['signposts.noneFitted.reason']);
    const unknownNeed = await problem(await decide(referral, noneFitted('astrology')), 422);
    expect(fieldsOf(unknownNeed)).toEqual(['signposts.noneFitted.need']);
    const earlyHelp = await problem(
      await decide(referral, {
        ...SIGNPOST,
        outcome: 'targeted_early_help',
        levelOfNeed: 3,
        signposts: { serviceIds: [open.id] },
      }),
      422,
    );
    expect(fieldsOf(earlyHelp)).toEqual(['signposts']);
    // Nothing was decided by any of them.
    const still = (await (
      await api.request('GET', `/api/referrals/${referral.id}`, { as: 'grace' })
    ).json()) as Referral;
    expect(still.decision).toBeUndefined();
  });
});

describe('unmet need', () => {
  it('counts each "no service fitted" by need, area and age band in its quarter, hiding small numbers', async () => {
    at('2026-07-06T09:00:00Z');
    // One decision: the quarter's total of 1 is hidden, and so is every breakdown.
    await decidedReferral(api, { decision: noneFitted() as never });
    const one = (await unmetNeed()).find((q) => q.quarter === '2026-Q3');
    expect(one).toEqual({
      quarter: '2026-Q3',
      total: { suppressed: true },
      byNeed: { 'housing-income': { suppressed: true } },
      byArea: { NS1: { suppressed: true } },
      byAgeBand: { '5-10': { suppressed: true } },
      byReason: { 'waiting-list': { suppressed: true } },
    });

    // Four more like it: five in all, each figure shown.
    for (let i = 0; i < 4; i++) await decidedReferral(api, { decision: noneFitted() as never });
    const five = (await unmetNeed()).find((q) => q.quarter === '2026-Q3');
    expect(five).toEqual({
      quarter: '2026-Q3',
      total: 5,
      byNeed: { 'housing-income': 5 },
      byArea: { NS1: 5 },
      byAgeBand: { '5-10': 5 },
      byReason: { 'waiting-list': 5 },
    });

    // One for health, an unborn child outside the county: that one is hidden, and the five beside it
    // too, since the total less five would give it away.
    const { dateOfBirth: _born, ...child } = completeReferral().child ?? {};
    await decidedReferral(api, {
      content: {
        child: {
          ...child,
          expectedDateOfBirth: '2026-10-01',
          address: { line1: '1 Far Lane', town: 'Elsewhere', postcode: 'SW1A 1AA' },
        },
      },
      decision: noneFitted('health', 'no-service') as never,
    });
    const six = (await unmetNeed()).find((q) => q.quarter === '2026-Q3');
    expect(six?.total).toBe(6);
    expect(six?.byNeed).toEqual({ 'housing-income': { suppressed: true }, health: { suppressed: true } });
    expect(six?.byArea).toEqual({ NS1: { suppressed: true }, outside: { suppressed: true } });
    expect(six?.byAgeBand).toEqual({ '5-10': { suppressed: true }, unknown: { suppressed: true } });
    // A decision that named services counts nothing here.
    expect((await unmetNeed()).map((q) => q.quarter)).toEqual(['2026-Q3']);
  });

  it('keeps the note on a "none fitted" for the front door: the referrer reads the reason, not the note', async () => {
    // Next year: this year's counts, which the other tests read, stay as they are.
    at('2027-01-05T09:00:00Z');
    const referral = await reviewed();
    const body = noneFitted();
    const note = 'Waiting list of twelve weeks at the nearest hub.';
    const res = await decide(referral, {
      ...body,
      signposts: { ...body.signposts, noneFitted: { ...body.signposts.noneFitted, note } },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const asReferrer = (await (
      await api.request('GET', `/api/referrals/${referral.id}`, { as: 'amira' })
    ).json()) as Referral;
    expect(asReferrer.decision?.signposts).toEqual({
      services: [],
      noneFitted: { reason: 'waiting-list', need: 'housing-income' },
    });
    const asFrontDoor = (await (
      await api.request('GET', `/api/referrals/${referral.id}`, { as: 'grace' })
    ).json()) as Referral;
    expect(asFrontDoor.decision?.signposts?.noneFitted?.note).toBe(note);
  });

  it('does not count a retried decision twice', async () => {
    at('2026-10-05T09:00:00Z');
    const referral = await reviewed();
    expect((await decide(referral, noneFitted())).status).toBe(200);
    // The retry carries the version it read: refused as a conflict, counting nothing.
    expect((await decide(referral, noneFitted())).status).toBe(409);
    const q4 = (await unmetNeed()).find((q) => q.quarter === '2026-Q4');
    expect(q4?.total).toEqual({ suppressed: true });
    for (let i = 0; i < 4; i++) await decidedReferral(api, { decision: noneFitted() as never });
    expect((await unmetNeed()).find((q) => q.quarter === '2026-Q4')?.total).toBe(5);
  });
});
