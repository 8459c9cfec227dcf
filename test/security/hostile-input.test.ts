import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/platform/http.ts';
import { areaForPath } from '../../shared/deployment/routes.ts';
import { TABLE_IDS } from '../../shared/deployment/tables.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { EDGE_STRINGS, hostileFor, junk, malformedJson, text } from '../support/security-arbitraries.ts';
import { fixtures } from '../support/security-fixtures.ts';
import {
  appsOver,
  CALLERS,
  type Caller,
  callerTokens,
  leaksIn,
  problemIssues,
  recordFigures,
  routerRoutes,
  type Snapshot,
  snapshot,
  snapshotChanges,
  stringsIn,
  trackWrites,
} from '../support/security-harness.ts';
import { declarationOf, type PreparedWrite, WRITE_ROUTES } from '../support/security-routes.ts';

/**
 * Hostile input: property-based tests with fast-check over every write route and
 * every read route, with bodies, queries, headers and path parameters generated from the routes' own
 * zod schemas and then broken, plus malformed JSON, oversize bodies and tampered, stolen and expired
 * cursors. Every answer must be below 500, free of internals, problem+json when it is an error, and
 * a refused request must leave the store as it was (only its own "denied" audit entry may be added).
 *
 * SECURITY_FUZZ_SCALE scales the number of generated requests; SECURITY_FUZZ_SEED replays a run.
 */
const SCALE = Number(process.env.SECURITY_FUZZ_SCALE ?? 1);
const SEED = Number(process.env.SECURITY_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WRITE_RUNS = Math.round(300 * SCALE);
const READ_RUNS = Math.round(150 * SCALE);

let api: TestApi;
let tokens: Record<Caller, string | undefined>;
let fx: ReturnType<typeof fixtures>;
let writes: ReturnType<typeof trackWrites>;
let clockOffset = 0;
const started = performance.now();
const stats = {
  seed: SEED,
  generatedRequests: 0,
  accepted: 0,
  refused: 0,
  serverErrors: 0,
  leaks: 0,
  notProblemJson: 0,
  refusedThatWrote: 0,
  snapshotBatches: 0,
  snapshotChanges: 0,
  oversize: 0,
  malformed: 0,
  cursors: 0,
};
const byRoute: Record<string, { requests: number; accepted: number }> = {};

beforeAll(async () => {
  api = await createTestApi({ clock: () => new Date(Date.now() + clockOffset) });
  tokens = await callerTokens(api);
  fx = fixtures(api);
  writes = trackWrites(api.store.db);
});

afterAll(async () => {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const f = stats;
  const perSecond = Math.round(f.generatedRequests / seconds);
  recordFigures(
    'hostile',
    { ...f, seconds, requestsPerSecond: perSecond, routes: Object.keys(byRoute).length },
    `${f.generatedRequests} generated requests on ${Object.keys(byRoute).filter((r) => !r.startsWith('batch ')).length} routes ` +
      `(${f.accepted} accepted, ${f.refused} refused; ${f.oversize} oversize, ${f.malformed} malformed, ` +
      `${f.cursors} bad cursors): ${f.serverErrors} × 5xx, ${f.leaks} leaking internals, ` +
      `${f.notProblemJson} errors not problem+json, ${f.refusedThatWrote} refusals that wrote, ` +
      `${f.snapshotChanges} changes in ${f.snapshotBatches} refused batches; seed ${f.seed} (${seconds} s, ${perSecond}/s)`,
  );
  await api?.close();
});

interface Sent {
  method: string;
  path: string;
  caller?: Caller;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Sends one generated request and returns what is wrong with its answer, or nothing. */
async function exercise(route: string, sent: Sent): Promise<string[]> {
  // A path that normalises out of /api (`/api/referrals/..`) never reaches an app: API Gateway answers it.
  if (!areaForPath(new URL(sent.path, 'http://x').pathname)) return [];
  writes.take();
  const token = sent.token ?? (sent.caller ? tokens[sent.caller] : undefined);
  const res = await api.request(sent.method, sent.path, {
    ...(token ? { token } : {}),
    ...(sent.body !== undefined ? { body: sent.body } : {}),
    ...(sent.rawBody !== undefined ? { rawBody: sent.rawBody } : {}),
    ...(sent.headers ? { headers: sent.headers } : {}),
  });
  const text = await res.text();
  const written = writes.take();
  stats.generatedRequests++;
  const counts = byRoute[route] ?? { requests: 0, accepted: 0 };
  byRoute[route] = counts;
  counts.requests++;
  const wrong: string[] = [];
  if (res.status >= 500) {
    stats.serverErrors++;
    wrong.push(`answered ${res.status}: ${text.slice(0, 300)}`);
  }
  const inputs = [
    ...stringsIn(sent.body),
    ...(sent.rawBody !== undefined ? [sent.rawBody] : []),
    ...safeDecode(sent.path).split(/[/?&=]/),
    ...Object.values(sent.headers ?? {}),
  ];
  const leaks = leaksIn(text, inputs);
  if (leaks.length) {
    stats.leaks++;
    wrong.push(...leaks.map((l) => `leaks ${l}`));
  }
  if (res.status >= 400) {
    stats.refused++;
    const issues = problemIssues(res, text);
    if (issues.length) {
      stats.notProblemJson++;
      wrong.push(...issues);
    }
    // A refused request writes nothing but, at most, the audit entry of its own refusal.
    const changed = written.filter((w) => !w.items.every((i) => i.outcome === 'denied'));
    if (changed.length) {
      stats.refusedThatWrote++;
      wrong.push(`a ${res.status} wrote ${JSON.stringify(changed)}`);
    }
  } else {
    stats.accepted++;
    counts.accepted++;
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 304 && !/^(application\/json|text\/csv)/.test(type)) wrong.push(`2xx as ${type}`);
  }
  return wrong.map((w) => `${sent.method} ${sent.path.slice(0, 120)}: ${w}`);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** A header value a client could really send (no control characters, Latin-1 only). */
const headerText = (max: number) =>
  fc
    .string({
      unit: fc.oneof(
        fc.constantFrom(
          '"',
          'W',
          '/',
          ',',
          ' ',
          '*',
          '-',
          '_',
          '1',
          '9',
          '0',
          'a',
          'Z',
          '\u00e9',
          '\u00ff',
          ';',
          '=',
        ),
        fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)),
      ),
      maxLength: max,
    })
    .map((s) => s.trim());

