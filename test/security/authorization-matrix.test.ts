import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Referral, ReferralStatus } from '../../shared/referrals/schema.ts';
import { createTestApi, type TestApi } from '../support/api.ts';
import { completeReferral } from '../support/referral-fixtures.ts';
import { actionFields, DECISION, fixtures, idempotencyKey } from '../support/security-fixtures.ts';
import {
  AGENCY_A,
  AGENCY_B,
  CALLER_AGENCY,
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

/**
 * The authorization matrix (SECURITY.md): every route the apps' routers answer ×
 * every kind of caller × the record's owner (agency A, agency B, or no such record), each cell with
 * the answer it must get. A route without a row fails the suite; so does a row whose route is gone.
 * A record the caller may not see must answer exactly as one that does not exist.
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

const MISSING_ULID = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const MISSING_AGENCY = 'no-such-agency';
const MISSING_VERSION = 999;

type Cell = number | readonly number[];
type Expectation = Record<Caller, Cell>;

interface Prepared {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Identifiers in the path, which a refusal may name: replaced before refusals are compared. */
  ids?: string[];
}

interface Row {
  route: string;
  variant?: string;
  /** The records a cell is about; `missing` is always one that does not exist. */
  targets: readonly string[];
  expect: Expectation;
  prepare(target: string, caller: Caller, succeeds: boolean): Promise<Prepared>;
  /** What a successful answer must (not) contain. */
  check?(caller: Caller, body: unknown, target: string): void;
  /**
   * Where the caller reads back the record a write answered with (its body, or a 409's `current`):
   * the answer may carry no field that read does not.
   */
  readBack?(prepared: Prepared, shown: { id?: unknown }, status: number, caller: Caller): string | undefined;
}

/** Every caller gets `status`, except those named. */
const each = (status: Cell, except: Partial<Expectation> = {}): Expectation =>
  ({ ...Object.fromEntries(CALLERS.map((c) => [c, status])), ...except }) as Expectation;
/** Signed in: the anonymous caller gets 401, everyone else as given. */
const signedIn = (status: Cell, except: Partial<Expectation> = {}) =>
  each(status, { anonymous: 401, ...except });
/** Only the named callers get through; the rest 403, the anonymous caller 401. */
const only = (allowed: Partial<Expectation>) => signedIn(403, allowed);

const NONE = ['-'] as const;
const AB = ['A', 'B', 'missing'] as const;

// Records made once and shared by cells that must be refused (a refusal changes nothing, which the
// hostile-input suite proves); a cell that must succeed gets a fresh record of its own.
const shared = new Map<string, Promise<{ id: string; version: number }>>();
async function referralFor(target: string, status: ReferralStatus, fresh: boolean, flagged = false) {
  if (target === 'missing') return { id: MISSING_ULID, version: 1 };
  const agency = target as 'A' | 'B';
  const make = () => (flagged ? fx.flagged(status, agency) : fx.referral(status, agency));
  if (fresh) return make();
  const key = `${flagged ? 'flagged:' : ''}${status}:${agency}`;
  if (!shared.has(key)) shared.set(key, make());
  return (await shared.get(key)) as { id: string; version: number };
}
async function actionFor(target: string, fresh: boolean) {
  if (target === 'missing') return { id: MISSING_ULID, version: 1 };
  if (fresh) return fx.action();
  if (!shared.has('action')) shared.set('action', fx.action());
  return (await shared.get('action')) as { id: string; version: number };
}
const otherAgency = (caller: Caller) => (CALLER_AGENCY[caller] === AGENCY_B ? AGENCY_A : AGENCY_B);
const agencyFor = (target: string, caller: Caller) =>
  target === 'own'
    ? (CALLER_AGENCY[caller] ?? AGENCY_A)
    : target === 'other'
      ? otherAgency(caller)
      : MISSING_AGENCY;
