import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ActionSummary } from '../../shared/board.ts';
import type { StoreKey } from '../platform/pagination.ts';

/** Keys: an action is `ACTION#<id> / ACTION`; the plan is gsi1 (`PLAN`, by `<dueDate>#<id>`). */
export interface BoardStore {
  listActions(options: {
    limit: number;
    startKey?: StoreKey;
  }): Promise<{ items: ActionSummary[]; lastKey?: StoreKey }>;
}

export function createDynamoBoardStore(db: DynamoDBDocumentClient, tableName: string): BoardStore {
  return {
    async listActions({ limit, startKey }) {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': 'PLAN' },
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      const items = (page.Items ?? []).map(
        ({ pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...rest }) => rest as ActionSummary,
      );
      return { items, ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}) };
    },
  };
}
