import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { effectiveDueDate } from '../../shared/board/rules.ts';
import type { Action, ProgressUpdate } from '../../shared/board/schema.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import type { Page, StoreKey } from '../platform/pagination.ts';
import { shownAsIs } from '../platform/shown.ts';
import { tableOf, transact, withoutKey } from '../platform/table.ts';
import {
  actionKey,
  PLAN_PK,
  planKeys,
  referenceClaimKey,
  UPDATE_PREFIX,
  updateKey,
  updatesPartition,
} from './keys.ts';

const nextUlid = monotonicFactory();

/** The board table's store (its keys in keys.ts): actions, their progress updates and the plan. */
export interface BoardStore {
  get(id: string): Promise<Action | null>;
  updates(id: string): Promise<ProgressUpdate[]>;
  listActions(options: { limit: number; startKey?: StoreKey }): Promise<Page<Action>>;
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

/** The plan, soonest due first (gsi1). */
const PLAN_QUERY = {
  IndexName: 'gsi1',
  KeyConditionExpression: 'gsi1pk = :pk',
  ExpressionAttributeValues: { ':pk': PLAN_PK },
};

export function createDynamoBoardStore(db: DynamoDBDocumentClient, tableName: string): BoardStore {
  const table = tableOf(db, tableName);
  const store: BoardStore = {
    async get(id) {
      const item = await table.get(actionKey(id), { ConsistentRead: true });
      return item ? stripAction(item) : null;
    },
    async updates(id) {
      const items = await table.all({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :u)',
        ExpressionAttributeValues: { ':pk': updatesPartition(id), ':u': UPDATE_PREFIX },
      });
      return items.map((item) => withoutKey(item) as ProgressUpdate);
    },
    async listActions({ limit, startKey }) {
      const page = await table.page({ ...PLAN_QUERY, Limit: limit, ExclusiveStartKey: startKey });
      return { ...page, items: page.items.map(stripAction) };
    },
    allActions: async () => (await table.all(PLAN_QUERY)).map(stripAction),
    async create(action, audit) {
      await transact(
        db,
        [
          table.putNew(actionItem(action)),
          table.putNew({ ...referenceClaimKey(action.reference), actionId: action.id }),
          audit,
        ],
        (codes) => {
          if (codes[1] === 'ConditionalCheckFailed') {
            throw new Conflict(`Another action already has the reference ${action.reference}`);
          }
        },
      );
    },
    async save(action, expectedVersion, audit, update) {
      const items = [table.putAtVersion(actionItem(action), expectedVersion), audit];
      if (update) items.push(table.putNew({ ...updateKey(action.id, update.at, update.id), ...update }));
      await transact(db, items, async (codes) => {
        if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')) {
          throw new Conflict(
            'Someone else changed this action since you read it',
            shownAsIs(await store.get(action.id)),
          );
        }
      });
    },
  };
  return store;
}
