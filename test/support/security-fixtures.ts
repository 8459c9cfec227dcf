import type { ActionFields, ActionView } from '../../shared/board/schema.ts';
import type { Agency } from '../../shared/directory/schema.ts';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import type { Referral, ReferralContent, ReferralStatus } from '../../shared/referrals/schema.ts';
import type { TestApi } from './api.ts';
import { completeReferral } from './referral-fixtures.ts';
import { attachmentFixtures } from './security-attachments.ts';
import { boardFixtures } from './security-board.ts';
import { episodeFixtures } from './security-episodes.ts';
import { guidanceSignOff } from './security-guidance.ts';
import { serviceFixtures } from './security-services.ts';

/**
 * Records made through the API, in the state a test needs: a referral of agency A (Brookfield
 * Primary, amira) or B (Northshire Police, dan) at any status, a board action, an agency, the
 * guidance with or without an open draft, early-help episodes (security-episodes.ts) and services
 * directory entries (security-services.ts).
 */
export const DECISION = {
  levelOfNeed: 2,
  outcome: 'early_help_single_agency',
  rationale: 'Needs met by the school with support from the family hub.',
  feedback: 'Thank you. The school’s family worker will offer the family a meeting this week.',
} as const;

export function actionFields(overrides: Partial<ActionFields> = {}): ActionFields {
  return {
    reference: `SEC-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
    title: 'Audit multi-agency referrals for consent recording',
    description: 'Sample 30 early-help referrals a quarter and check consent was recorded correctly.',
    source: { kind: 'multi_agency_audit', reference: 'Multi-agency audit, spring 2026' },
    theme: 'early-help',
    ownerAgencyId: 'northshire-council',
    lead: 'Head of Early Help',
    contributingAgencyIds: ['northshire-police'],
    startDate: '2026-09-01',
    dueDate: '2027-03-31',
    ...overrides,
  };
}

let keys = 0;
export const idempotencyKey = () => `sec-${process.pid}-${Date.now()}-${keys++}`;

async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  if (r.status !== status) throw new Error(`fixture: expected ${status}, got ${r.status}: ${text}`);
  return JSON.parse(text) as T;
}

export function fixtures(api: TestApi) {
  const owner = { A: 'amira', B: 'dan' } as const;
  const step = (as: string, referral: Referral, action: string, body?: unknown) =>
    ok<Referral>(
      api.request('POST', `/api/referrals/${referral.id}/${action}`, {
        as,
        headers: { 'if-match': `"${referral.version}"` },
        ...(body !== undefined ? { body } : {}),
      }),
    );
  const signOff = guidanceSignOff(api);

  const self = {
    /** Leon, one of the front door once he has used the queue: whom a manager can hand a referral to. */
    async frontDoorColleague(): Promise<string> {
      await ok(api.request('GET', '/api/referrals', { as: 'leon' }));
      return api.user('leon').sub;
    },
    episodes: episodeFixtures(api),
    services: serviceFixtures(api),
    attachments: attachmentFixtures(api),
    board: boardFixtures(api),

    async referral(
      status: ReferralStatus,
      agency: 'A' | 'B' = 'A',
      content: ReferralContent = completeReferral(),
    ): Promise<Referral> {
      const as = owner[agency];
      let r = await ok<Referral>(
        api.request('POST', '/api/referrals', {
          as,
          body: content,
          headers: { 'idempotency-key': idempotencyKey() },
        }),
        201,
      );
      if (status === 'draft') return r;
      r = await step(as, r, 'submit');
      if (status === 'submitted') return r;
      if (status === 'withdrawn') return step(as, r, 'withdraw', { reason: 'The family moved away.' });
      r = await step('grace', r, 'review');
      if (status === 'in_review') return r;
      r = await step('grace', r, 'decision', DECISION);
      if (status === 'decided') return r;
      return step('grace', r, 'close');
    },

    /**
     * A referral of a child the other agency referred first, so the front door sees it flagged as a
     * possible duplicate once it is submitted (a draft is flagged when it is submitted).
     */
    async flagged(status: ReferralStatus, agency: 'A' | 'B' = 'A'): Promise<Referral> {
      const letters = () =>
        Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('');
      const base = completeReferral();
      const child = { ...base.child, firstName: `Sec${letters()}`, lastName: `Child${letters()}` };
      await self.referral('submitted', agency === 'A' ? 'B' : 'A', { ...base, child });
      return self.referral(status, agency, { ...base, child });
    },

    action: (overrides: Partial<ActionFields> = {}) =>
      ok<ActionView>(
        api.request('POST', '/api/board/actions', { as: 'helen', body: actionFields(overrides) }),
        201,
      ),

    agency: (name = `Security Test Agency ${Math.random().toString(36).slice(2, 8)}`) =>
      ok<Agency>(api.request('POST', '/api/agencies', { as: 'sam', body: { name, kind: 'voluntary' } }), 201),

    async agencyVersion(id: string): Promise<number> {
      return (await ok<Agency>(api.request('GET', `/api/agencies/${id}`, { as: 'sam' }))).version;
    },

    async versions(): Promise<{ version: number; status: string }[]> {
      return (
        await ok<{ items: { version: number; status: string }[] }>(
          api.request('GET', '/api/guidance/versions', { as: 'tom' }),
        )
      ).items;
    },

    /** The open draft of the guidance, started if there is none. */
    async draft(): Promise<GuidanceVersion> {
      const open = (await self.versions()).find((v) => v.status === 'draft');
      if (open)
        return ok<GuidanceVersion>(
          api.request('GET', `/api/guidance/versions/${open.version}`, { as: 'tom' }),
        );
      return ok<GuidanceVersion>(api.request('POST', '/api/guidance/versions', { as: 'tom', body: {} }), 201);
    },

    /** The open draft, with the current version's content again (an edit may have broken it). */
    async cleanDraft(): Promise<GuidanceVersion> {
      const draft = await self.draft();
      const current = await ok<GuidanceVersion>(api.request('GET', '/api/guidance', { as: 'tom' }));
      return ok<GuidanceVersion>(
        api.request('PUT', `/api/guidance/versions/${draft.version}`, {
          as: 'tom',
          headers: { 'if-match': `"${draft.revision}"` },
          body: { framework: current.framework },
        }),
      );
    },

    /** The open draft, clean and approved by a second editor (security-guidance.ts), ready to publish. */
    approvedDraft: async (): Promise<GuidanceVersion> => signOff.approve(await self.cleanDraft()),

    /** A new draft that the suites' editor caller (Tom) has not changed, so he may approve it. */
    async draftToApprove(): Promise<GuidanceVersion> {
      await self.noDraft();
      return signOff.startAsFemi();
    },

    /** Publishes any open draft, so a new one can be started. */
    async noDraft(): Promise<void> {
      const open = (await self.versions()).find((v) => v.status === 'draft');
      if (!open) return;
      const draft = await self.approvedDraft();
      await ok(
        api.request('POST', `/api/guidance/versions/${draft.version}/publish`, {
          as: 'tom',
          headers: { 'if-match': `"${draft.revision}"` },
          body: { changeSummary: 'Published by the security tests.', effectiveFrom: '2026-12-01' },
        }),
      );
    },

    /** The early-help standards as the board reads them, and their version (the ETag). */
    async standards(): Promise<{ version: number; standards: Record<string, number> }> {
      const res = await api.request('GET', '/api/episodes/standards', { as: 'helen' });
      const { changedAt: _changed, ...standards } = await ok<Record<string, number>>(res);
      return { version: Number(/\d+/.exec(res.headers.get('etag') ?? '')?.[0] ?? 0), standards };
    },
    /** The highest published version number. */
    async published(): Promise<number> {
      return Math.max(
        ...(await self.versions()).filter((v) => v.status === 'published').map((v) => v.version),
      );
    },
  };
  return self;
}
