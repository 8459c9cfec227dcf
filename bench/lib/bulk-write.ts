import {
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';

/**
 * The scale section's seeding: records written with BatchWriteItem, 25 items a request, several
 * requests in flight (unprocessed items retried with backoff). A record may be several items.
 */

export interface BulkWriteOptions {
  inFlight?: number;
  progress?: (done: number, perSecond: number, target: number) => void;
  /** performance.now() after which no new chunk starts (what was written so far stays). */
  deadline?: number;
  /** Asked before each chunk: lowers the count while seeding (e.g. once the rate is known). */
  limit?: (written: number, seconds: number) => number;
}

export interface BulkWriteResult {
  /** Records written. */
  written: number;
  items: number;
  seconds: number;
  /** Records a second. */
  perSecond: number;
}

const BATCH = 25;

async function writeBatch(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) {
  let requests = items.map((Item) => ({ PutRequest: { Item } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
    if (attempt > 12) throw new Error('DynamoDB Local kept returning unprocessed items');
    const result = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
    requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
  }
}

/**
 * Writes records `0 … count - 1`, `chunk` records at a time per worker. `itemsOf(n)` makes record
 * n's items; it is called in order of n, a chunk's calls all at once, so what a seeded generator
 * draws before its first await comes out the same every run.
 */
export async function bulkWrite(
  db: DynamoDBDocumentClient,
  tableName: string,
  count: number,
  itemsOf: (n: number) => Record<string, unknown>[] | Promise<Record<string, unknown>[]>,
  options: BulkWriteOptions & { chunk?: number } = {},
): Promise<BulkWriteResult> {
  const inFlight = options.inFlight ?? 8;
  const chunk = options.chunk ?? BATCH;
  const started = performance.now();
  let next = 0;
  let written = 0;
  let itemCount = 0;
  let lastReport = started;

  const limit = () =>
    Math.min(count, options.limit?.(written, (performance.now() - started) / 1000) ?? count);
  const worker = async () => {
    while (next < limit() && performance.now() < (options.deadline ?? Number.POSITIVE_INFINITY)) {
      const from = next;
      const to = Math.min(count, from + chunk);
      next = to;
      const made: ReturnType<typeof itemsOf>[] = [];
      for (let n = from; n < to; n++) made.push(itemsOf(n));
      const items = (await Promise.all(made)).flat();
      for (let i = 0; i < items.length; i += BATCH)
        await writeBatch(db, tableName, items.slice(i, i + BATCH));
      written += to - from;
      itemCount += items.length;
      const now = performance.now();
      if (options.progress && now - lastReport > 2000) {
        lastReport = now;
        options.progress(written, written / ((now - started) / 1000), limit());
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { written, items: itemCount, seconds, perSecond: written / seconds };
}

/** Dashboard counter rows by sort key, added up while seeding and written once at the end. */
export type Counters = Map<string, Record<string, number>>;

export function addCounts(counters: Counters, sk: string, add: Record<string, number>): void {
  const row = counters.get(sk) ?? {};
  for (const [k, v] of Object.entries(add)) row[k] = (row[k] ?? 0) + v;
  counters.set(sk, row);
}

/** Writes every counter row with the area's own update, 16 at once; how many rows there were. */
export async function writeCounters(
  db: DynamoDBDocumentClient,
  counters: Counters,
  updateOf: (row: { sk: string; add: Record<string, number> }) => UpdateCommandInput,
): Promise<number> {
  const rows = [...counters];
  for (let i = 0; i < rows.length; i += 16) {
    await Promise.all(
      rows.slice(i, i + 16).map(([sk, add]) => db.send(new UpdateCommand(updateOf({ sk, add })))),
    );
  }
  return rows.length;
}