const contentTypes = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=utf-16',
      'application/merge-patch+json',
      'APPLICATION/JSON',
      'application/jsonx',
    ),
  },
);

/** Replaces the path parameter of `template` in `path` with `value`. */
function withParam(template: string, path: string, value: string): string {
  const t = template.split('/');
  const p = path.split('?')[0]?.split('/') ?? [];
  const i = t.findIndex((s) => s.startsWith('{'));
  if (i < 0) return path;
  p[i] = encodeParam(value);
  return p.join('/');
}

/** Percent-encodes a path segment; a lone surrogate (which cannot be) becomes invalid UTF-8 bytes. */
function encodeParam(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

const BAD_IDS = [
  '01JAAAAAAAAAAAAAAAAAAAAAAA',
  '0'.repeat(26),
  'a'.repeat(300),
  '..',
  '.',
  '-1',
  '1.5',
  '1e3',
  '999999999999',
  ' ',
  'null',
  '%',
  'REFERRAL#x',
  '\u0000',
  '\uD800',
  '😀',
];

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

describe('every read route, with generated queries, parameters and callers', () => {
  const cursors: string[] = [];

  beforeAll(async () => {
    // Real cursors to tamper with: a page of one, for each list.
    for (let i = 0; i < 2; i++) await fx.action();
    await fx.referral('submitted');
    await fx.referral('submitted', 'B');
    for (const [caller, path] of [
      ['referrerA', '/api/agencies?limit=1'],
      ['admin', '/api/agencies?limit=1'],
      ['board', '/api/board/actions?limit=1'],
      ['triage', '/api/referrals?limit=1'],
    ] as const) {
      const res = await api.request('GET', path, { token: tokens[caller] as string });
      const next = ((await res.json()) as { nextCursor: string | null }).nextCursor;
      if (next) cursors.push(next);
    }
  });

  const reads = () => routerRoutes().filter((r) => r.method === 'GET');

  it(`every GET route: ${READ_RUNS} generated requests each, none answered 5xx or leaked`, async () => {
    expect(cursors.length).toBeGreaterThanOrEqual(3);
    const records = {
      id: (await fx.referral('submitted')).id,
      action: (await fx.action()).id,
    };
    for (const [index, read] of reads().entries()) {
      const declared = declarationOf(`GET ${read.path}`);
      const concrete = read.path
        .replace(
          '{id}',
          read.path.startsWith('/api/board')
            ? records.action
            : read.path.startsWith('/api/agencies')
              ? 'northshire-police'
              : records.id,
        )
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
    const lists = [
      ['admin', '/api/agencies'],
      ['board', '/api/board/actions'],
      ['triage', '/api/referrals'],
    ] as const;
    for (const [owner, path] of lists) {
      const first = await api.request('GET', `${path}?limit=1`, { token: tokens[owner] as string });
      const cursor = ((await first.json()) as { nextCursor: string }).nextCursor;
      expect(cursor, path).toBeTruthy();
      const [payload = '', signature = ''] = cursor.split('.');
      const forged = Buffer.from(
        JSON.stringify({ k: { pk: 'REFERRAL#x', sk: 'REFERRAL' }, u: 'x', e: 9e15 }),
      ).toString('base64url');
      const other: Caller = owner === 'triage' ? 'referrerA' : owner === 'admin' ? 'referrerA' : 'triage';
      const cases: [string, string, Caller][] = [
        ['payload tampered', `${payload.slice(0, -2)}AA.${signature}`, owner],
        ['signature tampered', `${payload}.${signature.slice(0, -2)}AA`, owner],
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
            ? `${path}?overdue=true&`
            : path;
        const sep = list.endsWith('&') ? '' : '?';
        const res = await api.request('GET', `${list}${sep}limit=1&cursor=${encodeURIComponent(value)}`, {
          token: tokens[caller] as string,
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
          token: tokens[owner] as string,
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
              authorization: `Bearer ${tokens[write.as] ?? ''}`,
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
          writes.take();
          const res = await raw.fetch(prepared.path, init);
          const text = await res.text();
          stats.oversize++;
          stats.generatedRequests++;
          expect(res.status, `${write.route} ${size} ${how}`).toBe(413);
          expect(problemIssues(res, text)).toEqual([]);
          expect(calls(), 'the store was not asked anything').toBe(callsBefore);
          expect(writes.take()).toEqual([]);
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
