import { describe, expect, it } from 'vitest';
import type { Referral, ReferralSummary, TimelineEntry } from '../../shared/referrals/schema.ts';
import { auditTrail, clockedTestApi } from '../support/api.ts';
import { completeReferral, referralRequests } from '../support/referral-fixtures.ts';
import { fieldsOf, problem } from './early-help-fixtures.ts';

/**
 * The front door's priorities: urgency sets the decision's clock and the queue's order, an earlier
 * open referral of the same child is flagged when another arrives, a manager hands a referral to a
 * colleague, and a level of need is decided only with an outcome that fits it.
 * Monday 2 March 2026, 09:00 GMT.
 */
const { api, at } = clockedTestApi('2026-03-02T09:00:00Z');
const { create, act, step } = referralRequests(api, 'priority');

const CONSENT = { status: 'given', byWhom: 'Kerry Fairbrook (mother)', date: '2026-02-27' } as const;

/** A decision of the front door's at a level, with what its outcome needs. */
const decisionAt = (levelOfNeed: number, outcome = 'early_help_single_agency') => ({
  levelOfNeed,
  outcome,
  rationale: 'The decision the front door reached.',
  feedback: 'Thank you. We will be in touch with the family.',
  // Advice and no further action name the services the family can turn to, or why none fitted.
  ...(outcome === 'advice_signposting' || outcome === 'no_further_action'
    ? { signposts: { serviceIds: [], noneFitted: { reason: 'no-service', need: 'health' } } }
    : {}),
});

/** A submitted referral about its own made-up child (or `child`), with these indicators. */
async function submitted(as: string, indicatorIds: string[], lastName: string): Promise<Referral> {
  const base = completeReferral({ consent: CONSENT, indicatorIds });
  const draft = await create(as, { ...base, child: { ...base.child, lastName } });
  return step(as, draft, 'submit');
}

const queue = async (query = '') => {
  const res = await api.request('GET', `/api/referrals?limit=200${query}`, { as: 'grace' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: ReferralSummary[] }).items;
};

const read = async (as: string, id: string) =>
  (await (await api.request('GET', `/api/referrals/${id}`, { as })).json()) as Referral;

describe('urgency sets the clock', () => {
  it('gives immediate danger and level 4 four hours, level 3 the next working day and levels 1–2 three', async () => {
    const l2 = await submitted(
      'amira',
      ['basic-care-often-hungry', 'family-frequent-shouting'],
      'Clockstandard',
    );
    const l3 = await submitted('amira', ['family-domestic-abuse-standard-medium'], 'Clockhigh');
    const l4 = await submitted('amira', ['safety-unexplained-bruising'], 'Clockurgent');
    const danger = await submitted('amira', ['safety-disclosed-hit-with-injury'], 'Clockdanger');
    expect([l2, l3, l4, danger].map((r) => [r.priority, r.decisionDueAt])).toEqual([
      ['standard', '2026-03-05T17:00:00.000Z'],
      ['high', '2026-03-03T17:00:00.000Z'],
      ['urgent', '2026-03-02T13:00:00.000Z'],
      ['urgent', '2026-03-02T13:00:00.000Z'],
    ]);
  });

  it('puts a new urgent referral at the top of the open queue, not the bottom', async () => {
    at('2026-03-02T09:30:00Z');
    const late = await submitted('dan', ['safety-unexplained-bruising'], 'Latecomer');
    const items = await queue();
    expect(items[0]?.priority).toBe('urgent');
    const ranks = items.map((i) => ['urgent', 'high', 'standard'].indexOf(i.priority ?? 'high'));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Within a priority, soonest due first: the 09:00 urgent ones before this 09:30 one.
    const urgent = items.filter((i) => i.priority === 'urgent');
    expect(urgent.at(-1)?.id).toBe(late.id);
    expect(urgent.map((i) => i.decisionDueAt)).toEqual(urgent.map((i) => i.decisionDueAt).sort());
  });

  it('lists as overdue only what is past due, urgent ones first', async () => {
    at('2026-03-02T14:00:00Z');
    const overdue = await queue('&overdue=true');
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    expect(overdue.every((i) => i.priority === 'urgent')).toBe(true);
    at('2026-03-04T09:00:00Z');
    const later = await queue('&overdue=true');
    expect(new Set(later.map((i) => i.priority))).toEqual(new Set(['urgent', 'high']));
    expect(later.map((i) => i.priority).indexOf('high')).toBeGreaterThan(
      later.map((i) => i.priority).lastIndexOf('urgent'),
    );
  });
});

