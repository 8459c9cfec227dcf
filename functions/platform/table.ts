import {
  type DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Page, StoreKey } from './pagination.ts';
import { cancellationCodes } from './transaction-errors.ts';

/**
 * The DynamoDB calls every area's store makes, written once: a store keeps its keys, its conditions
 * and what a refused write means in its own words. Every table is keyed `pk`/`sk`.
 */
export type Item = Record<string, unknown>;
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Query = Omit<QueryCommandInput, 'TableName'>;

export interface Table {
  readonly name: string;
  /** One item by its key. `options` adds what the read needs: ConsistentRead, a projection. */
  get(key: StoreKey, options?: Omit<GetCommandInput, 'TableName' | 'Key'>): Promise<Item | undefined>;
  /** One page of a Query. */
  page(query: Query): Promise<Page<Item>>;
  /** Every item a Query matches, page after page: for partitions known to stay small. */
  all(query: Omit<Query, 'ExclusiveStartKey'>): Promise<Item[]>;
  /** Adds one to the counter item at `key` and gives its new value (1 the first time). */
  count(key: StoreKey): Promise<number>;
  /** A transaction's Put, unconditional. */
  put(item: Item): TransactItem;
  /** A transaction's Put that creates the item: refused if one with its key exists. */
  putNew(item: Item): TransactItem;
  /** A transaction's Put that replaces the item only while it is still at version `expected`. */
  putAtVersion(item: Item, expected: number): TransactItem;
}

export function tableOf(db: DynamoDBDocumentClient, name: string): Table {
  const page: Table['page'] = async (query) => {
    const result = await db.send(new QueryCommand({ TableName: name, ...query }));
    return {
      items: result.Items ?? [],
      ...(result.LastEvaluatedKey ? { lastKey: result.LastEvaluatedKey } : {}),
    };
  };
  return {
    name,
    async get(key, options = {}) {
      const { Item } = await db.send(new GetCommand({ TableName: name, Key: key, ...options }));
      return Item;
    },
    page,
    async count(key) {
      const { Attributes } = await db.send(
        new UpdateCommand({
          TableName: name,
          Key: key,
          UpdateExpression: 'ADD #n :one',
          ExpressionAttributeNames: { '#n': 'n' },
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(Attributes?.n ?? 0);
    },
    async all(query) {
      const items: Item[] = [];
      let start: StoreKey | undefined;
      do {
        const next = await page({ ...query, ExclusiveStartKey: start });
        items.push(...next.items);
        start = next.lastKey;
      } while (start);
      return items;
    },
    put: (item) => ({ Put: { TableName: name, Item: item } }),
    putNew: (item) => ({
      Put: { TableName: name, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
    }),
    putAtVersion: (item, expected) => ({
      Put: {
        TableName: name,
        Item: item,
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': expected },
      },
    }),
  };
}

/** The item without its table key: the record it holds. */
export function withoutKey(item: Item): Item {
  const { pk: _pk, sk: _sk, ...record } = item;
  return record;
}

/**
 * Writes the items in one transaction, all or nothing. When DynamoDB cancels it, `cancelled` is
 * given each item's reason, in the items' order, and throws what that means to the area (a Conflict
 * in its words); if it returns, the cancellation itself is thrown.
 */
export async function transact(
  db: DynamoDBDocumentClient,
  items: TransactItem[],
  cancelled?: (codes: (string | undefined)[]) => void | Promise<void>,
): Promise<void> {
  try {
    await db.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes && cancelled) await cancelled(codes);
    throw error;
  }
}