async function versionFor(target: string, succeeds: boolean) {
  if (target === 'missing') return { version: MISSING_VERSION, revision: 1 };
  if (target === 'draft') {
    const draft = await fx.draft();
    return { version: draft.version, revision: draft.revision, framework: draft.framework };
  }
  if (succeeds) await fx.noDraft();
  return { version: await fx.published(), revision: 1 };
}

const referralRow = (
  route: string,
  status: ReferralStatus,
  expect: Expectation,
  body?: () => unknown,
  variant?: string,
  { flagged = false, check }: { flagged?: boolean; check?: Row['check'] } = {},
): Row => ({
  route,
  ...(variant ? { variant } : {}),
  ...(check ? { check } : {}),
  targets: AB,
  expect,
  // A note's answer is the note; every other answer is the referral.
  readBack: (prepared, _shown, status) =>
    route.endsWith('/notes') && status < 300 ? undefined : `/api/referrals/${prepared.ids?.[0]}`,
  async prepare(target, _caller, succeeds) {
    const r = await referralFor(target, status, succeeds, flagged);
    const suffix = route.split('{id}')[1] ?? '';
    return {
      path: `/api/referrals/${r.id}${suffix}`,
      headers: { 'if-match': `"${r.version}"` },
      ...(body ? { body: body() } : {}),
      ids: [r.id],
    };
  },
});

const actionRow = (route: string, expect: Expectation, body?: () => unknown): Row => ({
  route,
  targets: ['existing', 'missing'],
  expect,
  async prepare(target, _caller, succeeds) {
    const a = await actionFor(target, succeeds);
    const suffix = route.split('{id}')[1] ?? '';
    return {
      path: `/api/board/actions/${a.id}${suffix}`,
      headers: { 'if-match': `"${a.version}"` },
      ...(body ? { body: body() } : {}),
      ids: [a.id],
    };
  },
});

const simple = (
  route: string,
  expect: Expectation,
  extra: Omit<Prepared, 'path'> & { query?: string } = {},
): Row => ({
  route,
  targets: NONE,
  expect,
  async prepare() {
    const { query, ...rest } = extra;
    return { path: `${route.split(' ')[1]}${query ?? ''}`, ...rest };
  },
});

// Referrers: A owns A's records, B owns B's; the front door reads anything submitted.
const ownOnly = { referrerA: [200, 404, 404], referrerB: [404, 200, 404] } as const;
const ownOnlyCreated = { referrerA: [201, 404, 404], referrerB: [404, 201, 404] } as const;
const frontDoor = { triage: [200, 200, 404] } as const;

