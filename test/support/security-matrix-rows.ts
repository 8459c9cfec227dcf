import { expect } from 'vitest';
import { actionFields } from './security-fixtures.ts';
import { AGENCY_A, AGENCY_B, CALLER_AGENCY, type Caller } from './security-harness.ts';
import {
  type Expectation,
  each,
  type MatrixContext,
  MISSING_AGENCY,
  MISSING_ULID,
  MISSING_VERSION,
  NONE,
  only,
  type Row,
  signedIn,
  simple,
} from './security-matrix.ts';
import { boardEvidenceRows } from './security-matrix-board.ts';
import { referralRows } from './security-matrix-referrals.ts';

/** The matrix's rows for the directory, the platform, the guidance, the referrals (security-matrix-referrals.ts) and the board. */
export function coreRows(ctx: MatrixContext): Row[] {
  const referrals = referralRows(ctx);
  // Records made once and shared by cells that must be refused (a refusal changes nothing, which the
  // hostile-input suite proves); a cell that must succeed gets a fresh record of its own.
  const shared = new Map<string, Promise<{ id: string; version: number }>>();
  async function actionFor(target: string, fresh: boolean) {
    if (target === 'missing') return { id: MISSING_ULID, version: 1 };
    if (fresh) return ctx.fx.action();
    if (!shared.has('action')) shared.set('action', ctx.fx.action());
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
      const draft = await ctx.fx.draft();
      return { version: draft.version, revision: draft.revision, framework: draft.framework };
    }
    if (succeeds) await ctx.fx.noDraft();
    return { version: await ctx.fx.published(), revision: 1 };
  }

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

  return [
    // The directory and the platform.
    simple('GET /api/health', each(200)),
    simple('GET /api/openapi.json', each(200)),
    simple('GET /api/config', each(200)),
    {
      ...simple('GET /api/me', signedIn(200)),
      check(caller, body) {
        const me = body as { roles: string[]; agency: { id: string } | null };
        expect(me.agency?.id ?? null).toBe(caller === 'noAgency' ? null : CALLER_AGENCY[caller]);
        // The manager has the front door's role too; the board caller, Helen, is also its chair.
        const two = caller === 'frontDoorManager' || caller === 'board';
        expect(me.roles).toHaveLength(caller === 'noRole' ? 0 : two ? 2 : 1);
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
        const version = succeeds ? await ctx.fx.agencyVersion(id) : 1;
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
        const r = await referrals.referralFor('A', 'submitted', false);
        return { path: `/api/audit?entity=referral&id=${r.id}` };
      },
    },
    {
      route: 'GET /api/audit/actors/{id}',
      targets: NONE,
      expect: only({ admin: 200 }),
      async prepare() {
        return {
          path: `/api/audit/actors/${ctx.api.user('amira').sub}`,
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
        await ctx.fx.draft();
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
        if (succeeds) await ctx.fx.noDraft();
        return { path: '/api/guidance/versions', body: {} };
      },
    },
    {
      route: 'PUT /api/guidance/versions/{version}',
      targets: ['published', 'draft', 'missing'],
      expect: only({ editor: [409, 200, 404] }),
      async prepare(target, caller) {
        const v = await versionFor(target, false);
        const framework = 'framework' in v ? v.framework : (await ctx.fx.draft()).framework;
        return {
          path: `/api/guidance/versions/${v.version}`,
          headers: { 'if-match': `"${v.revision}"` },
          body: { framework, changeSummary: `Edited by the matrix as ${caller}` },
          ids: [String(v.version)],
        };
      },
    },
    {
      // The editor (Tom) approves a draft Femi started; the author's own approval is the API tests' (guidance-sign-off).
      route: 'POST /api/guidance/versions/{version}/approve',
      targets: ['published', 'draft', 'missing'],
      expect: only({ editor: [409, 200, 404] }),
      async prepare(target, _caller, succeeds) {
        const v =
          target === 'draft' && succeeds ? await ctx.fx.draftToApprove() : await versionFor(target, false);
        return {
          path: `/api/guidance/versions/${v.version}/approve`,
          headers: { 'if-match': `"${v.revision}"` },
          ids: [String(v.version)],
        };
      },
    },
    {
      route: 'POST /api/guidance/versions/{version}/publish',
      targets: ['published', 'draft', 'missing'],
      expect: only({ editor: [409, 200, 404] }),
      async prepare(target, _caller, succeeds) {
        // Only an approved draft is published.
        const v =
          target === 'draft' && succeeds ? await ctx.fx.approvedDraft() : await versionFor(target, false);
        return {
          path: `/api/guidance/versions/${v.version}/publish`,
          headers: { 'if-match': `"${v.revision}"` },
          body: { changeSummary: 'Published by the matrix.', effectiveFrom: '2026-12-01' },
          ids: [String(v.version)],
        };
      },
    },

    ...referrals.rows,

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
    ...boardEvidenceRows(ctx),
    actionRow('POST /api/board/actions/{id}/close', only({ board: [200, 404] }), () => ({
      evidence: [{ title: 'Signed audit report' }],
      signOff: { name: 'Helen Marsh', role: 'Independent chair' },
    })),
  ];
}
