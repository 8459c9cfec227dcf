import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { effectiveDueDate } from '../../shared/board/rules.ts';
import type { Action, ProgressUpdate } from '../../shared/board/schema.ts';
import type { AuditWriter } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import type { StoreKey } from '../platform/pagination.ts';
import { shownAsIs } from '../platform/shown.ts';
import { cancellationCodes } from '../platform/transaction-errors.ts';
import {
  actionKey,
  PLAN_PK,
  planKeys,
  referenceClaimKey,
  UPDATE_PREFIX,
  updateKey,
  updatesPartition,
} from './keys.ts';

type AuditPut = ReturnType<AuditWriter['putItem']>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const nextUlid = monotonicFactory();

/** The board table's store (its keys in keys.ts): actions, their progress updates and the plan. */
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
    ...planKeys(effectiveDueDate(action), action.id),
  };
}

const stripAction = ({ pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...action }: Record<string, unknown>) =>
  action as Action;

export function newUpdateId(at: string): string {
  return nextUlid(Date.parse(at));
}

export function createDynamoBoardStore(db: DynamoDBDocumentClient, tableName: string): BoardStore {
  const queryPlan = async (limit: number | undefined, startKey?: StoreKey) => {
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': PLAN_PK },
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
            ExpressionAttributeValues: { ':pk': updatesPartition(id), ':u': UPDATE_PREFIX },
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
                  Item: { ...referenceClaimKey(action.reference), actionId: action.id },
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
            Item: { ...updateKey(action.id, update.at, update.id), ...update },
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
