import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Episode } from '../../shared/early-help/schema.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import {
  assessment,
  auditOf,
  CONSENT,
  clockedApi,
  decidedReferral,
  episodeUnderReview,
  list,
  plan,
  problem,
  read,
  review,
  startEpisode,
  step,
  write,
} from './early-help-fixtures.ts';

/**
 * Who may read and change an episode, and what the trail says of it: an episode the caller may not
 * read answers exactly as a missing one; a reader who may not act gets 403; the referring agency
 * outside the team reads a summary with nothing of the child or the plan; every read and write is
 * audited.
 */
const { api, at } = clockedApi('2026-06-01T09:00:00Z');

const MISSING = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
const sameBody = (p: Problem) => ({ ...p, instance: undefined, requestId: undefined });

/** An episode led by Joe's agency with nobody else in its team: the referring school is outside it. */
let episode: Episode;
beforeAll(async () => {
  at('2026-06-01T09:00:00Z');
  episode = await startEpisode(api, (await decidedReferral(api)).id, 'harbour-family-support');
  episode = await step(api, 'joe', episode, 'POST', 'lead', { answer: 'accepted' });
  episode = await step(api, 'joe', episode, 'PUT', 'consent', { ...CONSENT, agreedOn: '2026-06-01' });
  episode = await step(api, 'joe', episode, 'PUT', 'assessment', assessment('2026-06-01', '2026-06-01'));
  episode = await step(api, 'joe', episode, 'PUT', 'plan', plan('2026-06-01'));
});

describe('an episode the caller may not read', () => {
  const writes = [
    ['POST', 'lead-request', { agencyId: 'northshire-police' }],
    ['POST', 'lead', { answer: 'accepted' }],
    ['PUT', 'consent', CONSENT],
    ['PUT', 'team', { members: [] }],
    ['PUT', 'assessment', assessment('2026-06-01')],
    ['PUT', 'plan', plan('2026-06-01')],
    ['POST', 'reviews', { ...review({ plan: undefined } as unknown as Episode, '2026-06-01', 'continue') }],
    ['POST', 'close', { reason: 'moved_away' }],
  ] as const;

  it('answers every read and write exactly as a missing episode, for every role and agency outside it', async () => {
    for (const as of ['dan', 'nadia', 'priya', 'tom', 'helen', 'sam']) {
      const missing = await problem(await read(api, as, MISSING), 404);
      const hidden = await problem(await read(api, as, episode.id), 404);
      expect(sameBody(hidden), as).toEqual(sameBody(missing));
      expect(hidden.detail).toBe('Episode not found');
      for (const [method, path, body] of writes) {
        const a = await problem(await write(api, as, { id: MISSING, version: 1 }, method, path, body), 404);
        const b = await problem(await write(api, as, episode, method, path, body), 404);
        expect(sameBody(b), `${as} ${method} ${path}`).toEqual(sameBody(a));
      }
    }
  });

  it('answers the front door a missing episode with the same 404', async () => {
    const missing = await problem(await read(api, 'grace', MISSING), 404);
    expect(missing.detail).toBe('Episode not found');
    await problem(
      await write(api, 'grace', { id: MISSING, version: 1 }, 'POST', 'close', { reason: 'other', note: 'x' }),
      404,
    );
  });
});

describe('a reader who may not act', () => {
  it('is refused with 403: the front door and the referrer cannot do the lead’s work', async () => {
    for (const as of ['grace', 'amira']) {
      for (const [method, path, body] of [
        ['PUT', 'team', { members: [] }],
        ['PUT', 'plan', plan('2026-06-01')],
        ['POST', 'reviews', review(episode, '2026-06-01', 'continue')],
      ] as const) {
        const res = await write(api, as, episode, method, path, body);
        expect(res.status, `${as} ${path}`).toBe(403);
      }
    }
  });
});

