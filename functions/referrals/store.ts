import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { Notification } from '../../shared/notification.ts';
import type { Referral, ReferralSummary, TimelineEntry, TriageView } from '../../shared/referral.ts';
import type { AuditWriter } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import type { StoreKey } from '../platform/pagination.ts';
import type { Shown } from '../platform/shown.ts';

/**
 * Keys (access patterns first, functions/platform/tables.ts):
 * - `REFERRAL#<id> / REFERRAL`           the referral; `… / TIMELINE#<at>#<n>` its timeline
 * - gsi1 `AGENCY#<agencyId>`              an agency's referrals, newest first (`<createdAt>#<id>`)
 * - gsi2 `TRIAGE#open|decided|closed|withdrawn` the front door's views; open ones by decision due
 *   time, so "overdue" is a key condition (`gsi2sk < now`). Drafts are in no triage view.
 * - `CHILD#<hashed match key> / <submittedAt>#<id>` earlier referrals of the same child (child-keys.ts)
 * - `IDEMPOTENCY#<userId>#<key>`          a creation's idempotency record, expiring by TTL
 * - `REFERENCE#<year>` counter and `REFERENCE#<reference>` claim: references are unique
 * - `STATS / …`                           dashboard counters, updated in the same transactions
 * and in the outbox's own table, `OUTBOX#<audience> / <at>#<id>`: notifications, expiring by TTL.
 */
type AuditPut = ReturnType<AuditWriter['putItem']>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Page<T> {
  items: T[];
  lastKey?: StoreKey;
}

export interface ListOptions {
  limit: number;
  startKey?: StoreKey;
  /** Only one agency's referrals. */
  agencyId?: string;
  /** Only those the guidance suggested this level of need for. */
  level?: number;
}

/** How many reads one filtered page may take before it is returned short, with a cursor to go on. */
const FILTERED_PAGE_MAX_READS = 8;

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

/** Who a notification is for: the front door, or one agency's referrers. */
export type Audience = 'TRIAGE' | `AGENCY#${string}`;

/** A notification written from what its audience may read (views.ts `notificationTo`). */
export interface OutboxMessage {
  audience: Audience;
  notification: Shown<Notification>;
}

/** Notifications are kept for 90 days. */
const OUTBOX_TTL_SECONDS = 90 * 24 * 60 * 60;

export interface CounterChange {
  /** Sort key under the STATS partition, e.g. `M#2026-11#AGENCY#brookfield-primary`. */
  sk: string;
  add: Record<string, number>;
}

export interface ReferralStore {
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
  counters(prefix: string): Promise<{ sk: string; values: Record<string, number> }[]>;
}

const referralKey = (id: string) => ({ pk: `REFERRAL#${id}`, sk: 'REFERRAL' });

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
  const name = [referral.child?.firstName, referral.child?.lastName].filter(Boolean).join(' ');
  return {
    ...referralKey(referral.id),
    ...referral,
    gsi1pk: `AGENCY#${referral.agencyId}`,
    gsi1sk: `${referral.createdAt}#${referral.id}`,
    ...(view ? { gsi2pk: `TRIAGE#${view}`, gsi2sk: `${sortAt ?? referral.updatedAt}#${referral.id}` } : {}),
    summary: {
      id: referral.id,
      reference: referral.reference,
      status: referral.status,
      agencyId: referral.agencyId,
      ...(name ? { childName: name } : {}),
      ...(referral.suggestedLevel ? { suggestedLevel: referral.suggestedLevel } : {}),
      ...(referral.submittedAt ? { submittedAt: referral.submittedAt } : {}),
      ...(referral.decisionDueAt ? { decisionDueAt: referral.decisionDueAt } : {}),
      ...(referral.reviewer ? { reviewerName: referral.reviewer.name } : {}),
      ...(referral.decision ? { outcome: referral.decision.outcome } : {}),
      ...(referral.possibleDuplicates?.length ? { possibleDuplicate: true } : {}),
      updatedAt: referral.updatedAt,
    } satisfies ReferralSummary,
  };
}

function stripReferral(item: Record<string, unknown>): Referral {
  const { pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, summary: _s, ...referral } = item;
  return referral as Referral;
}

/** Monotonic, so timeline entries written in the same millisecond keep their order. */
const nextUlid = monotonicFactory();

function timelineItem(id: string, entry: TimelineEntry): Record<string, unknown> {
  return { pk: `REFERRAL#${id}`, sk: `TIMELINE#${entry.at}#${nextUlid(Date.parse(entry.at))}`, ...entry };
}

function outboxItem({
  audience,
  notification,
}: {
  audience: Audience;
  notification: Notification;
}): Record<string, unknown> {
  return {
    pk: `OUTBOX#${audience}`,
    sk: `${notification.at}#${notification.id}`,
    ...notification,
    expiresAt: Math.floor(Date.parse(notification.at) / 1000) + OUTBOX_TTL_SECONDS,
  };
}

