import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { Action, ProgressUpdate } from '../../shared/board.ts';
import { effectiveDueDate } from '../../shared/board-rules.ts';
import type { AuditWriter } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import type { StoreKey } from '../platform/pagination.ts';
import { shownAsIs } from '../platform/shown.ts';

/**
 * Keys: an action is `ACTION#<id> / ACTION`, its progress updates `… / UPDATE#<at>#<ulid>` (append
 * only); the plan is gsi1 `PLAN`, soonest due first (`<effective due date>#<id>`); references are
 * claimed by `REFERENCE#<reference>` so no two actions share one.
 */
type AuditPut = ReturnType<AuditWriter['putItem']>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const actionKey = (id: string) => ({ pk: `ACTION#${id}`, sk: 'ACTION' });
const nextUlid = monotonicFactory();

export interface BoardStore {
  get(id: string): Promise<Action | null>;
  updates(id: string): Promise<ProgressUpdate[]>;
  listActions(options: {
    limit: number;
    startKey?: StoreKey;
  }): Promise<{ items: Action[]; lastKey?: StoreKey }>;
  /** Every action in the plan (a plan is tens of actions, not thousands). */
  allActions(): Promise<Action[]>;
  create(action: Action, audit: AuditPut): Promise<void>;
  /** Saves an action still at `expectedVersion`, with a progress update if given; Conflict with the current record otherwise. */
  save(action: Action, expectedVersion: number, audit: AuditPut, update?: ProgressUpdate): Promise<void>;
}

function actionItem(action: Action): Record<string, unknown> {
  return {
    ...actionKey(action.id),
    ...action,
    gsi1pk: 'PLAN',
    gsi1sk: `${effectiveDueDate(action)}#${action.id}`,
  };
}

const stripAction = ({ pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...action }: Record<string, unknown>) =>
  action as Action;

export function newUpdateId(at: string): string {
  return nextUlid(Date.parse(at));
}

function cancellationCodes(error: unknown): (string | undefined)[] | null {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return null;
  return ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map(
    (r) => r.Code,
  );
}

export function createDynamoBoardStore(db: DynamoDBDocumentClient, tableName: string): BoardStore {
  const queryPlan = async (limit: number | undefined, startKey?: StoreKey) => {
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
    return {
      items: (page.Items ?? []).map(stripAction),
      ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}),
    };
  };

  const store: BoardStore = {
    async get(id) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: actionKey(id), ConsistentRead: true }),
      );
      return Item ? stripAction(Item) : null;
    },
    async updates(id) {
      const updates: ProgressUpdate[] = [];
      let start: StoreKey | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :u)',
            ExpressionAttributeValues: { ':pk': `ACTION#${id}`, ':u': 'UPDATE#' },
            ExclusiveStartKey: start,
          }),
        );
        for (const { pk: _pk, sk: _sk, ...u } of page.Items ?? []) updates.push(u as ProgressUpdate);
        start = page.LastEvaluatedKey;
      } while (start);
      return updates;
    },
    listActions: ({ limit, startKey }) => queryPlan(limit, startKey),
    async allActions() {
      const all: Action[] = [];
      let start: StoreKey | undefined;
      do {
        const page = await queryPlan(undefined, start);
        all.push(...page.items);
        start = page.lastKey;
      } while (start);
      return all;
    },
    async create(action, audit) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: actionItem(action),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    pk: `REFERENCE#${action.reference.toUpperCase()}`,
                    sk: 'CLAIM',
                    actionId: action.id,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              audit,
            ],
          }),
        );
      } catch (error) {
        if (cancellationCodes(error)?.[1] === 'ConditionalCheckFailed') {
          throw new Conflict(`Another action already has the reference ${action.reference}`);
        }
        throw error;
      }
    },
    async save(action, expectedVersion, audit, update) {
      const items: TransactItem[] = [
        {
          Put: {
            TableName: tableName,
            Item: actionItem(action),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          },
        },
        audit,
      ];
      if (update) {
        items.push({
          Put: {
            TableName: tableName,
            Item: { pk: `ACTION#${action.id}`, sk: `UPDATE#${update.at}#${update.id}`, ...update },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        });
      }
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes && (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict'))) {
          throw new Conflict(
            'Someone else changed this action since you read it',
            shownAsIs(await store.get(action.id)),
          );
        }
        throw error;
      }
    },
  };
  return store;
}