describe('the referring agency outside the team', () => {
  it('reads that an episode exists, who leads it and its state: nothing of the child or the plan', async () => {
    const res = await read(api, 'amira', episode.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${episode.version}"`);
    const summary = (await res.json()) as Record<string, unknown>;
    expect(summary).toEqual({
      id: episode.id,
      reference: episode.reference,
      state: 'reviewing',
      leadAgencyId: 'harbour-family-support',
      leadAnswer: 'accepted',
      leadName: 'Joe Kamara',
    });
    const text = JSON.stringify(summary);
    for (const secret of ['Maisie', 'Fairbrook', '2018-05-14', 'breakfast', 'Kerry', 'calmer'])
      expect(text).not.toContain(secret);
    // Nor is it on the school's own list.
    expect((await list(api, 'amira')).map((e) => e.id)).not.toContain(episode.id);
  });
});

describe('the audit trail', () => {
  it('records every read, whole or in summary, under the child’s subject key', async () => {
    await read(api, 'grace', episode.id);
    await read(api, 'amira', episode.id);
    const trail = await auditOf(api, 'episode', episode.id);
    const reads = trail.filter((e) => e.action === 'episode.read' && e.outcome === 'allowed');
    const readers = reads.map((e) => e.actor.userId);
    expect(readers).toEqual(expect.arrayContaining([api.user('grace').sub, api.user('amira').sub]));
    expect(reads.find((e) => e.actor.userId === api.user('amira').sub)?.detail).toBe('summary');
    expect(reads.every((e) => e.subjectKey?.startsWith('s:'))).toBe(true);
  });

  it('records every refused read of the episode as denied', async () => {
    const trail = await auditOf(api, 'episode', episode.id);
    const denied = trail.filter((e) => e.outcome === 'denied').map((e) => e.actor.userId);
    expect(denied).toEqual(expect.arrayContaining([api.user('dan').sub, api.user('tom').sub]));
  });

  it('records every write, with what it did', async () => {
    const trail = await auditOf(api, 'episode', episode.id);
    const writes = trail.filter((e) => e.outcome === 'allowed' && e.action !== 'episode.read');
    expect(writes.map((e) => [e.action, e.detail])).toEqual(
      expect.arrayContaining([
        ['episode.create', expect.stringContaining('from referral')],
        ['episode.lead-answer', 'accepted'],
        ['episode.consent', undefined],
        ['episode.assessment', 'completed'],
        ['episode.plan', 'agreed'],
      ]),
    );
  });

  it('records each list read with the ids it returned, and in each listed episode’s trail', async () => {
    at('2026-06-02T09:00:00Z');
    const shown = await list(api, 'grace', 'open');
    expect(shown.map((e) => e.id)).toContain(episode.id);
    const listEntries = await auditOf(api, 'episode-list', 'front-door:open');
    expect(listEntries.at(-1)).toMatchObject({ action: 'episode.list', ids: shown.map((e) => e.id) });
    const listed = (await auditOf(api, 'episode', episode.id)).filter((e) => e.action === 'episode.listed');
    expect(listed.at(-1)).toMatchObject({
      detail: 'front-door:open',
      actor: { userId: api.user('grace').sub },
    });
  });

  it('finds the episode’s entries by the child, for a subject access request', async () => {
    const [entry] = (await auditOf(api, 'episode', episode.id)).filter((e) => e.subjectKey);
    const { Items } = await api.store.db.send(
      new QueryCommand({
        TableName: api.store.tables.audit,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `SUBJECT#${entry?.subjectKey}` },
      }),
    );
    const types = new Set((Items ?? []).map((i) => (i.entity as { type: string }).type));
    expect(types).toEqual(new Set(['referral', 'episode']));
  });
});

describe('a stale write', () => {
  it('answers 409 with the episode as the caller may read it now', async () => {
    const fresh = await episodeUnderReview(api, at);
    const stale = await problem(
      await write(api, 'joe', fresh, 'PUT', 'team', { members: [] }, fresh.version - 1),
      409,
    );
    expect((stale as { current?: Episode }).current).toMatchObject({ id: fresh.id, version: fresh.version });
    expect(stale.detail).toBe('Someone else changed this episode since you read it');
  });
});
