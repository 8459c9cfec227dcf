import { beforeAll, describe, expect, it } from 'vitest';
import type { Episode, EpisodeSummary } from '../../shared/early-help/schema.ts';
import {
  assessment,
  CONSENT,
  clockedApi,
  decidedReferral,
  fieldsOf,
  list,
  plan,
  problem,
  read,
  startEpisode,
  step,
} from './early-help-fixtures.ts';

/**
 * Each timer's drift alarm on the lists, with the clock moved forward: the front door's open and
 * overdue views (most urgent first, overdue a key condition on the due date), an agency's own
 * list, and who may read which.
 */
const { api, at } = clockedApi('2026-06-01T09:00:00Z');

/** Four episodes started on Monday 1 June, each waiting on a different timer. */
const episodes: Record<'lead' | 'assessment' | 'plan' | 'review', Episode> = {} as never;

const ids = (items: EpisodeSummary[]) => items.map((e) => e.id);
const row = (items: EpisodeSummary[], e: Episode) => items.find((i) => i.id === e.id);

describe('each timer’s drift alarm', () => {
  beforeAll(async () => {
    at('2026-06-01T09:00:00Z');
    const begin = async () => startEpisode(api, (await decidedReferral(api)).id, 'harbour-family-support');
    episodes.lead = await begin();
    let e = await step(api, 'joe', await begin(), 'POST', 'lead', { answer: 'accepted' });
    episodes.assessment = e;
    e = await step(api, 'joe', await begin(), 'POST', 'lead', { answer: 'accepted' });
    e = await step(api, 'joe', e, 'PUT', 'consent', { ...CONSENT, agreedOn: '2026-06-01' });
    episodes.plan = await step(api, 'joe', e, 'PUT', 'assessment', assessment('2026-06-01', '2026-06-01'));
    e = await step(api, 'joe', await begin(), 'POST', 'lead', { answer: 'accepted' });
    e = await step(api, 'joe', e, 'PUT', 'assessment', assessment('2026-06-01', '2026-06-01'));
    episodes.review = await step(api, 'joe', e, 'PUT', 'plan', plan('2026-06-01'));
  });

  it('lists open episodes soonest due first, none of them overdue yet', async () => {
    at('2026-06-05T09:00:00Z');
    const open = await list(api, 'grace', 'open');
    const dues = open.map((e) => e.running?.dueOn);
    expect(dues).toEqual([...dues].sort());
    // Lead and plan both fall due on Monday 8 June; the older episode first.
    expect(open.map((e) => e.running?.kind)).toEqual(['lead', 'plan', 'assessment', 'review']);
    expect(row(open, episodes.review)?.running).toEqual({
      kind: 'review',
      from: '2026-06-01',
      dueOn: '2026-07-13',
      status: 'running',
      workingDaysLeft: 26,
    });
    expect(open.every((e) => !e.drift)).toBe(true);
    expect(await list(api, 'grace', 'overdue')).toEqual([]);
  });

  it('raises the lead’s and the plan’s alarms the working day after they fall due', async () => {
    at('2026-06-08T20:00:00Z');
    expect(await list(api, 'grace', 'overdue')).toEqual([]);
    at('2026-06-09T09:00:00Z');
    const overdue = await list(api, 'grace', 'overdue');
    expect(ids(overdue).sort()).toEqual([episodes.lead.id, episodes.plan.id].sort());
    expect(row(overdue, episodes.lead)).toMatchObject({
      drift: true,
      running: { kind: 'lead', dueOn: '2026-06-08', status: 'overdue', workingDaysLeft: -1 },
    });
    expect(row(overdue, episodes.plan)?.running).toMatchObject({ kind: 'plan', status: 'overdue' });
    // The lead's agency sees the same alarms on its own list.
    const mine = await list(api, 'joe');
    expect(ids(mine).sort()).toEqual(
      Object.values(episodes)
        .map((e) => e.id)
        .sort(),
    );
    expect(
      mine
        .filter((e) => e.drift)
        .map((e) => e.id)
        .sort(),
    ).toEqual(ids(overdue).sort());
    const whole = (await (await read(api, 'grace', episodes.lead.id)).json()) as Episode;
    expect(whole.drift).toBe(true);
    expect(whole.timers).toEqual([
      { kind: 'lead', from: '2026-06-01', dueOn: '2026-06-08', status: 'overdue', workingDaysLeft: -1 },
    ]);
  });

  it('raises the assessment’s alarm after twenty working days, and the review’s after thirty', async () => {
    at('2026-06-30T09:00:00Z');
    expect(ids(await list(api, 'grace', 'overdue'))).toContain(episodes.assessment.id);
    expect(ids(await list(api, 'grace', 'overdue'))).not.toContain(episodes.review.id);
    at('2026-07-14T09:00:00Z');
    const overdue = await list(api, 'grace', 'overdue');
    expect(overdue.map((e) => e.running?.kind).sort()).toEqual(['assessment', 'lead', 'plan', 'review']);
    expect(overdue.every((e) => e.drift)).toBe(true);
    // Most overdue first.
    const dues = overdue.map((e) => e.running?.dueOn ?? '');
    expect(dues).toEqual([...dues].sort());
  });

  it('reads each list with one Query on an index designed for it, never a Scan', async () => {
    const table = api.store.tables['early-help'];
    for (const [as, view, index] of [
      ['grace', 'open', 'gsi1'],
      ['grace', 'overdue', 'gsi1'],
      ['grace', 'closed', 'gsi1'],
      ['joe', 'mine', 'gsi2'],
    ] as const) {
      const from = api.storeCalls.length;
      await list(api, as, view);
      const calls = api.storeCalls.slice(from).filter((call) => call.table === table);
      expect(calls, view).toEqual([{ command: 'QueryCommand', table, index }]);
    }
    expect(api.storeCalls.some((call) => call.command === 'ScanCommand' && call.table === table)).toBe(false);
  });

  it('pages with a cursor that belongs to its list', async () => {
    const first = await api.request('GET', '/api/episodes?view=open&limit=3', { as: 'grace' });
    const page = (await first.json()) as { items: EpisodeSummary[]; nextCursor: string | null };
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await api.request(
      'GET',
      `/api/episodes?view=open&limit=3&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
      { as: 'grace' },
    );
    const rest = (await next.json()) as { items: EpisodeSummary[] };
    expect([...ids(page.items), ...ids(rest.items)].sort()).toEqual(
      Object.values(episodes)
        .map((e) => e.id)
        .sort(),
    );
    const elsewhere = await problem(
      await api.request(
        'GET',
        `/api/episodes?view=closed&cursor=${encodeURIComponent(page.nextCursor ?? '')}`,
        {
          as: 'grace',
        },
      ),
      400,
    );
    expect(fieldsOf(elsewhere)).toEqual(['cursor']);
  });
});

describe('who reads which list', () => {
  it('gives the front door its views by default, and a practitioner their agency’s', async () => {
    const open = await list(api, 'grace');
    expect(open.length).toBe(4);
    expect(await list(api, 'amira')).toEqual([]);
    expect(await list(api, 'dan')).toEqual([]);
  });

  it('refuses the front door’s views to anyone else, and a list of their own to those of no agency’s practice', async () => {
    for (const [as, view] of [
      ['joe', 'open'],
      ['amira', 'overdue'],
      ['tom', 'closed'],
      ['tom', 'mine'],
      ['sam', 'mine'],
      ['grace', 'mine'],
    ] as const) {
      const res = await api.request('GET', `/api/episodes?view=${view}`, { as });
      expect(res.status, `${as} ${view}`).toBe(403);
    }
    expect((await api.request('GET', '/api/episodes')).status).toBe(401);
    const bad = await problem(
      await api.request('GET', '/api/episodes?view=everything', { as: 'grace' }),
      400,
    );
    expect(fieldsOf(bad)).toEqual(['view']);
  });
});
