import type { TriageView } from '../../shared/referrals/schema.ts';

/**
 * Every key of the referrals and outbox tables, made and read here only (access patterns first,
 * shared/deployment/tables.ts):
 * - `REFERRAL#<id> / REFERRAL`           the referral; `… / TIMELINE#<at>#<n>` its timeline
 * - gsi1 `AGENCY#<agencyId>`              an agency's referrals, newest first (`<createdAt>#<id>`)
 * - gsi2 `TRIAGE#open|decided|closed|withdrawn` the front door's views; open ones by priority rank,
 *   then decision due time (`<rank>#<due>#<id>`), "overdue" a filter on the due time; the others by
 *   when. Drafts are in no triage view.
 * - `REFERRAL#<id> / ATTACHMENT#<attachmentId>` a document attached to it, oldest first (ULIDs)
 * - `TEAM#front-door / USER#<sub>`        a member of the front door, for a manager to reassign to
 * - `CHILD#<hashed match key> / <submittedAt>#<id>` earlier referrals of the same child (child-keys.ts)
 * - `CONSULTATION#<id> / CONSULTATION`    a consultation call; gsi2 `CALLS#awaiting|received|not_needed`
 *   (awaiting by the written request's due time, the others by the call), and
 *   `CALLCHILD#<hashed match key> / <calledAt>#<id>` the calls about a child, to link the request
 * - `IDEMPOTENCY#<userId>#<key>`          a creation's idempotency record, expiring by TTL
 * - `REFERENCE#<year>` counter and `REFERENCE#<reference>` claim: references are unique
 * - `REMINDER#<id> / DUE_SOON`            a referral already reminded about
 * - `STATS / M#<yyyy-mm>#AGENCY#<id>` and `STATS / Q#<yyyy-Qn>#AGENCY#<id>` dashboard counters, and
 *   `STATS / C#<version>#AGENCY#<id>` calibration by indicator, updated in the same transactions
 * and in the outbox's own table, `OUTBOX#<audience> / <at>#<id>`: notifications, expiring by TTL;
 * `DELIVERED#<notification id> / EMAIL`: one emailed (the notifier's own record, by TTL too).
 */
type Key = { pk: string; sk: string };

const REFERRAL_PREFIX = 'REFERRAL#';
/** The sort key of a referral itself, beside its timeline entries. */
export const REFERRAL_SK = 'REFERRAL';
export const TIMELINE_PREFIX = 'TIMELINE#';

export const referralPartition = (id: string) => `${REFERRAL_PREFIX}${id}`;
export const referralKey = (id: string): Key => ({ pk: referralPartition(id), sk: REFERRAL_SK });
/** `n` keeps entries written at the same instant in their order. */
export const timelineKey = (id: string, at: string, n: string): Key => ({
  pk: referralPartition(id),
  sk: `${TIMELINE_PREFIX}${at}#${n}`,
});

/** A document attached to a referral, beside it in its partition; ULID ids keep them oldest first. */
export const ATTACHMENT_PREFIX = 'ATTACHMENT#';
export const attachmentKey = (referralId: string, attachmentId: string): Key => ({
  pk: referralPartition(referralId),
  sk: `${ATTACHMENT_PREFIX}${attachmentId}`,
});

/** gsi1: an agency's referrals, newest first. */
export const agencyListKeys = (referral: { agencyId: string; createdAt: string; id: string }) => ({
  gsi1pk: agencyListPartition(referral.agencyId),
  gsi1sk: `${referral.createdAt}#${referral.id}`,
});
export const agencyListPartition = (agencyId: string) => `AGENCY#${agencyId}`;

/** gsi2: one of the front door's views, in the order of `at` (`<rank>#<due>` for open ones). */
export const triageViewKeys = (view: TriageView, at: string, id: string) => ({
  gsi2pk: triageViewPartition(view),
  gsi2sk: `${at}#${id}`,
});
export const triageViewPartition = (view: TriageView) => `TRIAGE#${view}`;

/** An earlier referral of a child, filed under one of its hashed match keys (child-keys.ts). */
export const childIndexKey = (matchKey: string, submittedAt: string | undefined, id: string): Key => ({
  pk: childIndexPartition(matchKey),
  sk: `${submittedAt}#${id}`,
});
export const childIndexPartition = (matchKey: string) => `CHILD#${matchKey}`;

export const idempotencyKey = (userId: string, key: string): Key => ({
  pk: `IDEMPOTENCY#${userId}#${key}`,
  sk: 'IDEMPOTENCY',
});

