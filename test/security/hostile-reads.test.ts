import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { hostileFor, text } from '../support/security-arbitraries.ts';
import { fixtures } from '../support/security-fixtures.ts';
import {
  CALLERS,
  type Caller,
  callerTokens,
  routerRoutes,
  trackWrites,
} from '../support/security-harness.ts';
import {
  BAD_IDS,
  exerciser,
  newHostileRun,
  recordHostile,
  SCALE,
  SEED,
  withParam,
} from '../support/security-hostile.ts';
import { declarationOf } from '../support/security-routes.ts';

/**
 * Hostile input on the read routes: fast-check over every GET route the routers answer, with
 * queries, path parameters and callers generated from the routes' own zod schemas and then broken,
 * and tampered, stolen, cross-list and expired cursors. Every answer must be below 500, free of
 * internals and problem+json when it is an error. The write routes: hostile-input.test.ts.
 */
const READ_RUNS = Math.round(150 * SCALE);

let api: TestApi;
let fx: ReturnType<typeof fixtures>;
let clockOffset = 0;
const started = performance.now();
const run = newHostileRun();
const { stats } = run;
const exercise = exerciser(run);

beforeAll(async () => {
  api = await createTestApi({ clock: () => new Date(Date.now() + clockOffset) });
  fx = fixtures(api);
  run.api = api;
  run.tokens = await callerTokens(api);
  run.writes = trackWrites(api.store.db);
});

afterAll(async () => {
  recordHostile('hostile-reads', run, started);
  await api?.close();
});

