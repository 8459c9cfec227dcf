import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { Episode } from '../../shared/early-help/schema.ts';
import type { EpisodeStats } from '../../shared/early-help/stats.ts';
import { type Count, isSuppressed } from '../../shared/platform/small-numbers.ts';
import { addWorkingDays } from '../../shared/platform/working-days.ts';
import type { TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import {
  assessment,
  CONSENT,
  clockedApi,
  decidedReferral,
  episodeUnderReview,
  plan,
  read,
  review,
  startEpisode,
  step,
  TEAM,
  write,
} from './early-help-fixtures.ts';

/**
 * The early-help figures on the dashboard: counters written in the same transaction as each change
 * of an episode, and GET /api/stats/episodes built from them with small numbers suppressed. The
 * counters are read straight from the table, so each change is seen to move exactly its own; the
 * figures are read through the API, as the board reads them.
 */

const HARBOUR = 'harbour-family-support';
const HEALTH = 'northshire-community-health';
const SCHOOL = 'brookfield-primary';
const NOTES = 'Cara disclosed that she is frightened to go home; early help is not enough.';

/** A referral about a child of her own, so one child's episodes are not another's re-referrals. */
const about = (firstName: string) => ({ content: { child: { ...completeReferral().child, firstName } } });

type Counters = Record<string, Record<string, number>>;

async function counters(api: TestApi): Promise<Counters> {
  const { Items } = await api.store.db.send(
    new QueryCommand({
      TableName: api.store.tables['early-help'],
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'STATS' },
      ConsistentRead: true,
    }),
  );
  return Object.fromEntries(
    (Items ?? []).map(({ pk: _pk, sk, ...values }) => [String(sk), values as Record<string, number>]),
  );
}

/** What `action` moved: each counter row's changes, rows and counts that did not move left out. */
async function moved(api: TestApi, action: () => Promise<unknown>): Promise<Counters> {
  const before = await counters(api);
  await action();
  const after = await counters(api);
  const out: Counters = {};
  for (const sk of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const names = new Set([...Object.keys(before[sk] ?? {}), ...Object.keys(after[sk] ?? {})]);
    for (const name of names) {
      const change = (after[sk]?.[name] ?? 0) - (before[sk]?.[name] ?? 0);
      if (change !== 0) out[sk] = { ...out[sk], [name]: change };
    }
  }
  return out;
}

const quarterRow = (quarter: string, agencyId: string | null) =>
  `Q#${quarter}#${agencyId ? `AGENCY#${agencyId}` : 'NOLEAD'}`;
const openRow = (agencyId: string | null) => `OPEN#${agencyId ? `AGENCY#${agencyId}` : 'NOLEAD'}`;

