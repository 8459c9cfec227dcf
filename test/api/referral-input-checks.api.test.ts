import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../shared/platform/problem.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { clockedTestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/**
 * What a referral's text and dates may hold: the text rule (shared/platform/text.ts) on every save, and the
 * child's dates against the app's clock (shared/referrals/rules.ts) on every save and at submission.
 */
// Wednesday 2 December 2026, 10:00 in the UK.
const { api } = clockedTestApi('2026-12-02T10:00:00Z');

let keys = 0;
async function draft(content = completeReferral()): Promise<Referral> {
  const res = await api.request('POST', '/api/referrals', {
    as: 'amira',
    body: content,
    headers: { 'idempotency-key': `input-checks-${Date.now()}-${keys++}` },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as Referral;
}

const patch = (referral: Referral, body: unknown) =>
  api.request('PATCH', `/api/referrals/${referral.id}`, {
    as: 'amira',
    headers: { 'if-match': `"${referral.version}"` },
    body,
  });

async function stored(referral: Referral): Promise<Referral> {
  const res = await api.request('GET', `/api/referrals/${referral.id}`, { as: 'amira' });
  return (await res.json()) as Referral;
}

describe('a child’s name that does not read as what is stored', () => {
  let referral: Referral;
  beforeAll(async () => {
    referral = await draft();
  });

  it.each([
    ['a NUL', 'Mai\u0000sie', 'must not contain control characters'],
    [
      'a right-to-left override',
      'Mai\u202esie',
      'must not contain invisible or direction-changing characters',
    ],
    ['a right-to-left mark', 'Maisie\u200f', 'must not contain invisible or direction-changing characters'],
    ['a zero-width space', 'Mai\u200bsie', 'must not contain invisible or direction-changing characters'],
    ['a zero-width joiner', 'Mai\u200dsie', 'must not contain invisible or direction-changing characters'],
    ['a lone surrogate', 'Maisie\ud83d', 'must not contain broken characters (unpaired surrogates)'],
  ])('%s: 400 naming child.firstName, and nothing saved', async (_what, firstName, reason) => {
    const res = await patch(referral, { child: { ...referral.child, firstName } });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.errors).toEqual([{ field: 'child.firstName', reason }]);
    const after = await stored(referral);
    expect(after.version).toBe(referral.version);
    expect(after.child?.firstName).toBe('Maisie');
  });

  it('keeps names in every script, accents and emoji in free text, stored as NFC', async () => {
    const res = await patch(referral, {
      child: { ...referral.child, firstName: 'Sia\u0302n', lastName: 'Wąsowska-حداد' },
      concerns: 'She drew 👩‍👧 and said "home is loud".\nMum agrees.',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = (await res.json()) as Referral;
    expect(saved.child).toMatchObject({ firstName: 'Siân', lastName: 'Wąsowska-حداد' });
    expect(saved.concerns).toBe('She drew 👩‍👧 and said "home is loud".\nMum agrees.');
  });
});

describe('a child’s dates, against the clock', () => {
  it.each([
    ['dateOfBirth', '0000-01-01'],
    ['dateOfBirth', '9999-12-31'],
    ['dateOfBirth', '1990-06-01'],
    ['expectedDateOfBirth', '9999-12-31'],
    ['expectedDateOfBirth', '0000-01-01'],
  ])('a saved %s of %s: 400 naming the field, nothing saved', async (field, date) => {
    const referral = await draft();
    const { dateOfBirth: _dob, ...child } = referral.child ?? {};
    const res = await patch(referral, { child: { ...child, [field]: date } });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Problem;
    expect(problem.errors?.map((e) => e.field)).toEqual([`child.${field}`]);
    expect((await stored(referral)).version).toBe(referral.version);
  });

  it('a date that is not on the calendar: 400 naming child.dateOfBirth', async () => {
    const referral = await draft();
    const res = await patch(referral, { child: { ...referral.child, dateOfBirth: '2026-02-30' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).errors?.map((e) => e.field)).toEqual(['child.dateOfBirth']);
  });

  it.each(['0000-01-01', '9999-12-31'])(
    'a draft made with a date of birth of %s is refused at submission (422, naming it)',
    async (date) => {
      const content = completeReferral();
      const referral = await draft({ ...content, child: { ...content.child, dateOfBirth: date } });
      const res = await api.request('POST', `/api/referrals/${referral.id}/submit`, {
        as: 'amira',
        headers: { 'if-match': `"${referral.version}"` },
      });
      expect(res.status).toBe(422);
      const problem = (await res.json()) as Problem;
      expect(problem.errors?.map((e) => e.field)).toEqual(['child.dateOfBirth']);
      expect((await stored(referral)).status).toBe('draft');
    },
  );

  it('an unborn child due in the spring is accepted and submitted', async () => {
    const content = completeReferral();
    const { dateOfBirth: _dob, ...child } = content.child ?? {};
    const referral = await draft({
      ...content,
      child: { ...child, sex: 'unborn', expectedDateOfBirth: '2027-04-20' },
    });
    const res = await api.request('POST', `/api/referrals/${referral.id}/submit`, {
      as: 'amira',
      headers: { 'if-match': `"${referral.version}"` },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });
});