function cancellationCodes(error: unknown): (string | undefined)[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  return ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (r) => r.Code,
  );
}

export function createDynamoReferralStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  /** The outbox's own table (functions/platform/tables.ts), written in the same transactions. */
  outboxTableName: string,
): ReferralStore {
  const transact = (items: TransactItem[]) => db.send(new TransactWriteCommand({ TransactItems: items }));

  const summaries = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<Page<ReferralSummary>> => {
    const page = await db.send(
      new QueryCommand({ TableName: tableName, ProjectionExpression: 'summary', ...input }),
    );
    return {
      items: (page.Items ?? []).map((i) => i.summary as ReferralSummary),
      ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}),
    };
  };

  /**
   * A page of a list, narrowed to an agency or a level when asked. DynamoDB filters after it reads,
   * so a narrowed page is read on until it is full, each read asking for no more items than the page
   * still lacks: the last key read is then exactly where the next page starts. A rare match among many
   * referrals returns a short page (and a cursor) after a few reads, never an unbounded one.
   */
  const filteredSummaries = async (
    query: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
    { limit, startKey, agencyId, level }: ListOptions,
  ): Promise<Page<ReferralSummary>> => {
    const conditions = [
      ...(agencyId ? ['agencyId = :agency'] : []),
      ...(level ? ['suggestedLevel = :level'] : []),
    ];
    if (conditions.length === 0) return summaries({ ...query, Limit: limit, ExclusiveStartKey: startKey });
    const filtered = {
      ...query,
      FilterExpression: conditions.join(' AND '),
      ExpressionAttributeValues: {
        ...query.ExpressionAttributeValues,
        ...(agencyId ? { ':agency': agencyId } : {}),
        ...(level ? { ':level': level } : {}),
      },
    };
    const items: ReferralSummary[] = [];
    let key = startKey;
    for (let reads = 0; reads < FILTERED_PAGE_MAX_READS; reads++) {
      const page = await summaries({ ...filtered, Limit: limit - items.length, ExclusiveStartKey: key });
      items.push(...page.items);
      key = page.lastKey;
      if (!key || items.length >= limit) break;
    }
    return { items, ...(key ? { lastKey: key } : {}) };
  };

  const store: ReferralStore = {
    async get(id) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: referralKey(id), ConsistentRead: true }),
      );
      return Item ? stripReferral(Item) : null;
    },

    async timeline(id) {
      const entries: TimelineEntry[] = [];
      let start: StoreKey | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
            ExpressionAttributeValues: { ':pk': `REFERRAL#${id}`, ':t': 'TIMELINE#' },
            ExclusiveStartKey: start,
          }),
        );
        for (const { pk: _pk, sk: _sk, ...entry } of page.Items ?? []) entries.push(entry as TimelineEntry);
        start = page.LastEvaluatedKey;
      } while (start);
      return entries;
    },

    async idempotencyRecord(userId, key) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'IDEMPOTENCY' },
          ConsistentRead: true,
        }),
      );
      return Item ? { referralId: String(Item.referralId), requestHash: String(Item.requestHash) } : null;
    },

    async nextReference(year) {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: `REFERENCE#${year}`, sk: 'COUNTER' },
          UpdateExpression: 'ADD #n :one',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return `EH-${year}-${String(Attributes?.n ?? 0).padStart(6, '0')}`;
    },

    async create(referral, entry, audit, idempotency) {
      const idempotencyKey = {
        pk: `IDEMPOTENCY#${idempotency.userId}#${idempotency.key}`,
        sk: 'IDEMPOTENCY',
      };
      try {
        await transact([
          {
            Put: {
              TableName: tableName,
              Item: {
                ...idempotencyKey,
                referralId: referral.id,
                requestHash: idempotency.requestHash,
                expiresAt: idempotency.expiresAt,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: referralItem(referral),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { pk: `REFERENCE#${referral.reference}`, sk: 'CLAIM', referralId: referral.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: tableName, Item: timelineItem(referral.id, entry) } },
          audit,
        ]);
        return { created: true };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        // Another request with this key won, or is committing now: wait for its record.
        for (let attempt = 0; attempt < 20; attempt++) {
          const { Item } = await db.send(
            new GetCommand({ TableName: tableName, Key: idempotencyKey, ConsistentRead: true }),
          );
          if (Item)
            return {
              created: false,
              referralId: String(Item.referralId),
              requestHash: String(Item.requestHash),
            };
          if (codes[0] !== 'TransactionConflict' && codes[0] !== 'ConditionalCheckFailed') throw error;
          await new Promise((r) => setTimeout(r, 50 + attempt * 25));
        }
        throw error;
      }
    },

    async update(referral, expectedVersion, { entry, audit, childKeys = [], counters = [], messages = [] }) {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: referralItem(referral),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          },
        },
        audit,
      ];
      if (entry) items.push({ Put: { TableName: tableName, Item: timelineItem(referral.id, entry) } });
      for (const key of childKeys) {
        items.push({
          Put: {
            TableName: tableName,
            Item: {
              pk: `CHILD#${key}`,
              sk: `${referral.submittedAt}#${referral.id}`,
              referralId: referral.id,
              reference: referral.reference,
              agencyId: referral.agencyId,
              submittedAt: referral.submittedAt,
              matchedOn: key.startsWith('nd:') ? 'name_and_birth' : 'child',
            },
          },
        });
      }
      for (const message of messages)
        items.push({ Put: { TableName: outboxTableName, Item: outboxItem(message) } });
      for (const change of counters) {
        const names = Object.keys(change.add);
        items.push({
          Update: {
            TableName: tableName,
            Key: { pk: 'STATS', sk: change.sk },
            UpdateExpression: `ADD ${names.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#c${i}`, n])),
            ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:c${i}`, change.add[n]])),
          },
        });
      }
      try {
        await transact(items);
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes && (codes[0] === 'ConditionalCheckFailed' || codes[0] === 'TransactionConflict')) {
          throw new Conflict('Someone else changed this referral since you read it');
        }
        throw error;
      }
    },

    async addNote(id, entry, audit) {
      try {
        await transact([
          {
            ConditionCheck: {
              TableName: tableName,
              Key: referralKey(id),
              ConditionExpression: 'attribute_exists(pk) AND NOT #status IN (:closed, :withdrawn)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':closed': 'closed', ':withdrawn': 'withdrawn' },
            },
          },
          { Put: { TableName: tableName, Item: timelineItem(id, entry) } },
          audit,
        ]);
      } catch (error) {
        if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') {
          throw new Conflict('This referral is closed to further information');
        }
        throw error;
      }
    },

    async notifications(audience, limit) {
      const page = await db.send(
        new QueryCommand({
          TableName: outboxTableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `OUTBOX#${audience}` },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return (page.Items ?? []).map(({ pk: _pk, sk: _sk, expiresAt: _e, ...n }) => n as Notification);
    },

    async remindDueSoon(before, message, audit) {
      let sent = 0;
      let startKey: StoreKey | undefined;
      do {
        const page = await store.listForTriage('open', { limit: 100, startKey, overdueAt: before });
        for (const summary of page.items) {
          try {
            await transact([
              {
                Put: {
                  TableName: tableName,
                  Item: { pk: `REMINDER#${summary.id}`, sk: 'DUE_SOON', at: before },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: outboxTableName,
                  Item: outboxItem({ audience: 'TRIAGE', notification: message(summary) }),
                },
              },
              audit(summary),
            ]);
            sent++;
          } catch (error) {
            // Already reminded (by this run's predecessor or a concurrent one): nothing to do.
            if (cancellationCodes(error)?.[0] !== 'ConditionalCheckFailed') throw error;
          }
        }
        startKey = page.lastKey;
      } while (startKey);
      return sent;
    },

    async priorForChild(childKeys, excludeId) {
      const found = new Map<string, PriorReferral>();
      for (const key of childKeys) {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `CHILD#${key}` },
            ScanIndexForward: false,
            Limit: 20,
          }),
        );
        for (const item of page.Items ?? []) {
          const prior = item as unknown as PriorReferral;
          if (prior.referralId !== excludeId && !found.has(prior.referralId))
            found.set(prior.referralId, prior);
        }
      }
      return [...found.values()];
    },

    listForAgency: (agencyId, options) =>
      filteredSummaries(
        {
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}` },
          ScanIndexForward: false,
        },
        options,
      ),

    listForTriage: (view, { overdueAt, ...options }) =>
      filteredSummaries(
        {
          IndexName: 'gsi2',
          KeyConditionExpression: overdueAt ? 'gsi2pk = :pk AND gsi2sk < :now' : 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': `TRIAGE#${view}`, ...(overdueAt ? { ':now': overdueAt } : {}) },
          // The open queue is soonest due first, so overdue ones lead; the others newest first.
          ScanIndexForward: view === 'open',
        },
        options,
      ),

    async counters(prefix) {
      const rows: { sk: string; values: Record<string, number> }[] = [];
      let start: StoreKey | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': 'STATS', ':prefix': prefix },
            ExclusiveStartKey: start,
          }),
        );
        for (const { pk: _pk, sk, ...values } of page.Items ?? [])
          rows.push({ sk: String(sk), values: values as Record<string, number> });
        start = page.LastEvaluatedKey;
      } while (start);
      return rows;
    },
  };
  return store;
}
