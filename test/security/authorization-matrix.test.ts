import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import { DECISION, fixtures, idempotencyKey } from '../support/security-fixtures.ts';
import {
  CALLERS,
  type Caller,
  callerTokens,
  documentedRoutes,
  fieldsBeyond,
  holdFirstWrite,
  leaksIn,
  problemIssues,
  recordFigures,
  routerRoutes,
} from '../support/security-harness.ts';
import {
  comparable,
  expectedFor,
  type MatrixContext,
  MISSING_ULID,
  MISSING_VERSION,
  type Row,
} from '../support/security-matrix.ts';
import { attachmentRows } from '../support/security-matrix-attachments.ts';
import { consultationRows } from '../support/security-matrix-consultations.ts';
import { episodeRows } from '../support/security-matrix-episodes.ts';
import { coreRows } from '../support/security-matrix-rows.ts';
import { serviceRows } from '../support/security-matrix-services.ts';

/**
 * The authorization matrix (SECURITY.md): every route the apps' routers answer ×
 * every kind of caller × the record's owner (agency A, agency B, or no such record; for an
 * early-help episode also a third agency's), each cell with the answer it must get. A route without
 * a row fails the suite; so does a row whose route is gone. A record the caller may not see must
 * answer exactly as one that does not exist. The rows are in test/support/security-matrix-*.ts.
 */
let api: TestApi;
let tokens: Record<Caller, string | undefined>;
let fx: ReturnType<typeof fixtures>;
const started = performance.now();
const figures = {
  routes: 0,
  rows: 0,
  cells: 0,
  unroutedCases: 0,
  indistinguishablePairs: 0,
  mismatches: 0,
  /** Referrals, 409 `current`s and replays compared with the same caller's read of the record. */
  viewChecks: 0,
  /** Fields one of those carried that the caller's own read did not. */
  viewLeaks: 0,
  races: 0,
  raceRequests: 0,
  raceConflicts: 0,
  replays: 0,
};

beforeAll(async () => {
  api = await createTestApi();
  tokens = await callerTokens(api);
  fx = fixtures(api);
  // A second published version, so "what changed" has a published version with a predecessor.
  await fx.draft();
  await fx.noDraft();
}, 120_000);

afterAll(async () => {
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const f = figures;
  recordFigures(
    'matrix',
    { ...f, seconds },
    `${f.cells} cells (${f.routes} routes × ${CALLERS.length} callers × own / another agency's / missing record), ` +
      `${f.indistinguishablePairs} refusals identical to a missing record's, ${f.unroutedCases} unrouted methods → 404; ` +
      `${f.races} races (${f.raceRequests} requests, ${f.raceConflicts} × 409, ${f.replays} replays); ` +
      `${f.viewChecks} answers compared with the caller's own read, ${f.viewLeaks} fields beyond it: ` +
      `${f.mismatches} mismatches (${seconds} s)`,
  );
  await api?.close();
});

const ctx: MatrixContext = {
  get api() {
    return api;
  },
  get fx() {
    return fx;
  },
};
const ROWS: Row[] = [
  ...coreRows(ctx),
  ...episodeRows(ctx),
  ...serviceRows(ctx),
  ...consultationRows(ctx),
  ...attachmentRows(ctx),
];

/** What an answer shows of a record beyond what the same caller's own read of it shows. */
async function beyondOwnRead(caller: Caller, shown: unknown, path: string): Promise<string[]> {
  const token = tokens[caller];
  const res = await api.request('GET', path, token ? { token } : {});
  figures.viewChecks++;
  if (res.status !== 200) return [`answered with a record its own read answers ${res.status}`];
  const extra = fieldsBeyond(shown, await res.json());
  figures.viewLeaks += extra.length;
  return extra.map((field) => `shows ${field}, which its own read does not`);
}

describe('the matrix covers every route', () => {
  it('has a row for every route the routers answer, and no row for a route that is gone', () => {
    const routes = routerRoutes().map((r) => `${r.method} ${r.path}`);
    figures.routes = routes.length;
    const rows = new Set(ROWS.map((r) => r.route));
    expect(
      routes.filter((r) => !rows.has(r)),
      'routes without a row',
    ).toEqual([]);
    expect(
      [...rows].filter((r) => !routes.includes(r)),
      'rows without a route',
    ).toEqual([]);
  });

  it('lists every route the routers answer in the OpenAPI document, and nothing else', () => {
    const routes = routerRoutes().map((r) => `${r.method} ${r.path}`);
    const documented = documentedRoutes();
    expect(
      routes.filter((r) => !documented.includes(r)),
      'answered but not documented',
    ).toEqual([]);
    expect(
      documented.filter((r) => !routes.includes(r)),
      'documented but not answered',
    ).toEqual([]);
  });
});

