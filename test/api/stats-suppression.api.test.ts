import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSuppressed } from '../../shared/platform/small-numbers.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';

/**
 * Small numbers in the partnership figures: Brookfield Primary sends 2 referrals in May, both decided
 * as strategy discussions, beside 6 from the police and 7 from Northshire Academy. The figures must
 * not say "2", and no total published beside them may give the 2 back by subtraction.
 */
let api: TestApi;
// Tuesday 12 May 2026, 10:00 BST.
let now = new Date('2026-05-12T09:00:00Z');
let key = 0;

async function send(as: string, outcome: string, referrerLevel = 2): Promise<void> {
  const post = async (path: string, who: string, version?: number, body?: unknown) => {
    const res = await api.request('POST', path, {
      as: who,
      headers: {
        ...(version ? { 'if-match': `"${version}"` } : { 'idempotency-key': `stats-${key++}-${Date.now()}` }),
      },
      ...(body !== undefined ? { body } : {}),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    return (await res.json()) as Referral;
  };
  // Each about a child of its own: the figures are the point here, not possible duplicates.
  const base = completeReferral();
  const child = { ...base.child, lastName: `Smallnumbers${key}` };
  const draft = await post('/api/referrals', as, undefined, { ...base, child, referrerLevel });
  const submitted = await post(`/api/referrals/${draft.id}/submit`, as, draft.version);
  const reviewed = await post(`/api/referrals/${draft.id}/review`, 'grace', submitted.version);
  await post(`/api/referrals/${draft.id}/decision`, 'grace', reviewed.version, {
    levelOfNeed: 4,
    outcome,
    rationale: 'Decided for the small-numbers test.',
    feedback: 'Thank you: a social worker will contact you.',
  });
}

type Count = number | { suppressed: true };
type Agreement = { n: Count; agreed: Count; agreementPct: unknown; kappa: unknown };
interface Stats {
  smallNumbers: { threshold: number };
  submitted: Count;
  months: { month: string; agencyId: string; submitted: Count }[];
  monthTotals: { month: string; submitted: Count }[];
  agencyTotals: { agencyId: string; submitted: Count }[];
  quarters: {
    quarter: string;
    agencyId: string;
    decided: Count;
    decidedOnTime: Count;
    onTimePct: unknown;
    outcomes: Record<string, Count>;
    agreement: Agreement;
    referrerAgreement: Agreement;
  }[];
  quarterTotals: {
    quarter: string;
    decided: Count;
    decidedOnTime: Count;
    outcomes: Record<string, Count>;
    referrerAgreement: Agreement;
  }[];
}

/** What subtracting every other published part from a published total gives, or null if a part is hidden. */
function bySubtraction(total: Count | undefined, others: (Count | undefined)[]): number | null {
  if (total === undefined || isSuppressed(total) || others.some((o) => o === undefined || isSuppressed(o)))
    return null;
  return total - others.reduce<number>((sum, o) => sum + (o as number), 0);
}

beforeAll(async () => {
  api = await createTestApi({ clock: () => now });
  // The police thought their six were level 4, as decided; the academy thought its seven level 2.
  const times = (n: number, as: string, outcome: string) =>
    Array.from({ length: n }, () => send(as, outcome, as === 'dan' ? 4 : 2));
  await Promise.all([
    ...times(2, 'amira', 'strategy_discussion'),
    ...times(6, 'dan', 'social_care_assessment'),
    ...times(7, 'nadia', 'social_care_assessment'),
  ]);
  now = new Date('2026-05-20T09:00:00Z');
}, 120_000);
afterAll(async () => api?.close());

describe('small numbers in the partnership figures', () => {
  it('answers "not shown" for Brookfield’s 2 in May, and no total subtracts to it', async () => {
    const res = await api.request('GET', '/api/stats/referrals?year=2026', { as: 'helen' });
    expect(res.status).toBe(200);
    const stats = (await res.json()) as Stats;
    expect(stats.smallNumbers).toEqual({ threshold: 5 });

    const cell = (agencyId: string) =>
      stats.months.find((m) => m.month === '2026-05' && m.agencyId === agencyId)?.submitted;
    expect(cell('brookfield-primary')).toEqual({ suppressed: true });
    // May's total less the other agencies' Mays; Brookfield's year less its other months (none);
    // the year's total less the other agencies' years.
    const others = ['northshire-police', 'northshire-academy'];
    const agencyTotal = (id: string) => stats.agencyTotals.find((a) => a.agencyId === id)?.submitted;
    expect(
      bySubtraction(stats.monthTotals.find((m) => m.month === '2026-05')?.submitted, others.map(cell)),
    ).toBeNull();
    expect(bySubtraction(agencyTotal('brookfield-primary'), [])).toBeNull();
    expect(bySubtraction(stats.submitted, others.map(agencyTotal))).toBeNull();
  });

  it('hides Brookfield’s decisions in the quarter everywhere: on time, outcomes, agreement and shares', async () => {
    const stats = (await (
      await api.request('GET', '/api/stats/referrals?year=2026', { as: 'grace' })
    ).json()) as Stats;
    const q2 = (agencyId: string) =>
      stats.quarters.find((q) => q.quarter === '2026-Q2' && q.agencyId === agencyId);
    const brookfield = q2('brookfield-primary');
    const hidden = { suppressed: true };
    expect(brookfield).toMatchObject({
      decided: hidden,
      decidedOnTime: hidden,
      onTimePct: hidden,
      outcomes: { strategy_discussion: hidden },
      // Suggested level 2, decided 4: none agreed, and a zero identifies no one.
      agreement: { n: hidden, agreed: 0, agreementPct: hidden, kappa: hidden },
      referrerAgreement: { n: hidden, agreed: 0, agreementPct: hidden, kappa: hidden },
    });
    // The referrer's own level against the decision: the police's six all agreed, the academy's seven
    // none, 6 of 15 in all. The police's count is hidden too, or 15 less the academy's 7 would give
    // Brookfield's 2 back.
    expect(q2('northshire-academy')?.referrerAgreement).toMatchObject({ n: 7, agreed: 0, agreementPct: 0 });
    expect(q2('northshire-police')?.referrerAgreement.n).toEqual(hidden);
    expect(stats.quarterTotals.find((q) => q.quarter === '2026-Q2')?.referrerAgreement).toMatchObject({
      n: 15,
      agreed: 6,
      agreementPct: 40,
    });
    // The two strategy discussions are the partnership's only ones: that total is small too.
    const total = stats.quarterTotals.find((q) => q.quarter === '2026-Q2');
    expect(total?.outcomes.strategy_discussion).toEqual(hidden);
    const others = ['northshire-police', 'northshire-academy'].map(q2);
    expect(
      bySubtraction(
        total?.decided,
        others.map((o) => o?.decided),
      ),
    ).toBeNull();
    expect(
      bySubtraction(
        total?.decidedOnTime,
        others.map((o) => o?.decidedOnTime),
      ),
    ).toBeNull();
    // The counts themselves are nowhere in the answer; the level-by-level matrix is not published.
    expect(JSON.stringify(stats)).not.toContain('matrix');
    expect(JSON.stringify(stats)).not.toContain('Maisie');
  });
});
