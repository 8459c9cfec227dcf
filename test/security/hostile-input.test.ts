import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/platform/http.ts';
import { TABLE_IDS } from '../../shared/deployment/tables.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { EDGE_STRINGS, hostileFor, junk, malformedJson, text } from '../support/security-arbitraries.ts';
import { fixtures } from '../support/security-fixtures.ts';
import {
  appsOver,
  CALLERS,
  callerTokens,
  problemIssues,
  routerRoutes,
  type Snapshot,
  snapshot,
  snapshotChanges,
  trackWrites,
} from '../support/security-harness.ts';
import {
  BAD_IDS,
  contentTypes,
  exerciser,
  headerText,
  newHostileRun,
  recordHostile,
  SCALE,
  SEED,
  type Sent,
  withParam,
} from '../support/security-hostile.ts';
import { declarationOf, type PreparedWrite, WRITE_ROUTES } from '../support/security-routes.ts';

/**
 * Hostile input on the write routes: property-based tests with fast-check over every write route,
 * with bodies, headers and path parameters generated from the routes' own zod schemas and then
 * broken, plus malformed JSON and oversize bodies. Every answer must be below 500, free of
 * internals, problem+json when it is an error, and a refused request must leave the store as it was
 * (only its own "denied" audit entry may be added). The read routes: hostile-reads.test.ts.
 */
const WRITE_RUNS = Math.round(300 * SCALE);

let api: TestApi;
let fx: ReturnType<typeof fixtures>;
const started = performance.now();
const run = newHostileRun();
const { stats } = run;
const exercise = exerciser(run);

beforeAll(async () => {
  api = await createTestApi();
  fx = fixtures(api);
  run.api = api;
  run.tokens = await callerTokens(api);
  run.writes = trackWrites(api.store.db);
});

afterAll(async () => {
  recordHostile('hostile', run, started);
  await api?.close();
});

