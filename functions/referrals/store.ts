import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReferralSummary } from '../../shared/referral.ts';
import type { StoreKey } from '../platform/pagination.ts';
import { TABLES } from '../platform/tables.ts';

/**
 * Keys: a referral is `REFERRAL#<id> / REFERRAL`; an agency's list is gsi1 (`AGENCY#<id>`, newest
 * first by `<updatedAt>#<id>`); the front door's queue is gsi2 (`QUEUE#OPEN`, by `<decisionDueAt>#<id>`).
 */
const [agencyIndex, queueIndex] = TABLES.referrals.indexes;

export interface Page<T> {
  items: T[];
  lastKey?: StoreKey;
}

export interface ReferralStore {
  listForAgency(
    agencyId: string,
    options: { limit: number; startKey?: StoreKey },
  ): Promise<Page<ReferralSummary>>;
  listQueue(options: { limit: number; startKey?: StoreKey }): Promise<Page<ReferralSummary>>;
}

const SUMMARY_FIELDS = 'id, #ref, #status, agencyId, submittedAt, decisionDueAt, updatedAt';
const SUMMARY_NAMES = { '#ref': 'reference', '#status': 'status' };

export function createDynamoReferralStore(db: DynamoDBDocumentClient, tableName: string): ReferralStore {
  const query = async (
    index: string,
    pk: string,
    newestFirst: boolean,
    limit: number,
    startKey?: StoreKey,
  ) => {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': pk },
        ProjectionExpression: SUMMARY_FIELDS,
        ExpressionAttributeNames: SUMMARY_NAMES,
        ScanIndexForward: !newestFirst,
        Limit: limit,
        ExclusiveStartKey: startKey,
      }),
    );
    return {
      items: (page.Items ?? []) as ReferralSummary[],
      ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}),
    };
  };
  return {
    listForAgency: (agencyId, { limit, startKey }) =>
      query(agencyIndex?.name ?? 'gsi1', `AGENCY#${agencyId}`, true, limit, startKey),
    listQueue: ({ limit, startKey }) =>
      query(queueIndex?.name ?? 'gsi2', 'QUEUE#OPEN', false, limit, startKey),
  };
}
