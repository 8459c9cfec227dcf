import { describe, expect, it } from 'vitest';
import type { Referral, ReferralSummary } from '../../shared/referrals/schema.ts';
import { clockedTestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/**
 * A child with three or more requests for support in 12 months is flagged for a manager's review:
 * on the front door's queue and the referral's page, never to a referrer (it says other agencies
 * referred the child).
 */
const { api, at } = clockedTestApi('2026-02-02T10:00:00Z');

let keyCounter = 0;
async function submitted(as: string, child: object): Promise<Referral> {
  const created = await api.request('POST', '/api/referrals', {
    as,
    body: completeReferral({ child }),
    headers: { 'idempotency-key': `manager-review-${keyCounter++}` },
  });
  expect(created.status).toBe(201);
  const draft = (await created.json()) as Referral;
  const res = await api.request('POST', `/api/referrals/${draft.id}/submit`, {
    as,
    headers: { 'if-match': `"${draft.version}"` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Referral;
}

const read = async (as: string, id: string) =>
  (await (await api.request('GET', `/api/referrals/${id}`, { as })).json()) as Referral;
const queueItem = async (id: string) =>
  (
    (await (await api.request('GET', '/api/referrals?limit=200', { as: 'grace' })).json()) as {
      items: ReferralSummary[];
    }
  ).items.find((r) => r.id === id);

describe('three requests for one child in 12 months', () => {
  const child = {
    firstName: 'Rowan',
    lastName: 'Pickering',
    dateOfBirth: '2017-09-14',
    address: { line1: '9 Example Row', town: 'Northtown', postcode: 'NS7 1QP' },
  };

  it('does not flag the second request, and flags the third to the front door only', async () => {
    await submitted('dan', child);
    at('2026-06-10T10:00:00Z');
    const second = await submitted('amira', child);
    expect((await read('grace', second.id)).managerReview).toBeUndefined();
    expect((await queueItem(second.id))?.managerReview).toBeUndefined();

    at('2026-11-20T10:00:00Z');
    const third = await submitted('amira', child);
    expect((await read('grace', third.id)).managerReview).toEqual({
      requestsInTwelveMonths: 3,
      reason: '3 requests for this child in 12 months',
    });
    expect((await queueItem(third.id))?.managerReview).toBe(true);

    const asSchool = await read('amira', third.id);
    expect(asSchool.managerReview).toBeUndefined();
    const schoolList = (await (
      await api.request('GET', '/api/referrals?limit=200', { as: 'amira' })
    ).json()) as {
      items: ReferralSummary[];
    };
    expect(schoolList.items.find((r) => r.id === third.id)).toBeDefined();
    expect(schoolList.items.find((r) => r.id === third.id)?.managerReview).toBeUndefined();
  });

  it('counts only the requests within the 12 months before', async () => {
    const other = { ...child, firstName: 'Ellis', dateOfBirth: '2016-01-05' };
    at('2025-01-10T10:00:00Z');
    await submitted('dan', other);
    at('2026-01-12T10:00:00Z');
    await submitted('dan', other);
    at('2026-03-02T10:00:00Z');
    const third = await submitted('amira', other);
    // The first was more than 12 months before the third: two in 12 months, no flag.
    expect((await read('grace', third.id)).managerReview).toBeUndefined();
    expect((await read('grace', third.id)).possibleDuplicates).toHaveLength(2);
  });
});
