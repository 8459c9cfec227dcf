import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionView, ProgressUpdate } from '../../shared/board/schema.ts';
import type { Agency } from '../../shared/directory/schema.ts';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import type { Problem } from '../../shared/platform/problem.ts';
import type { Referral, ReferralSummary, TimelineEntry } from '../../shared/referrals/schema.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import { actionFields, fixtures, idempotencyKey } from '../support/security-fixtures.ts';
import { type Caller, callerTokens, problemIssues, recordFigures } from '../support/security-harness.ts';

/**
 * Concurrency: many requests at once on one record. Exactly one wins each race;
 * the others get a clear 409 with the current record (or, for a retried creation, the same answer
 * again); nothing is lost and nothing is counted twice. Three races are in test/api already and are
 * not repeated here: 50 creations with one Idempotency-Key and 10 simultaneous decisions
 * (referrals.api.test.ts), 50 progress updates to one action (board.api.test.ts).
 */
let api: TestApi;
let tokens: Record<Caller, string | undefined>;
let fx: ReturnType<typeof fixtures>;
let secondTriage: string;
const started = performance.now();
const figures = { races: 0, requests: 0, winners: 0, conflicts: 0, replays: 0, other: 0 };

beforeAll(async () => {
  api = await createTestApi();
  tokens = await callerTokens(api);
  fx = fixtures(api);
  // A second officer at the front door, so two people can open the same referral at once.
  secondTriage = await api.tokenFor('helen', {
    'cognito:groups': ['triage'],
    agencyId: 'northshire-front-door',
  });
});

afterAll(async () => {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const f = figures;
  recordFigures(
    'concurrency',
    { ...f, seconds },
    `${f.races} races, ${f.requests} simultaneous requests: ${f.winners} accepted (one per race; every one of 20 notes), ${f.conflicts} × 409, ` +
      `${f.replays} idempotent replays, ${f.other} other answers (${seconds} s)`,
  );
  await api?.close();
});

interface Raced {
  status: number;
  body: Record<string, unknown>;
}

/** Sends all at once; checks every loser is a well-formed 409 (or the allowed status) and returns the answers. */
async function race(
  requests: (() => Promise<Response>)[],
  { win = [200, 201], lose = [409] }: { win?: number[]; lose?: number[] } = {},
): Promise<{ winners: Raced[]; losers: Raced[]; all: Raced[] }> {
  figures.races++;
  const responses = await Promise.all(requests.map((r) => r()));
  const all: Raced[] = [];
  for (const res of responses) {
    const text = await res.text();
    figures.requests++;
    if (res.status >= 400) expect(problemIssues(res, text)).toEqual([]);
    all.push({ status: res.status, body: JSON.parse(text) as Record<string, unknown> });
  }
  const winners = all.filter((a) => win.includes(a.status));
  const losers = all.filter((a) => lose.includes(a.status));
  figures.winners += winners.length;
  figures.conflicts += all.filter((a) => a.status === 409).length;
  figures.other += all.length - winners.length - losers.length;
  expect(all.map((a) => a.status).filter((s) => !win.includes(s) && !lose.includes(s))).toEqual([]);
  for (const loser of losers.filter((l) => l.status === 409))
    expect((loser.body as Problem).title).toBeTruthy();
  return { winners, losers, all };
}

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/** The one winner's body. */
function winner<T>(winners: Raced[]): T {
  const [first] = winners;
  if (!first) throw new Error('no winner');
  return first.body as unknown as T;
}

async function read<T>(path: string, as: Caller = 'triage'): Promise<T> {
  return (await (await api.request('GET', path, { token: tokens[as] as string })).json()) as T;
}

