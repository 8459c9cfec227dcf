import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Notification } from '../../shared/referrals/notification.ts';
import type { ReferralSummary, TimelineEntry } from '../../shared/referrals/schema.ts';
import type { Page } from '../platform/pagination.ts';
import { tableOf, withoutKey } from '../platform/table.ts';
import {
  agencyListPartition,
  childIndexPartition,
  FRONT_DOOR_TEAM_PK,
  idempotencyKey,
  outboxPartition,
  referralKey,
  referralPartition,
  STATS_PK,
  TIMELINE_PREFIX,
  triageViewPartition,
} from './keys.ts';
import type { ListOptions, PriorReferral, ReferralStore } from './store.ts';
import { stripReferral } from './store-items.ts';

/** How many reads one filtered page may take before it is returned short, with a cursor to go on. */
const FILTERED_PAGE_MAX_READS = 8;

export type ReferralQueries = Pick<
  ReferralStore,
  | 'get'
  | 'timeline'
  | 'idempotencyRecord'
  | 'notifications'
  | 'priorForChild'
  | 'listForAgency'
  | 'listForTriage'
  | 'counters'
  | 'teamMembers'
>;

/** The referrals store's reads: single items, and Queries on a key or an index (keys.ts). */
export function createReferralQueries(
  db: DynamoDBDocumentClient,
  tableName: string,
  outboxTableName: string,
): ReferralQueries {
  const table = tableOf(db, tableName);
  const outbox = tableOf(db, outboxTableName);
  const summaries = async (input: Omit<QueryCommandInput, 'TableName'>): Promise<Page<ReferralSummary>> => {
    const page = await table.page({ ProjectionExpression: 'summary', ...input });
    return { ...page, items: page.items.map((i) => i.summary as ReferralSummary) };
  };

  /**
   * A page of a list, narrowed to an agency or a level when asked. DynamoDB filters after it reads,
   * so a narrowed page is read on until it is full, each read asking for no more items than the page
   * still lacks: the last key read is then exactly where the next page starts. A rare match among many
   * referrals returns a short page (and a cursor) after a few reads, never an unbounded one.
   */
  const filteredSummaries = async (
    query: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
    { limit, startKey, agencyId, level, overdueAt }: ListOptions & { overdueAt?: string },
  ): Promise<Page<ReferralSummary>> => {
    const conditions = [
      ...(agencyId ? ['agencyId = :agency'] : []),
      ...(level ? ['suggestedLevel = :level'] : []),
      ...(overdueAt ? ['decisionDueAt < :now'] : []),
    ];
    if (conditions.length === 0) return summaries({ ...query, Limit: limit, ExclusiveStartKey: startKey });
    const filtered = {
      ...query,
      FilterExpression: conditions.join(' AND '),
      ExpressionAttributeValues: {
        ...query.ExpressionAttributeValues,
        ...(agencyId ? { ':agency': agencyId } : {}),
        ...(level ? { ':level': level } : {}),
        ...(overdueAt ? { ':now': overdueAt } : {}),
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

  /** Every item of a partition whose sort key starts with `prefix`, page after page. */
  const allUnder = (pk: string, prefix: string) =>
    table.all({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    });

  return {
    async get(id) {
      const item = await table.get(referralKey(id), { ConsistentRead: true });
      return item ? stripReferral(item) : null;
    },

    async timeline(id) {
      const items = await allUnder(referralPartition(id), TIMELINE_PREFIX);
      return items.map((item) => withoutKey(item) as TimelineEntry);
    },

    async idempotencyRecord(userId, key) {
      const item = await table.get(idempotencyKey(userId, key), { ConsistentRead: true });
      return item ? { referralId: String(item.referralId), requestHash: String(item.requestHash) } : null;
    },

    async notifications(audience, limit) {
      const { items } = await outbox.page({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': outboxPartition(audience) },
        ScanIndexForward: false,
        Limit: limit,
      });
      return items.map(({ pk: _pk, sk: _sk, expiresAt: _e, ...n }) => n as Notification);
    },

    async priorForChild(childKeys, excludeId) {
      const found = new Map<string, PriorReferral>();
      for (const key of childKeys) {
        const { items } = await table.page({
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': childIndexPartition(key) },
          ScanIndexForward: false,
          Limit: 20,
        });
        for (const item of items) {
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
          ExpressionAttributeValues: { ':pk': agencyListPartition(agencyId) },
          ScanIndexForward: false,
        },
        options,
      ),

    listForTriage: (view, options) =>
      filteredSummaries(
        {
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :pk',
          ExpressionAttributeValues: { ':pk': triageViewPartition(view) },
          // The open queue is most urgent first, then soonest due; the others newest first. Overdue is
          // a filter on the due time, since the priority leads the sort key.
          ScanIndexForward: view === 'open',
        },
        options,
      ),

    async teamMembers() {
      const items = await allUnder(FRONT_DOOR_TEAM_PK, 'USER#');
      return items
        .map((item) => ({ userId: String(item.userId), name: String(item.name) }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    },

    async counters(prefix) {
      const items = await allUnder(STATS_PK, prefix);
      return items.map(({ pk: _pk, sk, ...values }) => ({
        sk: String(sk),
        values: values as Record<string, number>,
      }));
    },
  };
}
