import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreKey } from '../platform/pagination.ts';
import { type TransactItem, tableOf, transact } from '../platform/table.ts';
import { cancellationCodes } from '../platform/transaction-errors.ts';
import type { CounterChange } from './counters.ts';
import { childIndexKey, childIndexPartition, counterKey, frontDoorPartition, STATS_PK } from './keys.ts';

/**
 * The early-help table's items for the dashboard and for re-referrals: counter rows, the child index,
 * and the count of reviews overdue now (keys.ts).
 */

export interface CounterRow {
  sk: string;
  values: Record<string, number>;
}

/** How many open episodes whose next review is overdue, and whether counting stopped at its bound. */
export interface OverdueCount {
  count: number;
  atLeast: boolean;
}

/**
 * The overdue count's bound: at most this many pages of at most this many index entries each (and
 * 1 MB each, DynamoDB's own page limit), so the dashboard's cost stays flat however many are overdue.
 */
export const OVERDUE_PAGE_SIZE = 1000;
export const OVERDUE_MAX_PAGES = 5;

export interface EarlyHelpStatsStore {
  /** The counter rows whose sort key starts with `prefix` (keys.ts `quarterCountersOf`, `OPEN_COUNTERS`). */
  counters(prefix: string): Promise<CounterRow[]>;
  /** Open episodes whose running timer is a review due before `today` (a UK date). */
  reviewsOverdue(today: string): Promise<OverdueCount>;
  /** The ids of the episodes filed under any of the child's keys. */
  episodesOfChild(childKeys: readonly string[]): Promise<string[]>;
}

/** The update that adds a change's counts to its counter row (created at zero if it is new). */
export function counterUpdate(tableName: string, change: CounterChange) {
  const names = Object.keys(change.add);
  return {
    Update: {
      TableName: tableName,
      Key: counterKey(change.sk),
      UpdateExpression: `ADD ${names.map((_, i) => `#c${i} :c${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#c${i}`, n])),
      ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:c${i}`, change.add[n]])),
    },
  };
}

const COUNTER_ATTEMPTS = 5;
const passed = (code: string | undefined) => code === undefined || code === 'None';

/**
 * The transaction, tried again when it met another one only on its counter rows (the items from
 * `countersFrom` on): every write in a quarter adds to the same rows, so two writes of different
 * episodes at once meet there, and a cancelled transaction wrote nothing. Any other cancellation,
 * or one still meeting others after a few tries, is thrown as it came.
 */
export async function transactWithCounters(
  db: DynamoDBDocumentClient,
  items: TransactItem[],
  countersFrom: number,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transact(db, items);
    } catch (error) {
      const codes = cancellationCodes(error);
      const onCounter = (code: string | undefined, i: number) =>
        i >= countersFrom && code === 'TransactionConflict';
      const onCounters =
        !!codes?.some(onCounter) && codes.every((code, i) => passed(code) || onCounter(code, i));
      if (!onCounters || attempt >= COUNTER_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 30 * attempt));
    }
  }
}

/** The child index item of an episode under one of its child's keys. */
export const childIndexItem = (matchKey: string, episodeId: string) => ({
  ...childIndexKey(matchKey, episodeId),
  episodeId,
});

export function createEarlyHelpStatsStore(
  db: DynamoDBDocumentClient,
  tableName: string,
): EarlyHelpStatsStore {
  const table = tableOf(db, tableName);
  return {
    async counters(prefix) {
      const items = await table.all({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': STATS_PK, ':prefix': prefix },
      });
      return items.map(({ pk: _pk, sk, ...values }) => ({
        sk: String(sk),
        values: values as Record<string, number>,
      }));
    },

    async reviewsOverdue(today) {
      // A count, not the items: the overdue entries of the front door's index (a key condition on the
      // due date), of which only those whose running timer is a review are counted.
      let count = 0;
      let startKey: StoreKey | undefined;
      for (let pages = 0; pages < OVERDUE_MAX_PAGES; pages++) {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :today',
            FilterExpression: '#summary.#running.#kind = :review',
            ExpressionAttributeNames: { '#summary': 'summary', '#running': 'running', '#kind': 'kind' },
            ExpressionAttributeValues: {
              ':pk': frontDoorPartition('open'),
              ':today': today,
              ':review': 'review',
            },
            Select: 'COUNT',
            Limit: OVERDUE_PAGE_SIZE,
            ExclusiveStartKey: startKey,
          }),
        );
        count += page.Count ?? 0;
        startKey = page.LastEvaluatedKey;
        if (!startKey) return { count, atLeast: false };
      }
      return { count, atLeast: true };
    },

    async episodesOfChild(childKeys) {
      const pages = await Promise.all(
        childKeys.map((key) =>
          table.all({
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': childIndexPartition(key) },
            ConsistentRead: true,
          }),
        ),
      );
      return [...new Set(pages.flat().map((item) => String(item.episodeId)))];
    },
  };
}
