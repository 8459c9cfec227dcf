import { canRead, type ReferralRef, type Refusal } from '../../shared/referrals/lifecycle.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import type { AuditWriter } from '../platform/audit.ts';
import { Conflict, Forbidden, NotFound } from '../platform/errors.ts';
import { type AppContext, etag } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import type { Shown } from '../platform/shown.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';
import { referralAuditEvents } from './audit-events.ts';
import type { ReferralStore } from './store.ts';
import { type ReferralDetail, referralView } from './views.ts';

/**
 * What a referral that does not exist is checked as: a draft of no agency, which nobody may read. The
 * lifecycle then refuses what the caller's roles can never do (403) before "not found" (404), exactly
 * as for another agency's referral, so a 403 never reveals that a referral exists.
 */
export const NOBODYS_REFERRAL: ReferralRef = { status: 'draft', agencyId: '' };

/** The refusal of a referral that is missing or that the caller may not read: the two answer alike. */
export const NOT_FOUND = { ok: false, reason: 'not-found', message: 'Referral not found' } as const;

/** Every referral answered is one caller's view of it (views.ts), with its version as the ETag. */
export function respond<T extends Referral | ReferralDetail, S extends 200 | 201>(
  c: AppContext,
  shown: Shown<T>,
  status: S,
) {
  c.header('etag', etag(shown.version));
  return c.json(shown, status);
}

/** How the routes that read or write one referral answer when it is not theirs, or changed under them. */
export function referralAnswers(deps: { store: ReferralStore; audit: AuditWriter; subjectKey: SubjectKey }) {
  const { store, audit } = deps;
  const { event } = referralAuditEvents(deps.subjectKey);

  /** Turns a lifecycle refusal into the answer; another agency's referral is audited and answers 404. */
  const refuse = async (
    c: AppContext,
    me: Principal,
    id: string,
    action: string,
    refusal: Refusal,
    current?: Referral,
  ): Promise<never> => {
    if (refusal.reason === 'not-found') {
      await audit.append(
        event(c, me, action, current ?? id, { outcome: 'denied', detail: 'not readable by this user' }),
      );
      throw new NotFound(refusal.message);
    }
    if (refusal.reason === 'forbidden') throw new Forbidden(refusal.message);
    throw new Conflict(refusal.message, current ? referralView(me, current) : undefined);
  };

  /** The referral if it exists and the caller may read it; 404 (audited) otherwise. */
  const readable = async (c: AppContext, me: Principal, id: string, action: string): Promise<Referral> => {
    const referral = await store.get(id);
    if (!referral || !canRead(me, referral))
      return refuse(c, me, id, action, NOT_FOUND, referral ?? undefined);
    return referral;
  };

  /**
   * A write the store refused as a conflict (someone else's write landed first) is answered with the
   * referral as it now is, as this caller may see it: the store never puts a record in an error.
   */
  const written = async (me: Principal, id: string, write: () => Promise<void>): Promise<void> => {
    try {
      await write();
    } catch (error) {
      if (!(error instanceof Conflict) || error.current !== undefined) throw error;
      const now = await store.get(id);
      throw new Conflict(error.message, now && canRead(me, now) ? referralView(me, now) : undefined);
    }
  };

  return { event, refuse, readable, written };
}