describe('the counters, moved by each change in the same transaction', () => {
  const { api, at } = clockedApi('2026-06-01T09:00:00Z');

  it('counts an episode started, its lead, assessment, plan and reviews in time, and its closure, each in its quarter', async () => {
    at('2026-06-01T09:00:00Z');
    const referral = await decidedReferral(api, about('Ava'));
    let episode: Episode | undefined;
    expect(
      await moved(api, async () => {
        episode = await startEpisode(api, referral.id, HARBOUR);
      }),
    ).toEqual({ [quarterRow('2026-Q2', HARBOUR)]: { started_l3: 1 }, [openRow(HARBOUR)]: { l3: 1 } });
    let e = episode as Episode;
    const change = (as: string, method: 'POST' | 'PUT', path: string, body: unknown) =>
      moved(api, async () => {
        e = await step(api, as, e, method, path, body);
      });

    at('2026-06-02T09:00:00Z');
    expect(await change('joe', 'POST', 'lead', { answer: 'accepted' })).toEqual({
      [quarterRow('2026-Q2', HARBOUR)]: { allocated: 1, allocatedOnTime: 1 },
    });
    at('2026-06-03T09:00:00Z');
    expect(await change('joe', 'PUT', 'consent', CONSENT)).toEqual({});
    expect(await change('joe', 'PUT', 'team', TEAM)).toEqual({});
    at('2026-06-05T09:00:00Z');
    // Saved but not complete: nothing is met yet.
    expect(await change('joe', 'PUT', 'assessment', assessment('2026-06-03'))).toEqual({});
    at('2026-06-10T09:00:00Z');
    expect(await change('joe', 'PUT', 'assessment', assessment('2026-06-03', '2026-06-10'))).toEqual({
      [quarterRow('2026-Q2', HARBOUR)]: { assessed: 1, assessedOnTime: 1 },
    });
    at('2026-06-12T09:00:00Z');
    expect(await change('joe', 'PUT', 'plan', plan('2026-06-12'))).toEqual({
      [quarterRow('2026-Q2', HARBOUR)]: { planned: 1, plannedOnTime: 1 },
    });
    // Agreed again, the plan is not agreed a second time.
    expect(await change('joe', 'PUT', 'plan', plan('2026-06-12'))).toEqual({});
    at('2026-06-26T09:00:00Z');
    expect(await change('joe', 'POST', 'reviews', review(e, '2026-06-26', 'continue'))).toEqual({
      [quarterRow('2026-Q2', HARBOUR)]: { reviewed: 1, reviewedOnTime: 1 },
    });
    // The review that closes it falls in the next quarter, with its closure, in one row.
    at('2026-07-10T09:00:00Z');
    expect(await change('joe', 'POST', 'reviews', review(e, '2026-07-10', 'close'))).toEqual({
      [quarterRow('2026-Q3', HARBOUR)]: { reviewed: 1, reviewedOnTime: 1, closed_outcomes_met: 1 },
      [openRow(HARBOUR)]: { l3: -1 },
    });
  });

  it('counts a declined episode under no agency until another is asked, a late lead as late, and a closure by the front door', async () => {
    at('2026-06-01T09:00:00Z');
    let e = await startEpisode(api, (await decidedReferral(api, about('Ben'))).id, HARBOUR);
    const change = (as: string, path: string, body: unknown) =>
      moved(api, async () => {
        e = await step(api, as, e, 'POST', path, body);
      });
    // A declining agency loses sight of the episode: the front door reads it on.
    const decline = { answer: 'declined', reason: 'No worker free until September.' };
    expect(
      await moved(api, async () => {
        expect((await write(api, 'joe', e, 'POST', 'lead', decline)).status).toBe(200);
        e = (await (await read(api, 'grace', e.id)).json()) as Episode;
      }),
    ).toEqual({ [openRow(HARBOUR)]: { l3: -1 }, [openRow(null)]: { l3: 1 } });
    expect(await change('grace', 'lead-request', { agencyId: HEALTH })).toEqual({
      [openRow(null)]: { l3: -1 },
      [openRow(HEALTH)]: { l3: 1 },
    });
    // Due within 5 working days of the decision (Monday 8 June): accepted on the 10th, late.
    at('2026-06-10T09:00:00Z');
    expect(await change('priya', 'lead', { answer: 'accepted' })).toEqual({
      [quarterRow('2026-Q2', HEALTH)]: { allocated: 1 },
    });
    expect(await change('grace', 'close', { reason: 'moved_away', note: 'Moved to Leeds.' })).toEqual({
      [quarterRow('2026-Q2', HEALTH)]: { closed_moved_away: 1 },
      [openRow(HEALTH)]: { l3: -1 },
    });

    // Started without an agency asked: under no agency.
    const referral = await decidedReferral(api, about('Bea'));
    expect(await moved(api, () => startEpisode(api, referral.id))).toEqual({
      [quarterRow('2026-Q2', null)]: { started_l3: 1 },
      [openRow(null)]: { l3: 1 },
    });
  });

  it('counts step-downs and step-ups at closure, and a re-referral of a child whose episode closed in the 12 months before', async () => {
    at('2026-06-01T09:00:00Z');
    let cara = await episodeUnderReview(api, at, { referral: await decidedReferral(api, about('Cara')) });
    at('2026-06-26T09:00:00Z');
    expect(
      await moved(api, async () => {
        cara = await step(api, 'joe', cara, 'POST', 'reviews', review(cara, '2026-06-26', 'step_down'));
      }),
    ).toEqual({
      [quarterRow('2026-Q2', HARBOUR)]: { reviewed: 1, reviewedOnTime: 1, closed_stepped_down: 1 },
      [openRow(HARBOUR)]: { l3: -1 },
    });

    at('2026-06-01T09:00:00Z');
    let dara = await episodeUnderReview(api, at, { referral: await decidedReferral(api, about('Dara')) });
    at('2026-07-14T09:00:00Z');
    expect(
      await moved(api, async () => {
        dara = await step(
          api,
          'joe',
          dara,
          'POST',
          'reviews',
          review(dara, '2026-07-14', 'step_up', { notes: NOTES }),
        );
      }),
    ).toEqual({
      [quarterRow('2026-Q3', HARBOUR)]: { reviewed: 1, reviewedOnTime: 1, closed_stepped_up: 1 },
      [openRow(HARBOUR)]: { l3: -1 },
    });

    // Cara again in September: her episode closed in June, so this is a re-referral.
    at('2026-09-01T09:00:00Z');
    const again = await decidedReferral(api, about('Cara'));
    expect(await moved(api, () => startEpisode(api, again.id, HARBOUR))).toEqual({
      [quarterRow('2026-Q3', HARBOUR)]: { started_l3: 1, reReferred: 1 },
      [openRow(HARBOUR)]: { l3: 1 },
    });
    // And the next July: June 2026 is more than 12 months before, and her September episode is open.
    at('2027-07-01T09:00:00Z');
    const later = await decidedReferral(api, {
      ...about('Cara'),
      content: {
        ...about('Cara').content,
        consent: { status: 'given', byWhom: 'Kerry Fairbrook (mother)', date: '2027-06-28' },
      },
    });
    expect(await moved(api, () => startEpisode(api, later.id, HARBOUR))).toEqual({
      [quarterRow('2027-Q3', HARBOUR)]: { started_l3: 1 },
      [openRow(HARBOUR)]: { l3: 1 },
    });
    // A child named in no key: the index holds hashes only.
    const { Items } = await api.store.db.send(new ScanCommand({ TableName: api.store.tables['early-help'] }));
    const childKeys = (Items ?? []).map((i) => String(i.pk)).filter((pk) => pk.startsWith('CHILD#'));
    expect(childKeys.length).toBeGreaterThan(0);
    for (const pk of childKeys) {
      expect(pk).toMatch(/^CHILD#(c|nd):[A-Za-z0-9_-]{43}$/);
      expect(pk.toLowerCase()).not.toMatch(/cara|fairbrook|2018|ns1/);
    }
  });
});

/** What subtracting every other published part from a published total gives, or null if a part is hidden. */
function bySubtraction(total: Count | undefined, others: (Count | undefined)[]): number | null {
  if (total === undefined || isSuppressed(total) || others.some((o) => o === undefined || isSuppressed(o)))
    return null;
  return total - others.reduce<number>((sum, o) => sum + (o as number), 0);
}

describe('GET /api/stats/episodes', () => {
  const { api, at } = clockedApi('2026-06-01T09:00:00Z');
  const hidden = { suppressed: true };
  const stats = async (as = 'helen', query = '') => {
    const res = await api.request('GET', `/api/stats/episodes${query}`, { as });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as EpisodeStats;
  };
  const q2 = (s: EpisodeStats, agencyId: string) =>
    s.quarters.find((q) => q.quarter === '2026-Q2' && q.agencyId === agencyId);
  const q2Total = (s: EpisodeStats) => s.quarterTotals.find((q) => q.quarter === '2026-Q2');
  const openOf = (s: EpisodeStats, agencyId: string) => s.open.agencies.find((a) => a.agencyId === agencyId);
  const times = <T>(n: number, make: () => Promise<T>) => Promise.all(Array.from({ length: n }, make));

  // Harbour Family Support leads 6 episodes to a plan; Northshire Community Health accepts 6 late;
  // Brookfield Primary leads 2, a count that must never be shown.
  let harbour: Episode[] = [];
  let health: Episode[] = [];
  let school: Episode[] = [];

  it('is for the front door and the board only', async () => {
    expect((await api.request('GET', '/api/stats/episodes')).status).toBe(401);
    expect((await api.request('GET', '/api/stats/episodes', { as: 'joe' })).status).toBe(403);
    expect((await api.request('GET', '/api/stats/episodes', { as: 'sam' })).status).toBe(403);
    const empty = await stats('grace');
    expect(empty).toMatchObject({
      smallNumbers: { threshold: 5 },
      open: { total: 0, byLevel: {}, agencies: [] },
      reviewsOverdue: { count: 0, atLeast: false },
      quarters: [],
      quarterTotals: [],
    });
  });

  it('counts the episodes started and open by agency and level, hiding the 2 and what would give them away', async () => {
    at('2026-06-01T09:00:00Z');
    // Each about a child of their own: fourteen referrals of one child at once would flag each other
    // as possible duplicates mid-decision, which is the duplicates' test, not this one.
    let children = 0;
    const start = (agencyId: string) => async () => {
      const base = completeReferral();
      const child = { ...base.child, lastName: `Statsfamily${children++}` };
      return startEpisode(api, (await decidedReferral(api, { content: { child } })).id, agencyId);
    };
    [harbour, health, school] = await Promise.all([
      times(6, start(HARBOUR)),
      times(6, start(HEALTH)),
      times(2, start(SCHOOL)),
    ]);
    const s = await stats();
    expect(s.open.total).toBe(14);
    expect(s.open.byLevel).toEqual({ '3': 14 });
    expect(openOf(s, SCHOOL)).toEqual({ agencyId: SCHOOL, open: hidden, byLevel: { '3': hidden } });
    const others = [HARBOUR, HEALTH].map((id) => openOf(s, id)?.open);
    expect(bySubtraction(s.open.total, others)).toBeNull();
    expect(bySubtraction(s.open.byLevel['3'], others)).toBeNull();

    expect(q2(s, SCHOOL)).toMatchObject({ started: hidden, startedByLevel: { '3': hidden } });
    expect(q2Total(s)).toMatchObject({ started: 14, startedByLevel: { '3': 14 }, reReferred: 0 });
    expect(
      bySubtraction(
        q2Total(s)?.started,
        [HARBOUR, HEALTH].map((id) => q2(s, id)?.started),
      ),
    ).toBeNull();
  });

  it('gives the share of leads accepted in time by quarter, and hides the small agency’s share', async () => {
    at('2026-06-02T09:00:00Z');
    const accept = (as: string) => (e: Episode) => step(api, as, e, 'POST', 'lead', { answer: 'accepted' });
    [harbour, school] = await Promise.all([
      Promise.all(harbour.map(accept('joe'))),
      Promise.all(school.map(accept('amira'))),
    ]);
    at('2026-06-10T09:00:00Z');
    health = await Promise.all(health.map(accept('priya')));
    const s = await stats();
    const total = q2Total(s)?.allocation;
    expect(total).toEqual({ met: 14, onTime: 8, onTimePct: (100 * 8) / 14 });
    expect(q2(s, SCHOOL)?.allocation).toEqual({ met: hidden, onTime: hidden, onTimePct: hidden });
    const others = [HARBOUR, HEALTH].map((id) => q2(s, id)?.allocation);
    expect(
      bySubtraction(
        total?.met,
        others.map((o) => o?.met),
      ),
    ).toBeNull();
    expect(
      bySubtraction(
        total?.onTime,
        others.map((o) => o?.onTime),
      ),
    ).toBeNull();
    // The open episodes have moved to no other agency: each was asked of the one that accepted.
    expect(s.open.total).toBe(14);
  });

  it('gives the assessments and plans in time, then the reviews overdue today, which move as reviews are held', async () => {
    at('2026-06-03T09:00:00Z');
    harbour = await Promise.all(
      harbour.map(async (e) => {
        const consented = await step(api, 'joe', e, 'PUT', 'consent', CONSENT);
        return step(api, 'joe', consented, 'PUT', 'team', TEAM);
      }),
    );
    at('2026-06-10T09:00:00Z');
    harbour = await Promise.all(
      harbour.map((e) => step(api, 'joe', e, 'PUT', 'assessment', assessment('2026-06-03', '2026-06-10'))),
    );
    at('2026-06-12T09:00:00Z');
    harbour = await Promise.all(harbour.map((e) => step(api, 'joe', e, 'PUT', 'plan', plan('2026-06-12'))));
    let s = await stats();
    expect(q2Total(s)?.assessment).toEqual({ met: 6, onTime: 6, onTimePct: 100 });
    expect(q2(s, HARBOUR)?.plan).toEqual({ met: 6, onTime: 6, onTimePct: 100 });
    expect(s.reviewsOverdue).toEqual({ count: 0, atLeast: false });

    // The first review was due 30 working days after the plan: the day after, all 6 are overdue
    // (the other agencies' episodes are overdue too, but for their assessments).
    const overdueOn = addWorkingDays('2026-06-12', 31);
    at(`${overdueOn}T09:00:00Z`);
    s = await stats();
    expect(s.reviewsOverdue).toEqual({ count: 6, atLeast: false });
    const reviewed = await Promise.all(
      harbour
        .slice(0, 2)
        .map((e) => step(api, 'joe', e, 'POST', 'reviews', review(e, overdueOn, 'continue'))),
    );
    s = await stats();
    // 4 overdue: a small number, not shown.
    expect(s.reviewsOverdue).toEqual({ count: hidden, atLeast: false });
    expect(q2Total(s)?.review ?? { met: 0 }).toMatchObject({ met: 0 });
    const quarter = `${overdueOn.slice(0, 4)}-Q${Math.ceil(Number(overdueOn.slice(5, 7)) / 3)}`;
    const late = s.quarterTotals.find((q) => q.quarter === quarter)?.review;
    // Two reviews held, both late: too few to show, and so is their share.
    expect(late).toEqual({ met: hidden, onTime: 0, onTimePct: hidden });
    expect(reviewed.every((e) => e.reviews.length === 1)).toBe(true);
  });

  it('counts closures by reason in their quarter, and the quarters of the year asked', async () => {
    at('2026-07-31T09:00:00Z');
    health = await Promise.all(
      health.map((e) => step(api, 'grace', e, 'POST', 'close', { reason: 'consent_withdrawn' })),
    );
    const s = await stats();
    const q3 = s.quarterTotals.find((q) => q.quarter === '2026-Q3');
    expect(q3).toMatchObject({ closed: 6, closures: { consent_withdrawn: 6 } });
    expect(s.open.total).toBe(8);
    expect(openOf(s, HEALTH)).toBeUndefined();
    const before = await stats('grace', '?year=2025');
    expect(before.quarters).toEqual([]);
    expect(before.open.total).toBe(8);
    expect(JSON.stringify(s)).not.toMatch(/Maisie|Fairbrook|NS1 2AB/);
  });

  it('reads counter rows and one count of the overdue index only, whatever the number of episodes', async () => {
    const table = api.store.tables['early-help'];
    const from = api.storeCalls.length;
    await stats();
    const calls = api.storeCalls.slice(from).filter((call) => call.table === table);
    expect(calls.map((c) => c.command).sort()).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand']);
    expect(calls.filter((c) => c.index === 'gsi1')).toHaveLength(1);
  });
});
