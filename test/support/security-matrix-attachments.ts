import { expect } from 'vitest';
import type { ReferralStatus } from '../../shared/referrals/labels.ts';
import { attachmentInput } from './security-attachments.ts';
import { AB, type Expectation, type MatrixContext, MISSING_ULID, only, type Row } from './security-matrix.ts';

/**
 * The matrix's rows for documents attached to referrals: whoever may read the referral lists and
 * downloads them; its agency attaches until it is decided, the front door while it waits. Another
 * agency's referral, or a missing one, answers alike (404); roles without referrals are refused (403).
 */
export function attachmentRows(ctx: MatrixContext): Row[] {
  const shared = new Map<string, Promise<{ referralId: string; attachmentId: string }>>();
  /** A referral of agency A or B at `status`, with a document uploaded (and completed, when `ready`). */
  function documentFor(target: string, status: ReferralStatus, ready: boolean, fresh: boolean) {
    if (target === 'missing')
      return Promise.resolve({ referralId: MISSING_ULID, attachmentId: MISSING_ULID });
    const agency = target as 'A' | 'B';
    const make = async () => {
      // Uploaded while the referral still takes documents, then moved on to `status`.
      const referral = await ctx.fx.referral(status === 'draft' ? 'draft' : 'submitted', agency);
      const attachment = ready
        ? await ctx.fx.attachments.ready(referral.id, agency)
        : await ctx.fx.attachments.uploaded(referral.id, agency);
      if (status !== 'draft' && status !== 'submitted') throw new Error(`no fixture for ${status}`);
      return { referralId: referral.id, attachmentId: attachment.id };
    };
    if (fresh) return make();
    const key = `${status}:${ready}:${agency}`;
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key) as Promise<{ referralId: string; attachmentId: string }>;
  }
  const referralFor = async (target: string, status: ReferralStatus) =>
    target === 'missing' ? { id: MISSING_ULID } : ctx.fx.referral(status, target as 'A' | 'B');

  const own = (status: number) => ({ referrerA: [status, 404, 404], referrerB: [404, status, 404] }) as const;
  const frontDoor = (status: number) => ({ triage: [status, status, 404] }) as const;
  const readers = (status: number): Expectation =>
    only({ noAgency: 404, ...own(status), ...frontDoor(status) });

  const attach = (status: ReferralStatus, expect: Expectation, variant: string): Row => ({
    route: 'POST /api/referrals/{id}/attachments',
    variant,
    targets: AB,
    expect,
    // A 409 carries the referral as the caller's own read shows it.
    readBack: (prepared, _shown, answered) =>
      answered === 409 ? `/api/referrals/${prepared.ids?.[0]}` : undefined,
    async prepare(target) {
      const r = await referralFor(target, status);
      return { path: `/api/referrals/${r.id}/attachments`, body: attachmentInput(), ids: [r.id] };
    },
  });
  const onDocument = (route: string, ready: boolean, expect: Expectation, check?: Row['check']): Row => ({
    route,
    targets: AB,
    expect,
    ...(check ? { check } : {}),
    async prepare(target, _caller, succeeds) {
      const d = await documentFor(target, 'submitted', ready, succeeds && !ready);
      const suffix = route.split('{attachmentId}')[1] ?? '';
      return {
        path: `/api/referrals/${d.referralId}/attachments/${d.attachmentId}${suffix}`,
        ids: [d.referralId, d.attachmentId],
      };
    },
  });

  return [
    attach('submitted', readers(201), 'waiting for a decision'),
    attach('draft', only({ noAgency: 404, ...own(201), triage: 404 }), 'a draft: its referrer only'),
    attach(
      'decided',
      only({
        noAgency: 404,
        referrerA: [409, 404, 404],
        referrerB: [404, 409, 404],
        triage: [409, 409, 404],
      }),
      'decided: no more documents',
    ),
    {
      route: 'GET /api/referrals/{id}/attachments',
      targets: AB,
      expect: readers(200),
      async prepare(target) {
        const d = await documentFor(target, 'submitted', true, false);
        return { path: `/api/referrals/${d.referralId}/attachments`, ids: [d.referralId] };
      },
      check(_caller, body) {
        expect((body as { items: { status: string }[] }).items.map((i) => i.status)).toEqual(['ready']);
      },
    },
    onDocument(
      'POST /api/referrals/{id}/attachments/{attachmentId}/complete',
      false,
      readers(200),
      (_c, body) => {
        expect((body as { attachment: { contentType: string } }).attachment.contentType).toBe(
          'application/pdf',
        );
      },
    ),
    onDocument(
      'GET /api/referrals/{id}/attachments/{attachmentId}/download',
      true,
      readers(200),
      (_c, body) => {
        expect(Object.keys(body as object).sort()).toEqual(['expiresAt', 'url']);
      },
    ),
  ];
}