const ROWS: Row[] = [
  // The directory and the platform.
  simple('GET /api/health', each(200)),
  simple('GET /api/openapi.json', each(200)),
  simple('GET /api/config', each(200)),
  {
    ...simple('GET /api/me', signedIn(200)),
    check(caller, body) {
      const me = body as { roles: string[]; agency: { id: string } | null };
      expect(me.agency?.id ?? null).toBe(caller === 'noAgency' ? null : CALLER_AGENCY[caller]);
      expect(me.roles).toHaveLength(caller === 'noRole' ? 0 : 1);
    },
  },
  simple('GET /api/agencies', signedIn(200)),
  {
    route: 'POST /api/agencies',
    targets: NONE,
    expect: only({ admin: 201 }),
    async prepare() {
      return {
        path: '/api/agencies',
        body: { name: `Matrix Agency ${Math.random().toString(36).slice(2, 8)}`, kind: 'other' },
      };
    },
  },
  {
    route: 'GET /api/agencies/{id}',
    targets: ['own', 'other', 'missing'],
    expect: signedIn([200, 200, 404]),
    async prepare(target, caller) {
      const id = agencyFor(target, caller);
      return { path: `/api/agencies/${id}`, ids: [id] };
    },
  },
  {
    route: 'PATCH /api/agencies/{id}',
    targets: ['own', 'other', 'missing'],
    expect: only({ admin: [200, 200, 404] }),
    async prepare(target, caller, succeeds) {
      const id = agencyFor(target, caller);
      const version = succeeds ? await fx.agencyVersion(id) : 1;
      return {
        path: `/api/agencies/${id}`,
        headers: { 'if-match': `"${version}"` },
        body: { active: true },
        ids: [id],
      };
    },
  },
  {
    route: 'GET /api/audit',
    targets: NONE,
    expect: only({ admin: 200 }),
    async prepare() {
      const r = await referralFor('A', 'submitted', false);
      return { path: `/api/audit?entity=referral&id=${r.id}` };
    },
  },
  {
    route: 'GET /api/audit/actors/{id}',
    targets: NONE,
    expect: only({ admin: 200 }),
    async prepare() {
      return {
        path: `/api/audit/actors/${api.user('amira').sub}`,
        headers: { 'x-access-reason': 'Matrix check' },
      };
    },
  },
  {
    ...simple('POST /api/audit/subject-access', only({ admin: 200 }), {
      body: {
        firstName: 'Maisie',
        lastName: 'Fairbrook',
        dateOfBirth: '2018-05-14',
        reason: 'SAR ref matrix',
      },
    }),
    check(_caller, body) {
      expect((body as { reason: string }).reason).toBe('SAR ref matrix');
    },
  },

  // People's access: the system owner suspends and restores a person (one who is no caller here).
  {
    route: 'POST /api/people/{id}/suspend',
    targets: NONE,
    expect: only({ admin: 200 }),
    async prepare() {
      return { path: `/api/people/${crypto.randomUUID()}/suspend` };
    },
  },
  {
    route: 'POST /api/people/{id}/restore',
    targets: NONE,
    expect: only({ admin: 200 }),
    async prepare() {
      return { path: `/api/people/${crypto.randomUUID()}/restore` };
    },
  },

  // Threshold guidance: public reads; drafts are the editors' and answer 404 to anyone else.
  simple('GET /api/guidance', each(200)),
  {
    route: 'GET /api/guidance/versions',
    targets: NONE,
    expect: each(200),
    async prepare() {
      await fx.draft();
      return { path: '/api/guidance/versions' };
    },
    check(caller, body) {
      const drafts = (body as { items: { status: string }[] }).items.filter((v) => v.status === 'draft');
      expect(drafts.length > 0, 'drafts listed').toBe(caller === 'editor');
    },
  },
  {
    route: 'GET /api/guidance/versions/{version}',
    targets: ['published', 'draft', 'missing'],
    expect: each([200, 404, 404], { editor: [200, 200, 404] }),
    async prepare(target) {
      const v = await versionFor(target, false);
      return { path: `/api/guidance/versions/${v.version}`, ids: [String(v.version)] };
    },
  },
  {
    route: 'GET /api/guidance/versions/{version}/changes',
    targets: ['published', 'draft', 'missing'],
    expect: each([200, 404, 404], { editor: [200, 200, 404] }),
    async prepare(target) {
      const v = await versionFor(target, false);
      // It compares with the version before, which a refusal may name instead.
      const ids = [String(v.version), String(v.version - 1)];
      return { path: `/api/guidance/versions/${v.version}/changes`, ids };
    },
  },
  simple('POST /api/guidance/check', each(200), { body: { indicatorIds: ['basic-care-often-hungry'] } }),
  simple('GET /api/guidance/search', each(200), { query: '?q=hungry' }),
  {
    route: 'POST /api/guidance/versions',
    targets: NONE,
    expect: only({ editor: 201 }),
    async prepare(_t, _c, succeeds) {
      if (succeeds) await fx.noDraft();
      return { path: '/api/guidance/versions', body: {} };
    },
  },
  {
    route: 'PUT /api/guidance/versions/{version}',
    targets: ['published', 'draft', 'missing'],
    expect: only({ editor: [409, 200, 404] }),
    async prepare(target, caller) {
      const v = await versionFor(target, false);
      const framework = 'framework' in v ? v.framework : (await fx.draft()).framework;
      return {
        path: `/api/guidance/versions/${v.version}`,
        headers: { 'if-match': `"${v.revision}"` },
        body: { framework, changeSummary: `Edited by the matrix as ${caller}` },
        ids: [String(v.version)],
      };
    },
  },
  {
    route: 'POST /api/guidance/versions/{version}/publish',
    targets: ['published', 'draft', 'missing'],
    expect: only({ editor: [409, 200, 404] }),
    async prepare(target) {
      const v = await versionFor(target, false);
      return {
        path: `/api/guidance/versions/${v.version}/publish`,
        headers: { 'if-match': `"${v.revision}"` },
        body: { changeSummary: 'Published by the matrix.', effectiveFrom: '2026-12-01' },
        ids: [String(v.version)],
      };
    },
  },

  // Referrals: a referrer sees their own agency's only; the front door sees anything submitted.
  {
    ...simple('GET /api/referrals', only({ referrerA: 200, referrerB: 200, triage: 200 })),
    async prepare() {
      // Both agencies have referrals, so each referrer's list shows that the other's are left out.
      await Promise.all(
        (['A', 'B'] as const).flatMap((a) => [
          referralFor(a, 'submitted', false),
          referralFor(a, 'submitted', false, true),
        ]),
      );
      return { path: '/api/referrals?limit=200' };
    },
    check(caller, body) {
      const items = (body as { items: { agencyId: string; possibleDuplicate?: boolean }[] }).items;
      if (caller === 'referrerA' || caller === 'referrerB') {
        expect(items.length).toBeGreaterThan(0);
        expect(new Set(items.map((i) => i.agencyId))).toEqual(new Set([CALLER_AGENCY[caller]]));
        // That another agency referred the child is the front door's to know.
        expect(items.filter((i) => 'possibleDuplicate' in i).length, 'items flagged').toBe(0);
      }
      if (caller === 'triage') expect(items.some((i) => i.possibleDuplicate)).toBe(true);
    },
  },
  {
    route: 'POST /api/referrals',
    targets: NONE,
    expect: only({ referrerA: 201, referrerB: 201, triage: 201 }),
    async prepare() {
      return {
        path: '/api/referrals',
        body: completeReferral(),
        headers: { 'idempotency-key': idempotencyKey() },
      };
    },
    check(caller, body) {
      expect((body as { agencyId: string }).agencyId).toBe(CALLER_AGENCY[caller]);
    },
    // The front door can start a referral but never read a draft, its own included (canRead).
    readBack: (_prepared, shown, _status, caller) =>
      caller === 'triage' ? undefined : `/api/referrals/${shown.id}`,
  },
  referralRow(
    'GET /api/referrals/{id}',
    'submitted',
    only({ noAgency: 404, ...ownOnly, ...frontDoor }),
    undefined,
    'submitted',
  ),
  referralRow(
    'GET /api/referrals/{id}',
    'draft',
    only({ noAgency: 404, ...ownOnly, triage: 404 }),
    undefined,
    'a draft: its referrer only',
  ),
  referralRow('PATCH /api/referrals/{id}', 'draft', only({ noAgency: 404, ...ownOnly, triage: 404 }), () => ({
    concerns: 'More detail added by the matrix.',
  })),
  referralRow('POST /api/referrals/{id}/submit', 'draft', only({ noAgency: 404, ...ownOnly })),
  referralRow('POST /api/referrals/{id}/withdraw', 'submitted', only({ noAgency: 404, ...ownOnly }), () => ({
    reason: 'The family have moved out of the area.',
  })),
  referralRow('POST /api/referrals/{id}/review', 'submitted', only(frontDoor)),
  referralRow('POST /api/referrals/{id}/decision', 'in_review', only(frontDoor), () => DECISION),
  referralRow('POST /api/referrals/{id}/close', 'decided', only(frontDoor)),
  referralRow(
    'POST /api/referrals/{id}/notes',
    'submitted',
    only({ noAgency: 404, ...ownOnlyCreated, triage: [201, 201, 404] }),
    () => ({ text: 'A further note from the matrix.' }),
  ),
  // The states that show the front door more than the referrer: possible duplicates and a rationale.
  referralRow(
    'GET /api/referrals/{id}',
    'decided',
    only({ noAgency: 404, ...ownOnly, ...frontDoor }),
    undefined,
    'decided with a rationale, flagged as a possible duplicate',
    {
      flagged: true,
      check(caller, body) {
        const r = body as Referral;
        expect(r.decision?.feedback).toBeTruthy();
        if (caller === 'triage') {
          expect(r.possibleDuplicates?.length).toBeGreaterThan(0);
          expect(r.decision?.rationale).toBeTruthy();
        } else {
          expect(r).not.toHaveProperty('possibleDuplicates');
          expect(r.decision).not.toHaveProperty('rationale');
        }
      },
    },
  ),
  referralRow(
    'POST /api/referrals/{id}/submit',
    'submitted',
    only({ noAgency: 404, referrerA: [409, 404, 404], referrerB: [404, 409, 404] }),
    undefined,
    'submitted already, flagged: 409',
    { flagged: true },
  ),
  referralRow(
    'PATCH /api/referrals/{id}',
    'decided',
    only({ noAgency: 404, referrerA: [409, 404, 404], referrerB: [404, 409, 404], triage: [403, 403, 404] }),
    () => ({ concerns: 'An edit after the decision.' }),
    'decided, flagged: 409',
    { flagged: true },
  ),
  referralRow(
    'POST /api/referrals/{id}/notes',
    'closed',
    only({ noAgency: 404, referrerA: [409, 404, 404], referrerB: [404, 409, 404], triage: [409, 409, 404] }),
    () => ({ text: 'A note after the close.' }),
    'closed, decided with a rationale, flagged: 409',
    { flagged: true },
  ),
  simple('GET /api/notifications', only({ referrerA: 200, referrerB: 200, triage: 200 })),
  {
    ...simple('GET /api/stats/referrals', only({ triage: 200, board: 200 })),
    check(_caller, body) {
      expect(JSON.stringify(body)).not.toMatch(/Maisie|Fairbrook|NS1 2AB/);
    },
  },

  // The board's action plan: the board writes; the front door may read.
  simple('GET /api/board/actions', only({ triage: 200, board: 200 })),
  {
    route: 'POST /api/board/actions',
    targets: NONE,
    expect: only({ board: 201 }),
    async prepare() {
      return { path: '/api/board/actions', body: actionFields() };
    },
  },
  simple('GET /api/board/actions.csv', only({ triage: 200, board: 200 })),
  simple('GET /api/board/dashboard', only({ triage: 200, board: 200 })),
  actionRow('GET /api/board/actions/{id}', only({ triage: [200, 404], board: [200, 404] })),
  actionRow('PATCH /api/board/actions/{id}', only({ board: [200, 404] }), () => ({
    title: 'Renamed by the matrix',
  })),
  actionRow('POST /api/board/actions/{id}/updates', only({ board: [200, 404] }), () => ({
    narrative: 'Progress recorded by the matrix.',
  })),
  actionRow('POST /api/board/actions/{id}/close', only({ board: [200, 404] }), () => ({
    evidence: [{ title: 'Signed audit report' }],
    signOff: { name: 'Helen Marsh', role: 'Independent chair' },
  })),
];

const expectedFor = (row: Row, caller: Caller, index: number): number => {
  const cell = row.expect[caller];
  return typeof cell === 'number' ? cell : (cell[index] as number);
};

/** A refusal with what may differ between two requests removed: its instance, request id and the id asked for. */
function comparable(text: string, ids: readonly string[]): string {
  const body = JSON.parse(text) as Record<string, unknown>;
  delete body.instance;
  delete body.requestId;
  let detail = typeof body.detail === 'string' ? body.detail : '';
  for (const id of ids) detail = detail.split(id).join('<id>');
  return JSON.stringify({ ...body, detail });
}

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
      const concrete = path.replace('{id}', MISSING_ULID).replace('{version}', String(MISSING_VERSION));
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
