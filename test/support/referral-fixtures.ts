import { expect } from 'vitest';
import type { Referral, ReferralContent } from '../../shared/referrals/schema.ts';
import type { TestApi } from './api.ts';

/**
 * A complete referral about a made-up child, ready to submit at level 2 with the family's consent,
 * with every further answer a front door asks (a police referrer's too).
 */
export function completeReferral(overrides: Partial<ReferralContent> = {}): ReferralContent {
  return {
    child: {
      firstName: 'Maisie',
      lastName: 'Fairbrook',
      dateOfBirth: '2018-05-14',
      sex: 'female',
      firstLanguage: 'English',
      schoolOrSetting: 'Brookfield Primary School',
      address: { line1: '12 Example Row', town: 'Northtown', postcode: 'NS1 2AB' },
    },
    household: {
      adults: [
        {
          name: 'Kerry Fairbrook',
          relationship: 'Mother',
          parentalResponsibility: true,
          doNotContact: false,
        },
        {
          name: 'Lee Dunmore',
          relationship: "Mother's partner",
          parentalResponsibility: false,
          doNotContact: true,
        },
      ],
    },
    concerns: 'Maisie has come in hungry most mornings this half term and says there is shouting at home.',
    indicatorIds: ['basic-care-often-hungry', 'family-frequent-shouting'],
    triedSoFar: 'Breakfast club place offered; conversation with mum at pick-up.',
    earlyHelpAssessmentInPlace: false,
    childViews: 'Maisie said she likes breakfast club and that home is "loud".',
    parentViews: 'Mum would welcome some help with money and routines.',
    consent: { status: 'given', byWhom: 'Kerry Fairbrook (mother)', date: '2026-11-20' },
    referrer: { role: 'Designated safeguarding lead', phone: '01632 960 001' },
    referrerLevel: 2,
    strengths: {
      goingWell: 'Maisie attends every day and has good friends; mum comes to every meeting.',
      needsToChange: 'Breakfast every morning, and calmer evenings at home.',
      askingFor: 'A family support worker to help mum with money and routines.',
    },
    familyInformed: { told: true },
    // Asked of police referrers only; a school's referral carries it to no effect.
    police: { incidentNumber: 'NP-26-000123', dashRisk: 'standard' },
    ...overrides,
  };
}

/**
 * The referral tests' own moves, as demo users through the test API, each checked as it goes:
 * `create` a draft (201), `act` on a referral at its version, and `step` (an act answered 200,
 * giving the referral back). Idempotency keys start with `keyPrefix`.
 */
export function referralRequests(api: TestApi, keyPrefix: string) {
  let keys = 0;
  const newKey = () => `${keyPrefix}-${Date.now()}-${keys++}`;

  async function create(as: string, content = completeReferral(), key = newKey()): Promise<Referral> {
    const res = await api.request('POST', '/api/referrals', {
      as,
      body: content,
      headers: { 'idempotency-key': key },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Referral;
  }

  const act = (as: string, referral: Referral, action: string, body?: unknown): Promise<Response> =>
    api.request('POST', `/api/referrals/${referral.id}/${action}`, {
      as,
      headers: { 'if-match': `"${referral.version}"` },
      ...(body !== undefined ? { body } : {}),
    });

  async function step(as: string, referral: Referral, action: string, body?: unknown): Promise<Referral> {
    const res = await act(as, referral, action, body);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Referral;
  }

  return { newKey, create, act, step };
}