describe('a possible duplicate, from both sides', () => {
  it('flags the earlier open referral when the same child is referred again, for the front door only', async () => {
    at('2026-03-09T10:00:00Z');
    const school = await submitted('amira', ['basic-care-often-hungry'], 'Twicereferred');
    const seenBefore = await step('grace', school, 'review');
    const police = await submitted('dan', ['family-domestic-abuse-standard-medium'], 'Twicereferred');

    expect((await read('grace', police.id)).possibleDuplicates?.map((d) => d.referralId)).toEqual([
      school.id,
    ]);
    const earlier = await read('grace', school.id);
    expect(earlier.possibleDuplicates).toEqual([
      expect.objectContaining({ referralId: police.id, agencyId: 'northshire-police' }),
    ]);
    expect(earlier.possibleDuplicates?.[0]?.reason).toMatch(/referred again since/);
    const listed = (await queue()).find((i) => i.id === school.id);
    expect(listed?.possibleDuplicate).toBe(true);
    // The school learns nothing of the police's referral.
    expect(await read('amira', school.id)).not.toHaveProperty('possibleDuplicates');

    // A decision made from the page read before the flag is refused: the reviewer reads it first.
    const stale = await act('grace', seenBefore, 'decision', {
      levelOfNeed: 2,
      outcome: 'early_help_single_agency',
      rationale: 'Needs met with a lead practitioner.',
      feedback: 'Thank you. A lead practitioner will contact the family.',
    });
    await problem(stale, 409);

    const trail = await auditTrail(api, 'referral', school.id);
    expect(trail.map((e) => e.action)).toContain('referral.flag_duplicate');
  });

  it('flags nothing decided already: only referrals still waiting for a decision', async () => {
    at('2026-03-10T10:00:00Z');
    const first = await submitted('amira', ['basic-care-often-hungry'], 'Oncedecided');
    let r = await step('grace', first, 'review');
    r = await step('grace', r, 'decision', decisionAt(2, 'no_further_action'));
    await submitted('dan', ['basic-care-often-hungry'], 'Oncedecided');
    const after = await read('grace', first.id);
    expect(after.possibleDuplicates ?? []).toEqual([]);
    expect(after.version).toBe(r.version);
  });
});

describe('a manager hands a referral to a colleague', () => {
  it('lets the manager reassign, the new reviewer decide, and no one else do either', async () => {
    at('2026-03-11T10:00:00Z');
    // Leon joins the front door's team when he first reads the queue.
    expect((await api.request('GET', '/api/referrals', { as: 'leon' })).status).toBe(200);
    const team = (await (await api.request('GET', '/api/front-door/team', { as: 'grace' })).json()) as {
      items: { userId: string; name: string }[];
    };
    const leon = api.user('leon');
    expect(team.items.map((m) => m.name)).toEqual(
      expect.arrayContaining([leon.name, api.user('grace').name]),
    );
    expect((await api.request('GET', '/api/front-door/team', { as: 'amira' })).status).toBe(403);

    let r = await step(
      'grace',
      await submitted('amira', ['basic-care-often-hungry'], 'Handedover'),
      'review',
    );
    // A colleague may not decide a referral someone else is reviewing, nor hand it on.
    await problem(await act('leon', r, 'decision', decisionAt(2)), 403);
    await problem(await act('leon', r, 'reassign', { userId: leon.sub }), 403);
    const stranger = await problem(await act('grace', r, 'reassign', { userId: crypto.randomUUID() }), 422);
    expect(fieldsOf(stranger)).toEqual(['userId']);

    r = await step('grace', r, 'reassign', { userId: leon.sub });
    expect(r.reviewer?.name).toBe(leon.name);
    expect(r.status).toBe('in_review');
    const again = await problem(await act('grace', r, 'reassign', { userId: leon.sub }), 422);
    expect(again.errors?.[0]?.reason).toMatch(/already reviewing/);
    // Grace is a manager: she may still decide it; a member who is not its reviewer may not.
    r = await step('leon', r, 'decision', decisionAt(2));
    expect(r.decision?.decidedBy?.name).toBe(leon.name);
    await problem(await act('grace', r, 'reassign', { userId: api.user('grace').sub }), 409);

    const trail = await auditTrail(api, 'referral', r.id);
    expect(trail.filter((e) => e.action === 'referral.reassign').map((e) => e.outcome)).toContain('allowed');
    const timeline = ((await read('amira', r.id)) as Referral & { timeline: TimelineEntry[] }).timeline;
    expect(timeline.map((e) => e.text)).toContain(
      `Reassigned from ${api.user('grace').name} to ${leon.name}`,
    );
  });
});

describe('a level of need decided with an outcome that fits it', () => {
  it('refuses level 1 with a strategy discussion and level 4 with advice, naming the outcome', async () => {
    at('2026-03-12T10:00:00Z');
    const r = await step('grace', await submitted('amira', ['basic-care-often-hungry'], 'Misfit'), 'review');
    for (const [level, outcome] of [
      [1, 'strategy_discussion'],
      [4, 'advice_signposting'],
    ] as const) {
      const refused = await problem(await act('grace', r, 'decision', decisionAt(level, outcome)), 422);
      expect(fieldsOf(refused)).toEqual(['outcome']);
      expect(refused.errors?.[0]?.reason).toMatch(
        new RegExp(`^At level ${level} the outcome must be one of`),
      );
    }
    // Nothing was written: the referral is still in review at the version read.
    const still = await read('grace', r.id);
    expect([still.status, still.version]).toEqual(['in_review', r.version]);
    expect((await step('grace', r, 'decision', decisionAt(4, 'strategy_discussion'))).status).toBe('decided');
  });
});
