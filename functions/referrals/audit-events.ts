import type { Consultation } from '../../shared/referrals/consultation-schema.ts';
import type { Referral } from '../../shared/referrals/schema.ts';
import type { AuditEvent } from '../platform/audit.ts';
import { type AppContext, auditEvent } from '../platform/http.ts';
import type { Principal } from '../platform/identity.ts';
import type { SubjectKey } from '../platform/subject-keys.ts';

type Extras = Partial<Pick<AuditEvent, 'outcome' | 'detail' | 'reason'>>;

/** The referral area's audit entries. */
export function referralAuditEvents(subjectKey: SubjectKey) {
  /**
   * An entry about one referral: given the referral itself once it was read, so the entry is filed
   * under its child's subject key (never her details) for a subject access request; by id otherwise.
   */
  const event = (
    c: AppContext,
    me: Principal,
    action: string,
    about: Referral | string,
    { outcome = 'allowed', detail, reason }: Extras = {},
  ): AuditEvent => {
    const key = typeof about === 'string' ? undefined : subjectKey(about.child ?? {});
    // The whole principal: the writer keeps who they were (id, name, roles, agency) and nothing else.
    return auditEvent(
      c,
      me,
      action,
      { type: 'referral', id: typeof about === 'string' ? about : about.id },
      {
        outcome,
        ...(detail ? { detail } : {}),
        ...(reason ? { reason } : {}),
        ...(key ? { subjectKey: key } : {}),
      },
    );
  };

  /**
   * A list read: one entry for the list with the ids it returned, and one in each returned referral's
   * own trail, so every list that showed a referral is found from the referral.
   */
  const listed = (c: AppContext, me: Principal, list: string, ids: string[]): AuditEvent[] => [
    { ...event(c, me, 'referral.list', list), entity: { type: 'referral-list', id: list }, ids },
    ...ids.map((id) => event(c, me, 'referral.listed', id, { detail: list })),
  ];

  return { event, listed };
}

/** An entry about a consultation call, filed under its child's subject key when it names her. */
export function consultationEvent(subjectKey: SubjectKey) {
  return (c: AppContext, me: Principal, action: string, call: Consultation | string): AuditEvent => {
    const key = typeof call === 'string' || !call.child ? undefined : subjectKey(call.child);
    return auditEvent(
      c,
      me,
      action,
      { type: 'consultation', id: typeof call === 'string' ? call : call.id },
      { outcome: 'allowed', ...(key ? { subjectKey: key } : {}) },
    );
  };
}
