import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import { effectiveDueDate } from '../../shared/board/rules.ts';
import type { Action, Challenge, ProgressUpdate } from '../../shared/board/schema.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import type { Page, StoreKey } from '../platform/pagination.ts';
import { shownAsIs } from '../platform/shown.ts';
import { tableOf, transact, withoutKey } from '../platform/table.ts';
import {
  actionKey,
  CHALLENGE_PREFIX,
  challengeKey,
  OPEN_CHALLENGES_PK,
  openChallengeKeys,
  PLAN_PK,
  planKeys,
  referenceClaimKey,
  UPDATE_PREFIX,
  updateKey,
  updatesPartition,
} from './keys.ts';

const nextUlid = monotonicFactory();

/** What a write to an action saves beside it: a new or verified update, a new or answered challenge. */
export interface ActionWrite {
  update?: ProgressUpdate;
  challenge?: Challenge;
}

/** The board table's store (its keys in keys.ts): actions, their updates and challenges, and the plan. */
export interface BoardStore {
  get(id: string): Promise<Action | null>;
  updates(id: string): Promise<ProgressUpdate[]>;
  challenges(id: string): Promise<Challenge[]>;
  /** Every challenge still waiting for its response, soonest due first. */
  openChallenges(): Promise<Challenge[]>;
  listActions(options: { limit: number; startKey?: StoreKey }): Promise<Page<Action>>;
  /** Every action in the plan (a plan is tens of actions, not thousands). */
  allActions(): Promise<Action[]>;
  create(action: Action, audit: AuditPut): Promise<void>;
  /**
   * Saves an action still at `expectedVersion`, with the update or challenge given (each written as
   * it now is: the action's version guards both); Conflict with the current record otherwise.
   */
  save(action: Action, expectedVersion: number, audit: AuditPut, write?: ActionWrite): Promise<void>;
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

function challengeItem(challenge: Challenge): Record<string, unknown> {
  return {
    ...challengeKey(challenge.actionId, challenge.id),
    ...challenge,
    ...(challenge.response ? {} : openChallengeKeys(challenge.dueDate, challenge.id)),
  };
}

const stripChallenge = ({ pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...c }: Record<string, unknown>) =>
  c as Challenge;

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
    async challenges(id) {
      const items = await table.all({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :c)',
        ExpressionAttributeValues: { ':pk': updatesPartition(id), ':c': CHALLENGE_PREFIX },
      });
      return items.map(stripChallenge);
    },
    async openChallenges() {
      const items = await table.all({
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': OPEN_CHALLENGES_PK },
      });
      return items.map(stripChallenge);
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
    async save(action, expectedVersion, audit, write = {}) {
      const items = [table.putAtVersion(actionItem(action), expectedVersion), audit];
      const { update, challenge } = write;
      if (update) {
        const item = { ...updateKey(action.id, update.at, update.id), ...update };
        // A new update is never verified: it may not overwrite anything. A verification rewrites its update.
        items.push(update.verified ? table.put(item) : table.putNew(item));
      }
      if (challenge) items.push(table.put(challengeItem(challenge)));
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