describe('every route × every caller × own, another agency’s and a missing record', () => {
  for (const row of ROWS) {
    it(`${row.route}${row.variant ? ` (${row.variant})` : ''}`, async () => {
      figures.rows++;
      const mismatches: string[] = [];
      for (const caller of CALLERS) {
        const answers = new Map<string, { status: number; text: string; ids: string[] }>();
        for (const [index, target] of row.targets.entries()) {
          const expected = expectedFor(row, caller, index);
          const prepared = await row.prepare(target, caller, expected < 300);
          const [method] = row.route.split(' ');
          const token = tokens[caller];
          const res = await api.request(method as string, prepared.path, {
            ...(token ? { token } : {}),
            ...(prepared.body !== undefined ? { body: prepared.body } : {}),
            ...(prepared.headers ? { headers: prepared.headers } : {}),
          });
          const text = await res.text();
          figures.cells++;
          const where = `${caller} × ${target}`;
          if (res.status !== expected)
            mismatches.push(`${where}: ${res.status}, expected ${expected} ${text.slice(0, 160)}`);
          if (res.status >= 400) {
            for (const issue of problemIssues(res, text)) mismatches.push(`${where}: ${issue}`);
          } else if (row.check && res.status === expected) {
            try {
              row.check(caller, row.route.endsWith('.csv') ? text : JSON.parse(text), target);
            } catch (error) {
              mismatches.push(`${where}: ${(error as Error).message}`);
            }
          }
          for (const leak of leaksIn(text)) mismatches.push(`${where}: leaks ${leak}`);
          if (row.readBack && (res.status === 409 || (res.status < 300 && method !== 'GET'))) {
            const body = JSON.parse(text) as { current?: { id?: unknown } } & { id?: unknown };
            const shown = res.status === 409 ? body.current : body;
            const path = shown && row.readBack(prepared, shown, res.status, caller);
            if (path)
              mismatches.push(...(await beyondOwnRead(caller, shown, path)).map((m) => `${where}: ${m}`));
          }
          answers.set(target, { status: res.status, text, ids: prepared.ids ?? [] });
        }
        // What the caller may not see answers exactly as what does not exist.
        const missing = answers.get('missing');
        if (!missing || missing.status < 400) continue;
        for (const [target, answer] of answers) {
          if (target === 'missing' || answer.status !== missing.status) continue;
          figures.indistinguishablePairs++;
          const ids = [...answer.ids, ...missing.ids];
          if (comparable(answer.text, ids) !== comparable(missing.text, ids)) {
            mismatches.push(`${caller} × ${target}: answers differently from a missing record`);
          }
        }
      }
      figures.mismatches += mismatches.length;
      expect(mismatches).toEqual([]);
    });
  }
});

describe('methods a route does not answer', () => {
  it('answer 404 problem+json, signed in or not, and never reach a handler', async () => {
    const routes = routerRoutes();
    const byPath = new Map<string, Set<string>>();
    for (const r of routes) byPath.set(r.path, (byPath.get(r.path) ?? new Set()).add(r.method));
    const problems: string[] = [];
    for (const [path, methods] of byPath) {
      const concrete = path
        .replace('{id}', MISSING_ULID)
        .replace('{referralId}', MISSING_ULID)
        .replace('{version}', String(MISSING_VERSION));
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (methods.has(method)) continue;
        for (const caller of ['anonymous', 'admin'] as const) {
          const token = tokens[caller];
          const res = await api.request(method, concrete, {
            ...(token ? { token } : {}),
            ...(method !== 'GET' ? { body: {} } : {}),
          });
          const text = await res.text();
          figures.unroutedCases++;
          if (res.status !== 404) problems.push(`${caller} ${method} ${path}: ${res.status}`);
          problems.push(...problemIssues(res, text).map((i) => `${caller} ${method} ${path}: ${i}`));
        }
      }
    }
    figures.mismatches += problems.length;
    expect(problems).toEqual([]);
  });
});

