import { monotonicFactory } from 'ulid';
import type { Consultation } from '../../shared/referrals/consultation-schema.ts';
import type { Notification } from '../../shared/referrals/notification.ts';
import { priorityRank } from '../../shared/referrals/priority.ts';
import type { Referral, ReferralSummary, TimelineEntry, TriageView } from '../../shared/referrals/schema.ts';
import { matchedOn } from './child-keys.ts';
import {
  type Audience,
  agencyListKeys,
  callChildKey,
  childIndexKey,
  consultationKey,
  consultationViewKeys,
  counterKey,
  outboxKey,
  referralKey,
  timelineKey,
  triageViewKeys,
} from './keys.ts';
import type { CounterChange } from './store.ts';

/** The items the referrals store writes, and the records it reads back out of them (keys.ts). */

/** Notifications are kept for 90 days. */
const OUTBOX_TTL_SECONDS = 90 * 24 * 60 * 60;

function triageView(referral: Referral): TriageView | null {
  switch (referral.status) {
    case 'submitted':
    case 'in_review':
      return 'open';
    case 'decided':
    case 'closed':
    case 'withdrawn':
      return referral.status;
    default:
      return null;
  }
}

/** The stored item: the referral plus the index keys its state implies, and the summary a list shows. */
export function referralItem(referral: Referral): Record<string, unknown> {
  const view = triageView(referral);
  const sortAt =
    view === 'open'
      ? referral.decisionDueAt
      : view === 'decided'
        ? referral.decision?.decidedAt
        : view === 'closed'
          ? referral.closedAt
          : referral.withdrawn?.at;
  // The open queue: most urgent first, then soonest due (priority.ts).
  const sortKey = sortAt && view === 'open' ? `${priorityRank(referral.priority)}#${sortAt}` : sortAt;
  const name = [referral.child?.firstName, referral.child?.lastName].filter(Boolean).join(' ');
  return {
    ...referralKey(referral.id),
    ...referral,
    ...agencyListKeys(referral),
    ...(view ? triageViewKeys(view, sortKey ?? referral.updatedAt, referral.id) : {}),
    summary: {
      id: referral.id,
      reference: referral.reference,
      status: referral.status,
      agencyId: referral.agencyId,
      ...(name ? { childName: name } : {}),
      ...(referral.suggestedLevel ? { suggestedLevel: referral.suggestedLevel } : {}),
      ...(referral.submittedAt ? { submittedAt: referral.submittedAt } : {}),
      ...(referral.priority ? { priority: referral.priority } : {}),
      ...(referral.decisionDueAt ? { decisionDueAt: referral.decisionDueAt } : {}),
      ...(referral.reviewer ? { reviewerName: referral.reviewer.name } : {}),
      ...(referral.decision ? { outcome: referral.decision.outcome } : {}),
      ...(referral.possibleDuplicates?.length ? { possibleDuplicate: true } : {}),
      ...(referral.managerReview ? { managerReview: true } : {}),
      ...(referral.stepUpFrom ? { stepUpFrom: referral.stepUpFrom } : {}),
      updatedAt: referral.updatedAt,
    } satisfies ReferralSummary,
  };
}

export function stripReferral(item: Record<string, unknown>): Referral {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, summary: _s, ...referral } = item;
  return referral as Referral;
}

/** Monotonic, so timeline entries written in the same millisecond keep their order. */
const nextUlid = monotonicFactory();

export function timelineItem(id: string, entry: TimelineEntry): Record<string, unknown> {
  return { ...timelineKey(id, entry.at, nextUlid(Date.parse(entry.at))), ...entry };
}

export function outboxItem({
  audience,
  notification,
}: {
  audience: Audience;
  notification: Notification;
}): Record<string, unknown> {
  return {
    ...outboxKey(audience, notification.at, notification.id),
    ...notification,
    expiresAt: Math.floor(Date.parse(notification.at) / 1000) + OUTBOX_TTL_SECONDS,
  };
}

/** A submitted referral filed under one of its child's match keys, for later duplicate checks. */
export function childIndexItem(matchKey: string, referral: Referral): Record<string, unknown> {
  return {
    ...childIndexKey(matchKey, referral.submittedAt, referral.id),
    referralId: referral.id,
    reference: referral.reference,
    agencyId: referral.agencyId,
    submittedAt: referral.submittedAt,
    matchedOn: matchedOn(matchKey),
  };
}

/** The update that adds a change's counts to its counter row (created at zero if it is new). */
export function counterUpdate(tableName: string, change: CounterChange) {
  const names = Object.keys(change.add);
  return {
    TableName: tableName,
    Key: counterKey(change.sk),
    UpdateExpression: `ADD ${names.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#c${i}`, n])),
    ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:c${i}`, change.add[n]])),
  };
}

/** A consultation call, with the index keys of its view (awaiting by due time, others by the call). */
export function consultationItem(call: Consultation): Record<string, unknown> {
  const sortAt = call.view === 'awaiting' ? (call.writtenRequestDueAt ?? call.calledAt) : call.calledAt;
  return { ...consultationKey(call.id), ...call, ...consultationViewKeys(call.view, sortAt, call.id) };
}

export function stripConsultation(item: Record<string, unknown>): Consultation {
  const { pk: _pk, sk: _sk, gsi2pk: _a, gsi2sk: _b, requestHash: _h, ...call } = item;
  return call as Consultation;
}

/** A call filed under one of its child's match keys. */
export const callChildItem = (matchKey: string, call: Consultation) => ({
  ...callChildKey(matchKey, call.calledAt, call.id),
  consultationId: call.id,
});
