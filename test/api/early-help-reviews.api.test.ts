import { describe, expect, it } from 'vitest';
import type { Episode } from '../../shared/early-help/schema.ts';
import {
  clockedApi,
  decidedReferral,
  episodeUnderReview,
  fieldsOf,
  list,
  problem,
  read,
  review,
  startEpisode,
  step,
  write,
} from './early-help-fixtures.ts';

/**
 * Reviews of the plan: continue, close because its outcomes are met, step down; and closing an
 * episode for another reason (the step-up has a file of its own).
 */
const { api, at, now } = clockedApi('2026-06-01T09:00:00Z');

describe('a review that continues the plan', () => {
  let episode: Episode;

  it('refuses a review that misses an outcome, predates the plan or scores an outcome it lacks', async () => {
    episode = await episodeUnderReview(api, at);
    at('2026-07-01T09:00:00Z');
    const full = review(episode, '2026-07-01', 'continue');
    const missing = await problem(
      await write(api, 'joe', episode, 'POST', 'reviews', { ...full, progress: full.progress.slice(1) }),
      422,
    );
    expect(fieldsOf(missing)).toEqual(['progress']);
    const early = await problem(
      await write(api, 'joe', episode, 'POST', 'reviews', { ...full, heldOn: '2026-06-11' }),
      422,
    );
    expect(fieldsOf(early)).toEqual(['heldOn']);
    const stranger = await problem(
      await write(api, 'joe', episode, 'POST', 'reviews', {
        ...full,
        progress: [...full.progress, { outcomeId: 'not-an-outcome', score: 3 }],
      }),
      422,
    );
    expect(fieldsOf(stranger)).toEqual(['progress.2.outcomeId']);
    const outOfScale = await problem(
      await write(api, 'joe', episode, 'POST', 'reviews', {
        ...full,
        progress: full.progress.map((p) => ({ ...p, score: 11 })),
      }),
      400,
    );
    expect(fieldsOf(outOfScale)).toEqual(['progress.0.score', 'progress.1.score']);
  });

  it('is recorded, keeps the episode under review and starts the next review’s timer from it', async () => {
    episode = await step(api, 'joe', episode, 'POST', 'reviews', review(episode, '2026-07-01', 'continue'));
    expect(episode.state).toBe('reviewing');
    expect(episode.reviews).toHaveLength(1);
    expect(episode.reviews[0]).toMatchObject({
      heldOn: '2026-07-01',
      decision: 'continue',
      recordedAt: now().toISOString(),
      recordedBy: { userId: api.user('joe').sub, name: 'Joe Kamara' },
    });
    expect(episode.reviews[0]?.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(episode.timers.filter((t) => t.kind === 'review')).toEqual([
      { kind: 'review', from: '2026-06-12', dueOn: '2026-07-24', metOn: '2026-07-01', status: 'met_on_time' },
      { kind: 'review', from: '2026-07-01', dueOn: '2026-08-12', status: 'running', workingDaysLeft: 30 },
    ]);
    const again = (await (await read(api, 'amira', episode.id)).json()) as Episode;
    expect(again.reviews.map((r) => r.id)).toEqual(episode.reviews.map((r) => r.id));
  });

  it('is the lead’s agency’s to record: a team member and the front door may not', async () => {
    at('2026-07-02T09:00:00Z');
    for (const as of ['amira', 'grace']) {
      const res = await write(api, as, episode, 'POST', 'reviews', review(episode, '2026-07-02', 'continue'));
      expect(res.status, as).toBe(403);
    }
  });

  it('closes the episode when its outcomes are met: its timers stop, and it moves to the closed list', async () => {
    at('2026-07-20T09:00:00Z');
    episode = await step(api, 'joe', episode, 'POST', 'reviews', review(episode, '2026-07-20', 'close'));
    expect(episode).toMatchObject({
      state: 'closed',
      drift: false,
      closure: { reason: 'outcomes_met', closedOn: '2026-07-20', by: { name: 'Joe Kamara' } },
    });
    expect(episode.timers.every((t) => t.metOn !== undefined)).toBe(true);
    expect(episode.timers.map((t) => t.kind)).toEqual(['lead', 'assessment', 'plan', 'review', 'review']);
    expect((await list(api, 'grace', 'open')).map((e) => e.id)).not.toContain(episode.id);
    expect((await list(api, 'joe')).map((e) => e.id)).not.toContain(episode.id);
    const closed = await list(api, 'grace', 'closed');
    expect(closed.find((e) => e.id === episode.id)).toMatchObject({
      state: 'closed',
      closedOn: '2026-07-20',
      closureReason: 'outcomes_met',
      drift: false,
    });
    // Closed, it takes no more reviews.
    const after = await problem(
      await write(api, 'joe', episode, 'POST', 'reviews', review(episode, '2026-07-20', 'continue')),
      409,
    );
    expect(after.detail).toBe('This episode is closed');
  });
});

describe('stepping down and closing', () => {
  it('steps down to universal services at a review', async () => {
    let episode = await episodeUnderReview(api, at);
    at('2026-07-10T09:00:00Z');
    episode = await step(api, 'joe', episode, 'POST', 'reviews', review(episode, '2026-07-09', 'step_down'));
    expect(episode).toMatchObject({
      state: 'closed',
      closure: { reason: 'stepped_down', closedOn: '2026-07-09' },
    });
    expect(episode.steppedUpTo).toBeUndefined();
  });

  it('closes for another reason with a note, by the lead’s agency or the front door', async () => {
    let episode = await episodeUnderReview(api, at);
    at('2026-06-20T09:00:00Z');
    const noNote = await problem(await write(api, 'joe', episode, 'POST', 'close', { reason: 'other' }), 422);
    expect(fieldsOf(noNote)).toEqual(['note']);
    const steppedUp = await problem(
      await write(api, 'joe', episode, 'POST', 'close', { reason: 'stepped_up' }),
      422,
    );
    expect(fieldsOf(steppedUp)).toEqual(['reason']);
    expect((await write(api, 'amira', episode, 'POST', 'close', { reason: 'moved_away' })).status).toBe(403);
    episode = await step(api, 'grace', episode, 'POST', 'close', {
      reason: 'moved_away',
      note: 'Moved to Leeds.',
    });
    expect(episode).toMatchObject({
      state: 'closed',
      closure: {
        reason: 'moved_away',
        note: 'Moved to Leeds.',
        closedOn: '2026-06-20',
        by: { name: 'Grace Obi' },
      },
    });
    // The review it never held is neither running nor overdue.
    expect(episode.timers.map((t) => t.kind)).toEqual(['lead', 'assessment', 'plan']);
  });

  it('closes an episode still waiting for a lead, when the family withdraws consent', async () => {
    at('2026-06-01T09:00:00Z');
    let episode = await startEpisode(api, (await decidedReferral(api)).id);
    episode = await step(api, 'grace', episode, 'POST', 'close', { reason: 'consent_withdrawn' });
    expect(episode).toMatchObject({ state: 'closed', closure: { reason: 'consent_withdrawn' }, timers: [] });
  });
});
