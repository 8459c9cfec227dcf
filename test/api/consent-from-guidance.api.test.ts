import { describe, expect, it } from 'vitest';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { clockedTestApi } from '../support/api.ts';
import { completeReferral, referralRequests } from '../support/referral-fixtures.ts';
import { fieldsOf, problem } from './early-help-fixtures.ts';

/**
 * The consent rule a referral must meet is the published guidance version's own, level by level:
 * when the partnership publishes a version in which level 3 needs no consent, a level 3 referral made
 * without it is accepted, where the version before refused it. Monday 2 March 2026.
 */
const { api, at } = clockedTestApi('2026-03-02T09:00:00Z');
const { create, act, step } = referralRequests(api, 'consent-guidance');

const LEVEL_3 = completeReferral({
  indicatorIds: ['family-domestic-abuse-standard-medium'],
  consent: { status: 'not_sought', notSoughtReason: 'would_increase_risk_to_adult' },
});

describe('consent read from the guidance version', () => {
  it('refuses a level 3 referral without consent, then accepts it once a version says level 3 needs none', async () => {
    const draft = await create('dan', LEVEL_3);
    const refused = await problem(await act('dan', draft, 'submit'), 422);
    expect(fieldsOf(refused)).toEqual(['consent.status']);

    // The partnership publishes version 2, in which level 3 needs no consent.
    const started = await api.request('POST', '/api/guidance/versions', { as: 'tom', body: {} });
    expect(started.status).toBe(201);
    const v2 = (await started.json()) as GuidanceVersion;
    const framework = structuredClone(v2.framework);
    const level3 = framework.levels.find((l) => l.level === 3);
    if (!level3) throw new Error('the seeded guidance has no level 3');
    level3.consent = { required: false, guidance: 'Record why you did not seek consent.' };
    const saved = await api.request('PUT', '/api/guidance/versions/2', {
      as: 'tom',
      headers: { 'if-match': '"1"' },
      body: { framework },
    });
    expect(saved.status).toBe(200);
    // Femi, the second guidance editor, signs it off; then Tom publishes it.
    const approved = await api.request('POST', '/api/guidance/versions/2/approve', {
      as: 'femi',
      headers: { 'if-match': '"2"' },
    });
    expect(approved.status).toBe(200);
    const published = await api.request('POST', '/api/guidance/versions/2/publish', {
      as: 'tom',
      headers: { 'if-match': '"3"' },
      body: {
        changeSummary: 'Level 3 no longer needs consent before a referral.',
        effectiveFrom: '2026-03-02',
      },
    });
    expect(published.status).toBe(200);

    // Once the referrals function has read it (it keeps the guidance for a minute), the rule is the new one.
    at('2026-03-02T09:05:00Z');
    const sent = await step('dan', draft, 'submit');
    expect([sent.status, sent.guidanceVersion, sent.suggestedLevel]).toEqual(['submitted', 2, 3]);

    // Levels the new version left alone keep their rule: level 2 still needs consent.
    const level2 = await create('dan', { ...LEVEL_3, indicatorIds: ['basic-care-often-hungry'] });
    expect(fieldsOf(await problem(await act('dan', level2, 'submit'), 422))).toEqual(['consent.status']);
    const unchanged = (await (
      await api.request('GET', `/api/referrals/${level2.id}`, { as: 'dan' })
    ).json()) as Referral;
    expect([unchanged.status, unchanged.version]).toEqual(['draft', level2.version]);
  });
});