describe('every read route, with generated queries, parameters and callers', () => {
  const cursors: string[] = [];

  beforeAll(async () => {
    // Real cursors to tamper with: a page of one, for each list.
    for (let i = 0; i < 2; i++) await fx.action();
    await fx.referral('submitted');
    await fx.referral('submitted', 'B');
    for (let i = 0; i < 2; i++) await fx.episodes.episode('assessing');
    for (const [caller, path] of [
      ['referrerA', '/api/agencies?limit=1'],
      ['admin', '/api/agencies?limit=1'],
      ['board', '/api/board/actions?limit=1'],
      ['triage', '/api/referrals?limit=1'],
      ['triage', '/api/episodes?limit=1'],
      ['referrerA', '/api/episodes?limit=1'],
    ] as const) {
      const res = await api.request('GET', path, { token: run.tokens[caller] as string });
      const next = ((await res.json()) as { nextCursor: string | null }).nextCursor;
      if (next) cursors.push(next);
    }
  });

  const reads = () => routerRoutes().filter((r) => r.method === 'GET');

  it(`every GET route: ${READ_RUNS} generated requests each, none answered 5xx or leaked`, async () => {
    expect(cursors.length).toBeGreaterThanOrEqual(3);
    const episode = await fx.episodes.episode('reviewing');
    const records = {
      id: (await fx.referral('submitted')).id,
      action: (await fx.action()).id,
      episode: episode.id,
      episodeReferral: episode.referral?.id ?? '',
    };
    const idFor = (path: string) =>
      path.startsWith('/api/board')
        ? records.action
        : path.startsWith('/api/agencies')
          ? 'northshire-police'
          : path.startsWith('/api/episodes')
            ? records.episode
            : records.id;
    for (const [index, read] of reads().entries()) {
      const declared = declarationOf(`GET ${read.path}`);
      const concrete = read.path
        .replace('{id}', idFor(read.path))
        .replace('{referralId}', records.episodeReferral)
        .replace('{version}', '1');
      const mutatedCursor = fc
        .tuple(
          fc.constantFrom(...(cursors.length ? cursors : ['x.y'])),
          fc.nat(),
          fc.constantFrom('flip', 'cut', 'add', 'swap'),
        )
        .map(([c, at, how]) => {
          const i = at % c.length;
          if (how === 'flip') return `${c.slice(0, i)}${c[i] === 'A' ? 'B' : 'A'}${c.slice(i + 1)}`;
          if (how === 'cut') return c.slice(0, i);
          if (how === 'add') return `${c}.${c.split('.')[1]}`;
          return c.split('.').reverse().join('.');
        });
      const query = declared.query
        ? fc.tuple(
            hostileFor(declared.query),
            fc.option(fc.oneof(mutatedCursor, fc.constantFrom(...cursors, 'x'.repeat(3000)), text(0, 60)), {
              nil: undefined,
            }),
            fc.option(fc.dictionary(text(1, 8), text(0, 8), { maxKeys: 2 }), { nil: undefined }),
          )
        : fc.tuple(
            fc.constant({}),
            fc.constant(undefined),
            fc.option(fc.dictionary(text(1, 8), text(0, 8), { maxKeys: 2 }), { nil: undefined }),
          );
      const request = fc.record({
        query,
        caller: fc.constantFrom(...CALLERS),
        param: fc.oneof(
          { weight: 6, arbitrary: fc.constant<string | null>(null) },
          { weight: 1, arbitrary: fc.constantFrom(...BAD_IDS) },
          { weight: 1, arbitrary: text(0, 30) },
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ query: [fields, cursor, extra], caller, param }) => {
          const params = new URLSearchParams();
          const add = (k: string, v: unknown) => {
            if (Array.isArray(v))
              for (const x of v) params.append(k, typeof x === 'string' ? x : JSON.stringify(x));
            else params.append(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
          };
          if (fields && typeof fields === 'object' && !Array.isArray(fields))
            for (const [k, v] of Object.entries(fields)) add(k, v);
          if (cursor !== undefined) params.set('cursor', cursor);
          for (const [k, v] of Object.entries(extra ?? {})) add(k, v);
          const base = param === null ? concrete : withParam(read.path, concrete, param);
          const qs = params.toString();
          const wrong = await exercise(`GET ${read.path}`, {
            method: 'GET',
            path: qs ? `${base}?${qs}` : base,
            caller,
          });
          expect(wrong).toEqual([]);
        }),
        { numRuns: READ_RUNS, seed: SEED + 100 + index },
      );
    }
  });

  it('refuses tampered, borrowed and expired cursors with 400, naming the cursor', async () => {
    // Change the first character, which carries six whole bits of the first byte. Changing the
    // last ones can leave the decoded bytes as they were (they hold padding bits), about one run in
    // a thousand, and then the "tampered" cursor is the real one.
    const flipFirst = (part: string) => (part.startsWith('A') ? 'B' : 'A') + part.slice(1);
    const lists = [
      ['admin', '/api/agencies'],
      ['board', '/api/board/actions'],
      ['triage', '/api/referrals'],
      ['triage', '/api/episodes'],
    ] as const;
    // The front door's overdue list, which a cursor from its open one must not page through.
    const OVERDUE: Record<string, string> = {
      '/api/referrals': '/api/referrals?overdue=true&',
      '/api/episodes': '/api/episodes?view=overdue&',
    };
    for (const [owner, path] of lists) {
      const first = await api.request('GET', `${path}?limit=1`, { token: run.tokens[owner] as string });
      const cursor = ((await first.json()) as { nextCursor: string }).nextCursor;
      expect(cursor, path).toBeTruthy();
      const [payload = '', signature = ''] = cursor.split('.');
      const forged = Buffer.from(
        JSON.stringify({ k: { pk: 'REFERRAL#x', sk: 'REFERRAL' }, u: 'x', e: 9e15 }),
      ).toString('base64url');
      const other: Caller = owner === 'triage' ? 'referrerA' : owner === 'admin' ? 'referrerA' : 'triage';
      const cases: [string, string, Caller][] = [
        ['payload tampered', `${flipFirst(payload)}.${signature}`, owner],
        ['signature tampered', `${payload}.${flipFirst(signature)}`, owner],
        ['forged payload, old signature', `${forged}.${signature}`, owner],
        ['no signature', payload, owner],
        ['three parts', `${cursor}.x`, owner],
        ['junk', 'not-a-cursor', owner],
        ['too long', 'x'.repeat(2049), owner],
        ['empty', '', owner],
      ];
      cases.push(['another user’s', cursor, other]);
      // The owner's own cursor, on another list (the board can list agencies; the front door, views).
      if (owner === 'board') cases.push(['from the plan, on the agencies', cursor, 'board']);
      if (owner === 'triage') cases.push(['from the open queue, on the overdue one', cursor, 'triage']);
      for (const [what, value, caller] of cases) {
        const list = what.endsWith('on the agencies')
          ? '/api/agencies'
          : what.endsWith('on the overdue one')
            ? (OVERDUE[path] ?? path)
            : path;
        const sep = list.endsWith('&') ? '' : '?';
        const res = await api.request('GET', `${list}${sep}limit=1&cursor=${encodeURIComponent(value)}`, {
          token: run.tokens[caller] as string,
        });
        stats.cursors++;
        stats.generatedRequests++;
        expect(res.status, `${path}: ${what}`).toBe(400);
        const problem = (await res.json()) as { errors?: { field: string }[] };
        expect(problem.errors?.[0]?.field, `${path}: ${what}`).toBe('cursor');
      }
      // An hour later the same cursor has expired.
      clockOffset = 2 * 60 * 60 * 1000;
      try {
        const late = await api.request('GET', `${path}?limit=1&cursor=${encodeURIComponent(cursor)}`, {
          token: run.tokens[owner] as string,
        });
        stats.cursors++;
        stats.generatedRequests++;
        expect(late.status, `${path}: expired`).toBe(400);
        expect(JSON.stringify(await late.json())).toContain('expired');
      } finally {
        clockOffset = 0;
      }
    }
  });
});
