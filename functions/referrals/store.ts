import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Consultation } from '../../shared/referrals/consultation-schema.ts';
import type { Notification } from '../../shared/referrals/notification.ts';
import type { Referral, ReferralSummary, TimelineEntry, TriageView } from '../../shared/referrals/schema.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import type { Page, StoreKey } from '../platform/pagination.ts';
import type { Shown } from '../platform/shown.ts';
import { type AttachmentStore, createAttachmentStore } from './attachment-store.ts';
import { type ConsultationStore, createConsultationStore } from './consultation-store.ts';
import type { Audience } from './keys.ts';
import { createReferralQueries } from './store-queries.ts';
import { createReferralWrites } from './store-writes.ts';

export interface ListOptions {
  limit: number;
  startKey?: StoreKey;
  /** Only one agency's referrals. */
  agencyId?: string;
  /** Only those the guidance suggested this level of need for. */
  level?: number;
}

export interface IdempotencyRecord {
  userId: string;
  key: string;
  requestHash: string;
  expiresAt: number;
}

export interface PriorReferral {
  referralId: string;
  reference: string;
  agencyId: string;
  submittedAt: string;
  matchedOn: 'child' | 'name_and_birth';
}

/** Who a notification is for (keys.ts). */
export type { Audience } from './keys.ts';

/** A notification written from what its audience may read (views.ts `notificationTo`). */
export interface OutboxMessage {
  audience: Audience;
  notification: Shown<Notification>;
}

/**
 * Another referral about the child moved while this one was written (a flag raced a colleague's
 * write, or another submission): nothing was written, and the transition may be tried again.
 */
export class RelatedConflict extends Conflict {
  constructor() {
    super('A referral about the same child changed at the same moment: try again');
  }
}

/** Another referral written in the same transaction: `referral.version` is one more than the stored one. */
export interface RelatedChange {
  referral: Referral;
  audit: AuditPut;
}

export interface CounterChange {
  /** A counter row's sort key under the STATS partition (keys.ts `monthCounterSk`, `quarterCounterSk`). */
  sk: string;
  add: Record<string, number>;
}

export interface ReferralStore extends ConsultationStore, AttachmentStore {
  get(id: string): Promise<Referral | null>;
  timeline(id: string): Promise<TimelineEntry[]>;
  /** The earlier creation with this user's idempotency key, if any: the referral it made and its request's hash. */
  idempotencyRecord(userId: string, key: string): Promise<{ referralId: string; requestHash: string } | null>;
  /** The next reference of the year, from an atomic counter. */
  nextReference(year: number): Promise<string>;
  /**
   * Creates a referral with its timeline entry, audit entry and reference claim in one transaction,
   * guarded by the caller's idempotency record. When the record exists already, nothing is written
   * and the earlier request's referral id and hash are returned.
   */
  create(
    referral: Referral,
    entry: TimelineEntry,
    audit: AuditPut,
    idempotency: IdempotencyRecord,
  ): Promise<{ created: true } | { created: false; referralId: string; requestHash: string }>;
  /**
   * Replaces a referral if it is still at `expectedVersion`, with its timeline entry, audit entry,
   * duplicate-index items and counter changes, all or nothing. Conflict otherwise, without the record:
   * what the caller may see of it is the app's to decide (views.ts).
   */
  update(
    referral: Referral,
    expectedVersion: number,
    extras: {
      entry?: TimelineEntry;
      audit: AuditPut;
      childKeys?: string[];
      counters?: CounterChange[];
      messages?: OutboxMessage[];
      /** Other referrals changed with it (an earlier one flagged as a possible duplicate), each at its own version. */
      related?: RelatedChange[];
      /** Consultation calls changed with it (linked to their written request), each one version on. */
      consultations?: { call: Consultation; audit: AuditPut }[];
    },
  ): Promise<void>;
  /** The newest notifications for an audience. */
  notifications(audience: Audience, limit: number): Promise<Notification[]>;
  /**
   * Sends one "about to be overdue" notification per open referral due before `before`, at most once
   * per referral however often it runs. Returns how many were sent.
   */
  remindDueSoon(
    before: string,
    message: (summary: ReferralSummary) => Notification,
    audit: (summary: ReferralSummary) => AuditPut,
  ): Promise<number>;
  /** Appends a note to a referral that is still open to notes; Conflict (without the record) otherwise. */
  addNote(id: string, entry: TimelineEntry, audit: AuditPut): Promise<void>;
  priorForChild(childKeys: readonly string[], excludeId: string): Promise<PriorReferral[]>;
  listForAgency(agencyId: string, options: ListOptions): Promise<Page<ReferralSummary>>;
  listForTriage(
    view: TriageView,
    options: ListOptions & { overdueAt?: string },
  ): Promise<Page<ReferralSummary>>;
  /** The front door's members, by name. */
  teamMembers(): Promise<{ userId: string; name: string }[]>;
  /** Records a member of the front door once, with its audit entry; a member already known writes nothing. */
  joinTeam(member: { userId: string; name: string }, audit: AuditPut): Promise<void>;
  /** The counter rows whose sort key starts with `prefix` (keys.ts `monthCountersOf`, `quarterCountersOf`). */
  counters(prefix: string): Promise<{ sk: string; values: Record<string, number> }[]>;
}

/**
 * The referrals table and the outbox's own table (shared/deployment/tables.ts), written in the same
 * transactions; their keys are in keys.ts, their items in store-items.ts.
 */
export function createDynamoReferralStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  outboxTableName: string,
): ReferralStore {
  const queries = createReferralQueries(db, tableName, outboxTableName);
  return {
    ...queries,
    ...createReferralWrites(db, tableName, outboxTableName, queries),
    ...createConsultationStore(db, tableName),
    ...createAttachmentStore(db, tableName),
  };
}
