import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Calibration, OwnAgreement } from '../../shared/referrals/calibration-schema.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/**
 * Threshold calibration against the real store: Brookfield Primary's six referrals (hungry and
 * shouting, both level 2) are decided at level 4, the police's six (hungry) at level 2, the academy's
 * five (hungry) at level 1. Then the figures by indicator, and each referrer's own agreement.
 */
let api: TestApi;
// Tuesday 12 May 2026, 10:00 BST.
const now = new Date('2026-05-12T09:00:00Z');
let key = 0;

const HUNGRY = 'basic-care-often-hungry';
const SHOUTING = 'family-frequent-shouting';
const DECISIONS = {
  4: 'social_care_assessment',
  2: 'targeted_early_help',
  1: 'early_help_single_agency',
} as const;

async function send(as: string, indicatorIds: string[], levelOfNeed: keyof typeof DECISIONS): Promise<void> {
  const post = async (path: string, who: string, version?: number, body?: unknown) => {
    const res = await api.request('POST', path, {
      as: who,
      headers: version ? { 'if-match': `"${version}"` } : { 'idempotency-key': `calibration-${key++}` },
      ...(body !== undefined ? { body } : {}),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as Referral;
  };
  const base = completeReferral();
  const child = { ...base.child, lastName: `Calibration${key}` };
  const draft = await post('/api/referrals', as, undefined, {
    ...base,
    child,
    indicatorIds,
    referrerLevel: 2,
  });
  const submitted = await post(`/api/referrals/${draft.id}/submit`, as, draft.version);
  expect(submitted.suggestedLevel).toBe(2);
  const reviewed = await post(`/api/referrals/${draft.id}/review`, 'grace', submitted.version);
  await post(`/api/referrals/${draft.id}/decision`, 'grace', reviewed.version, {
    levelOfNeed,
    outcome: DECISIONS[levelOfNeed],
    rationale: 'Decided for the calibration test.',
    feedback: 'Thank you for the referral.',
  });
}

const get = (path: string, as: string, token?: string) =>
  api.request('GET', path, token ? { token } : { as });

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  const times = (n: number, as: string, ids: string[], level: keyof typeof DECISIONS) =>
    Array.from({ length: n }, () => send(as, ids, level));
  await Promise.all([
    ...times(6, 'amira', [HUNGRY, SHOUTING], 4),
    ...times(6, 'dan', [HUNGRY], 2),
    ...times(5, 'nadia', [HUNGRY], 1),
  ]);
}, 120_000);
afterAll(async () => api?.close());

describe('calibration by indicator', () => {
  it('counts each indicator’s overrides and their direction, most overridden first', async () => {
    const res = await get('/api/stats/referrals/calibration', 'grace');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Calibration;
    expect(body.version).toBe(body.versions[0]);
    expect(body.agencies).toEqual(['brookfield-primary', 'northshire-academy', 'northshire-police']);
    expect(body.indicators).toEqual([
      {
        indicatorId: HUNGRY,
        decided: 17,
        higher: 6,
        lower: 5,
        overridden: 11,
        overriddenPct: (100 * 11) / 17,
      },
      { indicatorId: SHOUTING, decided: 6, higher: 6, lower: 0, overridden: 6, overriddenPct: 100 },
    ]);
  });

  it('narrows to one agency for the board', async () => {
    const res = await get('/api/stats/referrals/calibration?agency=northshire-police', 'helen');
    const body = (await res.json()) as Calibration;
    expect(body.agencyId).toBe('northshire-police');
    expect(body.indicators).toEqual([
      { indicatorId: HUNGRY, decided: 6, higher: 0, lower: 0, overridden: 0, overriddenPct: 0 },
    ]);
  });

  it('answers a version with no figures as empty', async () => {
    const body = (await (
      await get('/api/stats/referrals/calibration?version=99', 'grace')
    ).json()) as Calibration;
    expect(body).toMatchObject({ version: 99, indicators: [] });
  });

  it('gives a guidance editor the partnership’s figures, never an agency’s', async () => {
    const editor = await api.tokenFor('femi');
    const res = await get('/api/stats/referrals/calibration', 'femi', editor);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Calibration;
    expect(body.agencies).toBeUndefined();
    expect(JSON.stringify(body)).not.toMatch(/brookfield|police|academy/);
    expect(body.indicators.map((i) => i.indicatorId)).toEqual([HUNGRY, SHOUTING]);
    expect(
      (await get('/api/stats/referrals/calibration?agency=northshire-police', 'femi', editor)).status,
    ).toBe(403);
  });

  it('refuses referrers and those without a role for it', async () => {
    for (const who of ['amira', 'sam', 'ruth']) {
      expect((await get('/api/stats/referrals/calibration', who)).status, who).toBe(403);
    }
    expect((await api.request('GET', '/api/stats/referrals/calibration')).status).toBe(401);
  });
});

describe('an agency’s own agreement', () => {
  it('shows a referrer its own agency’s quarters, and no other agency', async () => {
    const res = await get('/api/stats/referrals/agreement/mine', 'amira');
    expect(res.status).toBe(200);
    const body = (await res.json()) as OwnAgreement;
    expect(body.agencyId).toBe('brookfield-primary');
    expect(JSON.stringify(body)).not.toMatch(/police|academy/);
    expect(body.quarters).toHaveLength(1);
    const [q2] = body.quarters;
    expect(q2).toMatchObject({ quarter: '2026-Q2', agreement: { n: 6, agreed: 0, agreementPct: 0 } });
    // Three agencies decided in the quarter, so the partnership's share stands beside it: 6 of 17.
    expect(q2?.partnershipAgreementPct).toBeCloseTo((100 * 6) / 17);
  });

  it('shows the police its own, which differs', async () => {
    const body = (await (await get('/api/stats/referrals/agreement/mine', 'dan')).json()) as OwnAgreement;
    expect(body.agencyId).toBe('northshire-police');
    expect(JSON.stringify(body)).not.toMatch(/brookfield|academy/);
    expect(body.quarters[0]?.agreement).toMatchObject({ n: 6, agreed: 6, agreementPct: 100 });
  });

  it('is for referrers only', async () => {
    for (const who of ['grace', 'helen', 'femi', 'sam']) {
      expect((await get('/api/stats/referrals/agreement/mine', who)).status, who).toBe(403);
    }
    const noAgency = await api.tokenFor('priya', { agencyId: undefined });
    expect((await get('/api/stats/referrals/agreement/mine', 'priya', noAgency)).status).toBe(403);
  });
});
