import { describe, expect, it } from 'vitest';
import type { ReferralContent } from '../../shared/referrals/schema.ts';
import { clockedTestApi } from '../support/api.ts';
import { completeReferral, referralRequests } from '../support/referral-fixtures.ts';
import { fieldsOf, problem } from './early-help-fixtures.ts';

/**
 * The request for support asks what councils' forms ask: who to call back, the referrer's own view of
 * the level, what is going well, what needs to change and what is asked for, whether the family knows,
 * the child's NHS number and other children as people, and from the police the incident or crime
 * number and the DASH level. Each is refused by name when missing or wrong. Monday 2 March 2026.
 */
const { api } = clockedTestApi('2026-03-02T09:00:00Z');
const { create, act, step } = referralRequests(api, 'further');
const CONSENT = { status: 'given', byWhom: 'Kerry Fairbrook (mother)', date: '2026-02-27' } as const;

const without = (...keys: (keyof ReferralContent)[]) => {
  const content: ReferralContent = completeReferral({ consent: CONSENT });
  for (const key of keys) delete content[key];
  return content;
};

describe('the further answers a front door needs', () => {
  it('refuses to send a school’s referral without them, naming each, and sends it once they are given', async () => {
    const draft = await create(
      'amira',
      without('referrer', 'referrerLevel', 'strengths', 'familyInformed', 'police'),
    );
    const refused = await problem(await act('amira', draft, 'submit'), 422);
    expect(fieldsOf(refused)).toEqual([
      'referrer.role',
      'referrer.phone',
      'referrerLevel',
      'strengths.goingWell',
      'strengths.needsToChange',
      'strengths.askingFor',
      'familyInformed.told',
    ]);
    const complete = completeReferral({ consent: CONSENT });
    const res = await api.request('PATCH', `/api/referrals/${draft.id}`, {
      as: 'amira',
      headers: { 'if-match': `"${draft.version}"` },
      body: {
        referrer: complete.referrer,
        referrerLevel: 3,
        strengths: complete.strengths,
        familyInformed: { told: false, whyNot: 'Mum’s partner would stop her engaging if he knew.' },
        notToShare: 'That the school raised the concern.',
      },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const sent = await step('amira', await res.json(), 'submit');
    expect([sent.status, sent.referrerLevel, sent.notToShare]).toEqual([
      'submitted',
      3,
      'That the school raised the concern.',
    ]);
  });

  it('asks the police, and only the police, for the incident or crime number and the DASH level', async () => {
    const fromPolice = await create('dan', without('police'));
    expect(fieldsOf(await problem(await act('dan', fromPolice, 'submit'), 422))).toEqual([
      'police.incidentNumber',
      'police.dashRisk',
    ]);
    const fromSchool = await create('amira', without('police'));
    expect((await step('amira', fromSchool, 'submit')).status).toBe('submitted');
    const withCrime = await create('dan', {
      ...without('police'),
      police: { crimeNumber: 'NP/26/004471', dashRisk: 'high' },
    });
    expect((await step('dan', withCrime, 'submit')).police).toEqual({
      crimeNumber: 'NP/26/004471',
      dashRisk: 'high',
    });
  });

  it('refuses an NHS number that is not ten digits when saved, and one whose check digit is wrong when sent', async () => {
    const base = completeReferral({ consent: CONSENT });
    const badFormat = await api.request('POST', '/api/referrals', {
      as: 'amira',
      body: { ...base, child: { ...base.child, nhsNumber: '943-476-5919' } },
      headers: { 'idempotency-key': `further-nhs-${Date.now()}` },
    });
    expect(fieldsOf(await problem(badFormat, 400))).toEqual(['child.nhsNumber']);
    const wrongDigit = await create('amira', {
      ...base,
      child: { ...base.child, nhsNumber: '943 476 5910' },
    });
    expect(fieldsOf(await problem(await act('amira', wrongDigit, 'submit'), 422))).toEqual([
      'child.nhsNumber',
    ]);
    const right = await create('amira', {
      ...base,
      child: {
        ...base.child,
        nhsNumber: '943 476 5919',
        upn: 'H801200001001',
        send: 'sen_support',
        gp: 'Northtown Health Centre',
      },
    });
    expect((await step('amira', right, 'submit')).child?.send).toBe('sen_support');
  });

  it('takes other children in the household as people, naming a missing name by its place', async () => {
    const base = completeReferral({ consent: CONSENT });
    const household = (name: string) => ({
      ...base.household,
      adults: base.household?.adults ?? [],
      children: [{ name, dateOfBirth: '2021-07-03', relationship: 'Half-brother', livesWithChild: true }],
    });
    const blank = await api.request('POST', '/api/referrals', {
      as: 'amira',
      body: { ...base, household: household('') },
      headers: { 'idempotency-key': `further-kids-${Date.now()}` },
    });
    expect(fieldsOf(await problem(blank, 400))).toEqual(['household.children.0.name']);
    const sent = await step(
      'amira',
      await create('amira', { ...base, household: household('Alfie Fairbrook') }),
      'submit',
    );
    expect(sent.household?.children?.map((c) => c.name)).toEqual(['Alfie Fairbrook']);
  });
});