describe('one referral, many hands', () => {
  it('two tabs submit one draft: one submission, one timeline entry, counted once', async () => {
    const draft = await fx.referral('draft');
    const month = new Date().toISOString().slice(0, 7);
    // The counter itself: the published figure hides a count this small.
    const submittedCount = async () => {
      const { Item } = await api.store.db.send(
        new GetCommand({
          TableName: api.store.tables.referrals,
          Key: { pk: 'STATS', sk: `M#${month}#AGENCY#${draft.agencyId}` },
        }),
      );
      return Number(Item?.submitted ?? 0);
    };
    const before = await submittedCount();
    const { winners, losers } = await race(
      times(
        8,
        () => () =>
          api.request('POST', `/api/referrals/${draft.id}/submit`, {
            token: tokens.referrerA as string,
            headers: { 'if-match': `"${draft.version}"` },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(7);
    for (const l of losers) expect((l.body as { current?: Referral }).current?.status).toBe('submitted');
    const after = await read<Referral & { timeline: TimelineEntry[] }>(
      `/api/referrals/${draft.id}`,
      'referrerA',
    );
    expect(after.timeline.filter((e) => e.kind === 'submitted')).toHaveLength(1);
    expect(await submittedCount()).toBe(before + 1);
    const queue = await read<{ items: ReferralSummary[] }>('/api/referrals?limit=200');
    expect(queue.items.filter((r) => r.id === draft.id)).toHaveLength(1);
  });

  it('two officers open the same referral: it becomes exactly one officer’s', async () => {
    const submitted = await fx.referral('submitted');
    const { winners } = await race(
      times(
        10,
        (i) => () =>
          api.request('POST', `/api/referrals/${submitted.id}/review`, {
            token: i % 2 ? (tokens.triage as string) : secondTriage,
            headers: { 'if-match': `"${submitted.version}"` },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    const after = await read<Referral & { timeline: TimelineEntry[] }>(`/api/referrals/${submitted.id}`);
    expect(after.reviewer?.name).toBe(winner<Referral>(winners).reviewer?.name);
    expect(after.timeline.filter((e) => e.kind === 'review_started')).toHaveLength(1);
  });

  it('the referrer withdraws as the front door opens it: one of the two, never both', async () => {
    for (let round = 0; round < 5; round++) {
      const submitted = await fx.referral('submitted');
      const { winners } = await race([
        () =>
          api.request('POST', `/api/referrals/${submitted.id}/withdraw`, {
            token: tokens.referrerA as string,
            headers: { 'if-match': `"${submitted.version}"` },
            body: { reason: 'The family moved away.' },
          }),
        () =>
          api.request('POST', `/api/referrals/${submitted.id}/review`, {
            token: tokens.triage as string,
            headers: { 'if-match': `"${submitted.version}"` },
          }),
      ]);
      expect(winners).toHaveLength(1);
      const after = await read<Referral & { timeline: TimelineEntry[] }>(`/api/referrals/${submitted.id}`);
      expect(after.status).toBe(winner<Referral>(winners).status);
      const kinds = after.timeline.map((e) => e.kind);
      expect(kinds.includes('withdrawn') && kinds.includes('review_started')).toBe(false);
    }
  });

  it('ten closes of one decided referral: closed once', async () => {
    const decided = await fx.referral('decided');
    const { winners } = await race(
      times(
        10,
        () => () =>
          api.request('POST', `/api/referrals/${decided.id}/close`, {
            token: tokens.triage as string,
            headers: { 'if-match': `"${decided.version}"` },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    const after = await read<Referral & { timeline: TimelineEntry[] }>(`/api/referrals/${decided.id}`);
    expect(after.timeline.filter((e) => e.kind === 'closed')).toHaveLength(1);
  });

  it('simultaneous edits of one draft: one is saved whole, none is merged or lost silently', async () => {
    const draft = await fx.referral('draft');
    const { winners, losers } = await race(
      times(
        10,
        (i) => () =>
          api.request('PATCH', `/api/referrals/${draft.id}`, {
            token: tokens.referrerA as string,
            headers: { 'if-match': `"${draft.version}"` },
            body: { concerns: `Version ${i} of the concerns`, triedSoFar: `Tried ${i}` },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(9);
    const saved = await read<Referral>(`/api/referrals/${draft.id}`, 'referrerA');
    const i = /Version (\d+)/.exec(saved.concerns ?? '')?.[1];
    expect(saved.triedSoFar).toBe(`Tried ${i}`);
    expect(saved.version).toBe(draft.version + 1);
  });

  it('twenty notes at once: every one kept, in the timeline exactly once', async () => {
    const submitted = await fx.referral('submitted');
    const { winners } = await race(
      times(
        20,
        (i) => () =>
          api.request('POST', `/api/referrals/${submitted.id}/notes`, {
            token: i % 2 ? (tokens.referrerA as string) : (tokens.triage as string),
            body: { text: `Note number ${i}` },
          }),
      ),
      { win: [201], lose: [] },
    );
    expect(winners).toHaveLength(20);
    const after = await read<Referral & { timeline: TimelineEntry[] }>(`/api/referrals/${submitted.id}`);
    const notes = after.timeline.filter((e) => e.kind === 'note').map((e) => e.text);
    expect(notes.sort()).toEqual(times(20, (i) => `Note number ${i}`).sort());
  });

  it('one Idempotency-Key with different bodies at once: one referral; the others refused or replayed', async () => {
    const key = idempotencyKey();
    const { winners, all } = await race(
      times(
        10,
        (i) => () =>
          api.request('POST', '/api/referrals', {
            token: tokens.referrerA as string,
            headers: { 'idempotency-key': key },
            body: completeReferral({ concerns: `Body ${i % 2}` }),
          }),
      ),
      { win: [201], lose: [200, 422] },
    );
    expect(winners).toHaveLength(1);
    figures.replays += all.filter((a) => a.status === 200).length;
    const id = winner<Referral>(winners).id;
    for (const a of all.filter((x) => x.status === 200)) expect((a.body as unknown as Referral).id).toBe(id);
    const list = await read<{ items: ReferralSummary[] }>('/api/referrals?limit=200', 'referrerA');
    expect(list.items.filter((r) => r.id === id)).toHaveLength(1);
  });
});

describe('one action, many board members', () => {
  it('twenty simultaneous edits of one action: one wins, the rest see the current record', async () => {
    const action = await fx.action();
    const { winners, losers } = await race(
      times(
        20,
        (i) => () =>
          api.request('PATCH', `/api/board/actions/${action.id}`, {
            token: tokens.board as string,
            headers: { 'if-match': `"${action.version}"` },
            body: { title: `Title ${i}`, lead: `Lead ${i}` },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const l of losers)
      expect((l.body as { current?: ActionView }).current?.version).toBe(action.version + 1);
    const after = await read<ActionView>(`/api/board/actions/${action.id}`, 'board');
    expect(after.lead).toBe(after.title.replace('Title', 'Lead'));
  });

  it('closing while others post progress: exactly one change lands, nothing after the close', async () => {
    const action = await fx.action();
    const close = () =>
      api.request('POST', `/api/board/actions/${action.id}/close`, {
        token: tokens.board as string,
        headers: { 'if-match': `"${action.version}"` },
        body: { evidence: [{ title: 'Signed report' }], signOff: { name: 'Helen Marsh', role: 'Chair' } },
      });
    const progress = (i: number) => () =>
      api.request('POST', `/api/board/actions/${action.id}/updates`, {
        token: tokens.board as string,
        headers: { 'if-match': `"${action.version}"` },
        body: { narrative: `Progress ${i}` },
      });
    const { winners } = await race([close, ...times(9, progress)]);
    expect(winners).toHaveLength(1);
    const after = await read<ActionView & { updates: ProgressUpdate[] }>(
      `/api/board/actions/${action.id}`,
      'board',
    );
    expect(after.version).toBe(action.version + 1);
    expect(after.updates.length + (after.status === 'complete' ? 1 : 0)).toBe(1);
  });

  it('two actions with one reference at once: one is added', async () => {
    const reference = `SEC-RACE-${Date.now().toString(36).toUpperCase()}`.slice(0, 20);
    const { winners } = await race(
      times(
        10,
        () => () =>
          api.request('POST', '/api/board/actions', {
            token: tokens.board as string,
            body: actionFields({ reference }),
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    const plan = await read<{ items: ActionView[] }>('/api/board/actions?limit=200', 'board');
    expect(plan.items.filter((a) => a.reference === reference)).toHaveLength(1);
  });
});

describe('the directory and the guidance', () => {
  it('ten agencies with one name at once: one is added', async () => {
    const name = `Race Agency ${Date.now().toString(36)}`;
    const { winners } = await race(
      times(
        10,
        (i) => () =>
          api.request('POST', '/api/agencies', {
            token: tokens.admin as string,
            body: { name: i % 2 ? name : name.toUpperCase(), kind: 'voluntary' },
          }),
      ),
      { win: [201] },
    );
    expect(winners).toHaveLength(1);
  });

  it('ten renames of one agency at once: one name is taken, the others stay free', async () => {
    const agency = await fx.agency();
    const names = times(10, (i) => `Renamed Race ${Date.now().toString(36)} ${i}`);
    const { winners } = await race(
      names.map(
        (name) => () =>
          api.request('PATCH', `/api/agencies/${agency.id}`, {
            token: tokens.admin as string,
            headers: { 'if-match': `"${agency.version}"` },
            body: { name },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    const won = winner<Agency>(winners).name;
    // The losers' names were never claimed; the old name was freed; the winner's is taken.
    for (const name of [...names.filter((n) => n !== won), agency.name]) {
      const res = await api.request('POST', '/api/agencies', {
        token: tokens.admin as string,
        body: { name, kind: 'voluntary' },
      });
      expect(res.status, name).toBe(201);
    }
    const taken = await api.request('POST', '/api/agencies', {
      token: tokens.admin as string,
      body: { name: won, kind: 'voluntary' },
    });
    expect(taken.status).toBe(409);
  });

  it('ten editors start a draft at once: one draft', async () => {
    await fx.noDraft();
    const { winners } = await race(
      times(
        10,
        () => () =>
          api.request('POST', '/api/guidance/versions', { token: tokens.editor as string, body: {} }),
      ),
    );
    expect(winners).toHaveLength(1);
    const versions = await read<{ items: { status: string }[] }>('/api/guidance/versions', 'editor');
    expect(versions.items.filter((v) => v.status === 'draft')).toHaveLength(1);
  });

  it('ten publications of one draft at once: published once, one current version, one superseded', async () => {
    const draft = await fx.approvedDraft();
    const before = await read<{ items: { version: number; status: string }[] }>(
      '/api/guidance/versions',
      'editor',
    );
    const { winners } = await race(
      times(
        10,
        () => () =>
          api.request('POST', `/api/guidance/versions/${draft.version}/publish`, {
            token: tokens.editor as string,
            headers: { 'if-match': `"${draft.revision}"` },
            body: { changeSummary: 'Raced.', effectiveFrom: '2026-12-01' },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    const after = await read<{ items: { version: number; status: string }[] }>(
      '/api/guidance/versions',
      'editor',
    );
    expect(after.items.filter((v) => v.status === 'published')).toHaveLength(1);
    expect(after.items.filter((v) => v.status === 'superseded')).toHaveLength(
      before.items.filter((v) => v.status === 'superseded').length + 1,
    );
    const current = await read<GuidanceVersion>('/api/guidance', 'editor');
    expect(current.version).toBe(draft.version);
  });

  it('ten approvals of one draft at once: approved once, the rest refused', async () => {
    const draft = await fx.draftToApprove();
    const { winners } = await race(
      times(
        10,
        () => () =>
          api.request('POST', `/api/guidance/versions/${draft.version}/approve`, {
            token: tokens.editor as string,
            headers: { 'if-match': `"${draft.revision}"` },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    const approved = await read<GuidanceVersion>(`/api/guidance/versions/${draft.version}`, 'editor');
    expect(approved.revision).toBe(draft.revision + 1);
  });

  it('ten saves of one draft at once: one saved, the rest told it changed', async () => {
    const draft = await fx.cleanDraft();
    const { winners } = await race(
      times(
        10,
        (i) => () =>
          api.request('PUT', `/api/guidance/versions/${draft.version}`, {
            token: tokens.editor as string,
            headers: { 'if-match': `"${draft.revision}"` },
            body: { framework: draft.framework, changeSummary: `Save ${i}` },
          }),
      ),
    );
    expect(winners).toHaveLength(1);
    const saved = await read<GuidanceVersion>(`/api/guidance/versions/${draft.version}`, 'editor');
    expect(saved.revision).toBe(draft.revision + 1);
    expect(saved.changeSummary).toBe(winner<GuidanceVersion>(winners).changeSummary);
  });
});