describe('racing writes answer each caller as their own read does', () => {
  interface Hand {
    as: Caller;
    send(): Promise<Response>;
  }
  const request = (
    as: Caller,
    method: string,
    path: string,
    init: { body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const token = tokens[as];
    return api.request(method, path, { ...(token ? { token } : {}), ...init });
  };
  const ifMatch = (r: { version: number }) => ({ 'if-match': `"${r.version}"` });

  /**
   * Sends `held` first but holds its write until `others` are answered, so it loses in the store (it
   * read the record before they wrote); `others` race each other as they come. Every 409's `current`
   * and every referral answered (a replay too) is compared with the same caller's own read.
   */
  async function race(matches: (pk: string) => boolean, held: Hand, others: Hand[]) {
    figures.races++;
    let rest: Promise<Response[]> = Promise.resolve([]);
    const release = holdFirstWrite(api.store.db, matches, () => {
      rest = Promise.all(others.map((h) => h.send()));
      return rest;
    });
    const first = await held.send();
    release();
    const answers = [
      { as: held.as, res: first },
      ...(await rest).map((res, i) => ({ as: others[i]?.as as Caller, res })),
    ];
    const problems: string[] = [];
    const statuses: number[] = [];
    for (const [i, { as, res }] of answers.entries()) {
      const text = await res.text();
      figures.raceRequests++;
      statuses.push(res.status);
      const body = JSON.parse(text) as { current?: unknown; version?: unknown; id?: unknown };
      const where = `${i === 0 ? 'held ' : ''}${as} ${res.status}`;
      if (res.status >= 400) problems.push(...problemIssues(res, text).map((p) => `${where}: ${p}`));
      if (res.status === 409) figures.raceConflicts++;
      const shown =
        res.status === 409 ? (body.current as { id?: unknown } | undefined) : body.version ? body : undefined;
      if (res.status === 409 && !shown) problems.push(`${where}: no current record`);
      if (shown)
        problems.push(
          ...(await beyondOwnRead(as, shown, `/api/referrals/${shown.id}`)).map((m) => `${where}: ${m}`),
        );
    }
    figures.mismatches += problems.length;
    expect(problems).toEqual([]);
    return statuses;
  }
  const referralPk = (r: { id: string }) => (pk: string) => pk === `REFERRAL#${r.id}`;

  it('a referral of a child another agency referred, created twice with one key and then submitted twice at once', async () => {
    const flagged = await fx.flagged('draft', 'A');
    const key = idempotencyKey();
    const create = (): Hand => ({
      as: 'referrerA',
      send: () =>
        request('referrerA', 'POST', '/api/referrals', {
          body: completeReferral({ child: flagged.child }),
          headers: { 'idempotency-key': key },
        }),
    });
    const created = await race((pk) => pk.startsWith('IDEMPOTENCY#') && pk.endsWith(`#${key}`), create(), [
      create(),
    ]);
    expect(created).toEqual([200, 201]);
    figures.replays++;

    const submit = (): Hand => ({
      as: 'referrerA',
      send: () =>
        request('referrerA', 'POST', `/api/referrals/${flagged.id}/submit`, { headers: ifMatch(flagged) }),
    });
    const submitted = await race(referralPk(flagged), submit(), [submit(), submit(), submit()]);
    expect(submitted[0]).toBe(409);
    expect(submitted.filter((s) => s === 200)).toHaveLength(1);
    // Once landed, a retry of the creation is answered with the referral as it now stands.
    const replay = await create().send();
    expect(replay.status).toBe(200);
    figures.replays++;
    expect(await beyondOwnRead('referrerA', await replay.json(), `/api/referrals/${flagged.id}`)).toEqual([]);
  });

  it('the referrer withdraws, adds a note or edits as the front door acts: no 409 shows the referrer more', async () => {
    const submitted = await fx.flagged('submitted', 'A');
    const withdraw = await race(
      referralPk(submitted),
      {
        as: 'referrerA',
        send: () =>
          request('referrerA', 'POST', `/api/referrals/${submitted.id}/withdraw`, {
            headers: ifMatch(submitted),
            body: { reason: 'The family moved away.' },
          }),
      },
      [
        {
          as: 'triage',
          send: () =>
            request('triage', 'POST', `/api/referrals/${submitted.id}/review`, {
              headers: ifMatch(submitted),
            }),
        },
      ],
    );
    expect(withdraw).toEqual([409, 200]);

    const decided = await fx.flagged('decided', 'B');
    const note = (as: Caller, i: number): Hand => ({
      as,
      send: () =>
        request(as, 'POST', `/api/referrals/${decided.id}/notes`, { body: { text: `Raced note ${i}` } }),
    });
    const closing = await race(referralPk(decided), note('referrerB', 0), [
      {
        as: 'triage',
        send: () =>
          request('triage', 'POST', `/api/referrals/${decided.id}/close`, { headers: ifMatch(decided) }),
      },
    ]);
    expect(closing).toEqual([409, 200]);

    const inReview = await fx.flagged('in_review', 'A');
    const decide = (): Hand => ({
      as: 'triage',
      send: () =>
        request('triage', 'POST', `/api/referrals/${inReview.id}/decision`, {
          headers: ifMatch(inReview),
          body: DECISION,
        }),
    });
    const decisions = await race(referralPk(inReview), decide(), [decide(), decide()]);
    expect(decisions[0]).toBe(409);

    const draft = await fx.flagged('draft', 'B');
    const edit = (i: number): Hand => ({
      as: 'referrerB',
      send: () =>
        request('referrerB', 'PATCH', `/api/referrals/${draft.id}`, {
          headers: ifMatch(draft),
          body: { concerns: `Edit ${i}` },
        }),
    });
    const edits = await race(referralPk(draft), edit(0), [edit(1), edit(2)]);
    expect(edits[0]).toBe(409);
  });
});