export const referenceCounterKey = (year: number): Key => ({ pk: `REFERENCE#${year}`, sk: 'COUNTER' });
export const referenceClaimKey = (reference: string): Key => ({ pk: `REFERENCE#${reference}`, sk: 'CLAIM' });

export const reminderKey = (id: string): Key => ({ pk: `REMINDER#${id}`, sk: 'DUE_SOON' });

/** The dashboard counters' partition. */
export const STATS_PK = 'STATS';
export const counterKey = (sk: string): Key => ({ pk: STATS_PK, sk });
/** An agency's submissions in the month of `at` (an ISO time). */
export const monthCounterSk = (at: string, agencyId: string) => `M#${at.slice(0, 7)}#AGENCY#${agencyId}`;
/** An agency's decisions in a quarter (`2026-Q2`). */
export const quarterCounterSk = (quarter: string, agencyId: string) => `Q#${quarter}#AGENCY#${agencyId}`;
/** The partnership's "no service fitted" decisions in a quarter (shared/referrals/unmet-need.ts). */
export const unmetCounterSk = (quarter: string) => `U#${quarter}`;
export const unmetCountersOf = (year: number) => `U#${year}`;
/** The prefixes of one year's month and quarter counters. */
export const monthCountersOf = (year: number) => `M#${year}`;
export const quarterCountersOf = (year: number) => `Q#${year}`;
/**
 * An agency's decisions under one guidance version, by indicator (shared/referrals/calibration.ts). The
 * version is zero-padded so the rows sort by it.
 */
export const calibrationCounterSk = (version: number, agencyId: string) =>
  `C#${String(version).padStart(4, '0')}#AGENCY#${agencyId}`;
export const CALIBRATION_COUNTERS = 'C#';
/** The guidance version a calibration row is for. */
export const calibrationVersion = (sk: string) => Number(sk.slice(2, 6));
/** The agency a counter row is for. */
export const counterAgency = (sk: string) => sk.split('#AGENCY#')[1] ?? '';
/** The month (`2026-05`) or quarter (`2026-Q2`) a counter row is for. */
export const counterPeriod = (sk: string) => sk.slice(2, 9);

/** Who a notification is for: the front door, or one agency's referrers. */
export type Audience = 'TRIAGE' | `AGENCY#${string}`;
export const FRONT_DOOR_AUDIENCE = 'TRIAGE' satisfies Audience;
export const agencyAudience = (agencyId: string): Audience => `AGENCY#${agencyId}`;
/** The agency an audience is, or null for the front door. */
export const audienceAgency = (audience: string): string | null =>
  audience.startsWith('AGENCY#') ? audience.slice('AGENCY#'.length) : null;

const OUTBOX_PREFIX = 'OUTBOX#';
export const outboxPartition = (audience: Audience) => `${OUTBOX_PREFIX}${audience}`;
export const outboxKey = (audience: Audience, at: string, id: string): Key => ({
  pk: outboxPartition(audience),
  sk: `${at}#${id}`,
});
/** The audience an outbox item's partition key names, or null for an item that is no notification. */
export const outboxAudience = (pk: string): string | null =>
  pk.startsWith(OUTBOX_PREFIX) ? pk.slice(OUTBOX_PREFIX.length) : null;

/** In the outbox's table: a notification emailed, so a retried stream batch does not email it twice. */
export const DELIVERY_PREFIX = 'DELIVERED#';
export const deliveryKey = (notificationId: string): Key => ({
  pk: `${DELIVERY_PREFIX}${notificationId}`,
  sk: 'EMAIL',
});

/** The front door's members, as they have used the queue: whom a manager can reassign a referral to. */
export const FRONT_DOOR_TEAM_PK = 'TEAM#front-door';
export const teamMemberKey = (userId: string): Key => ({ pk: FRONT_DOOR_TEAM_PK, sk: `USER#${userId}` });

/** A consultation call the front door recorded. */
export const consultationKey = (id: string): Key => ({ pk: `CONSULTATION#${id}`, sk: 'CONSULTATION' });
/** gsi2: the front door's calls in one view, awaiting ones soonest due first, the others newest first. */
export const consultationViewKeys = (view: string, at: string, id: string) => ({
  gsi2pk: consultationViewPartition(view),
  gsi2sk: `${at}#${id}`,
});
export const consultationViewPartition = (view: string) => `CALLS#${view}`;
/** A call about a child, filed under one of her hashed match keys: the written request is linked by it. */
export const callChildKey = (matchKey: string, calledAt: string, id: string): Key => ({
  pk: callChildPartition(matchKey),
  sk: `${calledAt}#${id}`,
});
export const callChildPartition = (matchKey: string) => `CALLCHILD#${matchKey}`;