describe('every write route, with generated hostile requests', () => {
  it('has a generator for every write route the routers answer', () => {
    const routes = routerRoutes()
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`);
    const covered = WRITE_ROUTES.map((w) => w.route);
    expect(routes.filter((r) => !covered.includes(r))).toEqual([]);
    expect(covered.filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const [index, write] of WRITE_ROUTES.entries()) {
    it(`${write.route}: ${WRITE_RUNS} generated requests, none answered 5xx, leaked or half-written`, async () => {
      const [method, template] = write.route.split(' ') as [string, string];
      const declared = declarationOf(write.route);
      // A few records to aim at; accepted requests move them on, so later ones meet other states too.
      const pool: PreparedWrite[] = [];
      for (let i = 0; i < 4; i++) pool.push(await write.prepare(fx));
      let keys = 0;
      const usedKey = `reused-key-${index}-${SEED}`;
      type Body = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; raw: string };
      const json = (a: fc.Arbitrary<unknown>) => a.map((value): Body => ({ kind: 'json', value }));
      const raw = malformedJson.map((text): Body => ({ kind: 'raw', raw: text }));
      const body: fc.Arbitrary<Body> = declared.body
        ? fc.oneof({ weight: 10, arbitrary: json(hostileFor(declared.body)) }, { weight: 1, arbitrary: raw })
        : fc.oneof(
            { weight: 4, arbitrary: fc.constant<Body>({ kind: 'none' }) },
            { weight: 1, arbitrary: json(junk) },
            { weight: 1, arbitrary: raw },
          );
      const request = fc.record({
        pick: fc.nat(pool.length - 1),
        body,
        caller: fc.oneof(
          { weight: 8, arbitrary: fc.constant(write.as) },
          { weight: 1, arbitrary: fc.constantFrom(...CALLERS) },
        ),
        ifMatch: fc.oneof(
          { weight: 8, arbitrary: fc.constant<string | null>(null) },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '',
              '"0"',
              '"999999999"',
              'W/"1"',
              '"1"',
              '*',
              '"1", "2"',
              '1',
              '"-1"',
              '"1e3"',
              '"9999999999"',
            ),
          },
          { weight: 1, arbitrary: headerText(40) },
        ),
        key: fc.oneof(
          { weight: 8, arbitrary: fc.constant<string | null>(null) },
          { weight: 1, arbitrary: fc.constant(usedKey) },
          { weight: 1, arbitrary: headerText(140) },
        ),
        contentType: contentTypes,
        param: fc.oneof(
          { weight: 10, arbitrary: fc.constant<string | null>(null) },
          { weight: 1, arbitrary: fc.constantFrom(...BAD_IDS) },
          { weight: 1, arbitrary: text(0, 30) },
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const prepared = pool[r.pick] as PreparedWrite;
          const headers: Record<string, string> = { ...prepared.headers, 'content-type': r.contentType };
          if (r.ifMatch !== null) headers['if-match'] = r.ifMatch;
          if (headers['idempotency-key'] !== undefined || r.key !== null)
            headers['idempotency-key'] = r.key ?? `fuzz-${index}-${SEED}-${keys++}`;
          const path = r.param === null ? prepared.path : withParam(template, prepared.path, r.param);
          const b = r.body;
          if (b.kind === 'none') delete headers['content-type'];
          const wrong = await exercise(write.route, {
            method,
            path,
            caller: r.caller,
            headers,
            ...(b.kind === 'raw' ? { rawBody: b.raw } : {}),
            ...(b.kind === 'json' ? { rawBody: JSON.stringify(b.value) ?? 'null', body: b.value } : {}),
          });
          expect(wrong).toEqual([]);
        }),
        { numRuns: WRITE_RUNS, seed: SEED + index, endOnFailure: false },
      );
    });
  }
});

describe('bodies that are too big, or not JSON', () => {
  // Records to aim at are made first; from then on every request in this block must be refused.
  const withBody = () => WRITE_ROUTES.filter((w) => declarationOf(w.route).body !== undefined);
  let targets: PreparedWrite[];
  let before: Snapshot;
  let raw: Awaited<ReturnType<typeof appsOver>>;
  beforeAll(async () => {
    raw = await appsOver(api, api.store.db);
    targets = [];
    for (const write of WRITE_ROUTES) targets.push(await write.prepare(fx));
    before = await snapshot(api.store.db, api.store.tables);
  });

  it('answers 413 before parsing for any body over 64 KB, sized or streamed, on every write route', async () => {
    const calls = () => api.storeCalls.length;
    for (const [index, write] of WRITE_ROUTES.entries()) {
      const prepared = targets[index] as PreparedWrite;
      const [method] = write.route.split(' ') as [string];
      for (const size of [MAX_BODY_BYTES + 1, MAX_BODY_BYTES + 7, 100_000, 1_000_000]) {
        for (const how of ['sized', 'streamed'] as const) {
          const body = `{"concerns":"${'x'.repeat(size - '{"concerns":""}'.length)}"}`;
          const bytes = new TextEncoder().encode(body);
          const init: RequestInit & { duplex?: string } = {
            method,
            headers: {
              authorization: `Bearer ${run.tokens[write.as] ?? ''}`,
              'content-type': 'application/json',
              ...prepared.headers,
              ...(how === 'sized' ? { 'content-length': String(bytes.length) } : {}),
            },
            body:
              how === 'sized'
                ? body
                : new ReadableStream({
                    start(controller) {
                      for (let i = 0; i < bytes.length; i += 16_384)
                        controller.enqueue(bytes.subarray(i, i + 16_384));
                      controller.close();
                    },
                  }),
            ...(how === 'streamed' ? { duplex: 'half' } : {}),
          };
          const callsBefore = calls();
          run.writes.take();
          const res = await raw.fetch(prepared.path, init);
          const text = await res.text();
          stats.oversize++;
          stats.generatedRequests++;
          expect(res.status, `${write.route} ${size} ${how}`).toBe(413);
          expect(problemIssues(res, text)).toEqual([]);
          expect(calls(), 'the store was not asked anything').toBe(callsBefore);
          expect(run.writes.take()).toEqual([]);
        }
      }
    }
  });

  it('answers malformed JSON and unicode edge cases with 400 problem+json on every route that takes a body', async () => {
    const isObject = (text: string) => {
      try {
        const value = JSON.parse(text.replace(/^\uFEFF/, ''));
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      } catch {
        return false;
      }
    };
    const bodies = [
      ...fc.sample(malformedJson, { numRuns: 60, seed: SEED + 500 }).filter((b) => !isObject(b)),
      ...EDGE_STRINGS.map((s) => JSON.stringify({ [s]: s })),
      '{"concerns":"\\uD800\\uDC00\\uDFFF", "x": 1}',
      `{"x":"${'\\u202E'.repeat(500)}"}`,
    ];
    for (const write of withBody()) {
      const prepared = targets[WRITE_ROUTES.indexOf(write)] as PreparedWrite;
      const [method] = write.route.split(' ') as [string];
      for (const rawBody of bodies) {
        const res = await exercise(write.route, {
          method,
          path: prepared.path,
          caller: write.as,
          rawBody,
          headers: prepared.headers ?? {},
        });
        stats.malformed++;
        expect(res).toEqual([]);
      }
    }
  });

  it('left every table as it was (only refusals were audited)', async () => {
    const after = await snapshot(api.store.db, api.store.tables);
    stats.snapshotBatches++;
    const changes = snapshotChanges(before, after, (table) => table === 'audit');
    stats.snapshotChanges += changes.length;
    expect(changes).toEqual([]);
    const added = [...after.tables.audit.keys()].filter((k) => !before.tables.audit.has(k));
    for (const key of added)
      expect(JSON.parse(after.tables.audit.get(key) as string).outcome, key).toBe('denied');
  });
});

describe('a batch of requests refused by construction', () => {
  it('changes no table: item counts and contents are the same before and after, audit aside', async () => {
    const routes = WRITE_ROUTES.filter(
      (w) => declarationOf(w.route).body !== undefined && w.route !== 'POST /api/guidance/check',
    );
    const targets: PreparedWrite[] = [];
    for (const write of routes) targets.push(await write.prepare(fx));
    const before = await snapshot(api.store.db, api.store.tables);
    const batch = fc.sample(
      fc.record({
        route: fc.nat(routes.length - 1),
        how: fc.constantFrom('anonymous', 'unknown field', 'malformed', 'wrong role', 'bad token'),
        raw: malformedJson,
      }),
      { numRuns: Math.round(600 * SCALE), seed: SEED + 999 },
    );
    for (const { route, how, raw } of batch) {
      const write = routes[route];
      const prepared = targets[route];
      if (!write || !prepared) continue;
      const [method] = write.route.split(' ') as [string];
      const body = { ...(prepared.body as object | undefined), unexpectedField: true };
      const sent: Sent =
        how === 'anonymous'
          ? { method, path: prepared.path, body }
          : how === 'unknown field'
            ? { method, path: prepared.path, caller: write.as, body }
            : how === 'malformed'
              ? { method, path: prepared.path, caller: write.as, rawBody: `\u0001${raw}` }
              : how === 'bad token'
                ? { method, path: prepared.path, token: 'a.b.c', body: prepared.body }
                : { method, path: prepared.path, caller: 'noRole', body: prepared.body };
      sent.headers = { ...prepared.headers };
      const wrong = await exercise(`batch ${write.route}`, sent);
      expect(wrong).toEqual([]);
    }
    const after = await snapshot(api.store.db, api.store.tables);
    stats.snapshotBatches++;
    const changes = snapshotChanges(before, after, (table) => table === 'audit');
    stats.snapshotChanges += changes.length;
    expect(changes).toEqual([]);
    for (const id of TABLE_IDS.filter((t) => t !== 'audit'))
      expect(after.tables[id].size, id).toBe(before.tables[id].size);
    // Only refusals were audited meanwhile.
    const added = [...after.tables.audit.keys()].filter((k) => !before.tables.audit.has(k));
    for (const key of added)
      expect(JSON.parse(after.tables.audit.get(key) as string).outcome, key).toBe('denied');
  });
});
