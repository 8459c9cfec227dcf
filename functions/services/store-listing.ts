import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { District } from '../../shared/services/districts.ts';
import { districtsCovered } from '../../shared/services/rules.ts';
import type { Service, ServiceFields } from '../../shared/services/schema.ts';
import type { Item, TransactItem } from '../platform/table.ts';
import { type ListingScope, listingKeys, listingPosition, resumeKey, serviceKey } from './keys.ts';

/**
 * A published entry's listing (keys.ts): written in the same transaction as the entry, and read by
 * search. A listing item names the version of the entry it was written for; search keeps a result
 * only when the entry it fetches is still published at that version, so a search that read the
 * listing just before a change never shows the entry as it was.
 */

/** What a search narrows on in the store: the attributes copied onto each listing item. */
export interface ListingFilter {
  age?: number;
  /** A district the entry must cover. */
  district?: District;
  free?: boolean;
  access?: string;
  level?: number;
  /** Folded words the entry's text must contain, every one. */
  words: string[];
}

/** The entry as stored, with the version its listing was written for (absent unless published). */
export interface StoredService {
  service: Service;
  listedVersion?: number;
}

/** One listing item: the entry's id, the listing's version, and what search filters on. */
export function listingItems(service: Service, version: number, text: string): Item[] {
  const { fields } = service;
  return listingKeys(service.id, fields).map((key) => ({
    ...key,
    id: service.id,
    version,
    ageFrom: fields.ages.from,
    ageTo: fields.ages.to,
    free: fields.cost.free,
    access: fields.access,
    levels: fields.levels,
    covers: districtsCovered(fields),
    words: text,
  }));
}

const keyOf = (item: Item) => `${item.pk}|${item.sk}`;

/**
 * The transaction's writes that turn listing `before` into `after` (either may be empty): the new
 * items put, the old ones it does not reuse deleted. The entry's own conditional put in the same
 * transaction keeps two writers from crossing.
 */
export function relisting(tableName: string, before: Item[], after: Item[]): TransactItem[] {
  const kept = new Set(after.map(keyOf));
  return [
    ...after.map((item): TransactItem => ({ Put: { TableName: tableName, Item: item } })),
    ...before
      .filter((item) => !kept.has(keyOf(item)))
      .map((item): TransactItem => ({ Delete: { TableName: tableName, Key: { pk: item.pk, sk: item.sk } } })),
  ];
}

/** Entries by id, read together (BatchGet, retrying what DynamoDB leaves unprocessed). */
export async function entriesById(
  db: DynamoDBDocumentClient,
  tableName: string,
  ids: string[],
  strip: (item: Item) => StoredService,
): Promise<Map<string, StoredService>> {
  const found = new Map<string, StoredService>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = unique.slice(i, i + 100).map(serviceKey);
    for (let attempt = 0; keys?.length && attempt < 5; attempt++) {
      const result: BatchGetCommandOutput = await db.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys } } }),
      );
      for (const item of result.Responses?.[tableName] ?? []) {
        const stored = strip(item);
        found.set(stored.service.id, stored);
      }
      keys = result.UnprocessedKeys?.[tableName]?.Keys;
    }
  }
  return found;
}

/** One listing candidate, in search order. */
interface Candidate {
  position: string;
  id: string;
  version: number;
}

/** A filter expression for the listing's copied attributes, or none. */
function filterOf(filter: ListingFilter): {
  FilterExpression?: string;
  ExpressionAttributeValues?: Record<string, unknown>;
  ExpressionAttributeNames?: Record<string, string>;
} {
  const parts: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  // Every attribute by a placeholder: several of their names are DynamoDB reserved words.
  const attribute = (name: string) => {
    names[`#${name}`] = name;
    return `#${name}`;
  };
  if (filter.age !== undefined) {
    parts.push(`${attribute('ageFrom')} <= :age AND ${attribute('ageTo')} >= :age`);
    values[':age'] = filter.age;
  }
  if (filter.district) {
    parts.push(`contains(${attribute('covers')}, :district)`);
    values[':district'] = filter.district;
  }
  if (filter.free) {
    parts.push(`${attribute('free')} = :free`);
    values[':free'] = true;
  }
  if (filter.access) {
    parts.push(`contains(${attribute('access')}, :access)`);
    values[':access'] = filter.access;
  }
  if (filter.level !== undefined) {
    parts.push(`contains(${attribute('levels')}, :level)`);
    values[':level'] = filter.level;
  }
  filter.words.forEach((word, i) => {
    parts.push(`contains(${attribute('words')}, :w${i})`);
    values[`:w${i}`] = word;
  });
  if (!parts.length) return {};
  return {
    FilterExpression: parts.join(' AND '),
    ExpressionAttributeValues: values,
    ExpressionAttributeNames: names,
  };
}

/** Above every sort key: a partition read to its end. */
const END = '\uffff';

/**
 * The listing candidates of several partitions merged into one order, each once, after `after`.
 * Each partition is read a page at a time; a candidate is given out only once every partition has
 * been read past it, so the merge order is exact whatever the pages hold.
 */
async function* candidates(
  db: DynamoDBDocumentClient,
  tableName: string,
  scopes: ListingScope[],
  filter: ListingFilter,
  after: string | undefined,
  pageSize: number,
): AsyncGenerator<Candidate> {
  const expression = filterOf(filter);
  // A place in the merged order is the scope's prefix and the item's sort key; a cursor resumes
  // inside the scope it stopped in, skips those before it and starts those after it afresh.
  const reads = scopes.map(({ pk, prefix }) => {
    const inside = after?.startsWith(prefix) ? after.slice(prefix.length) : undefined;
    const passed = after !== undefined && inside === undefined && after > prefix;
    return {
      partition: pk,
      prefix,
      buffer: [] as Candidate[],
      readTo: passed ? END : inside !== undefined ? (after as string) : prefix,
      start: inside !== undefined ? (resumeKey(pk, inside) as Record<string, unknown>) : undefined,
    };
  });
  const fetch = async (read: (typeof reads)[number]) => {
    const result = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ...expression,
        ExpressionAttributeValues: { ...expression.ExpressionAttributeValues, ':pk': read.partition },
        ProjectionExpression: 'sk, #id, #version',
        ExpressionAttributeNames: {
          ...expression.ExpressionAttributeNames,
          '#id': 'id',
          '#version': 'version',
        },
        Limit: pageSize,
        ...(read.start ? { ExclusiveStartKey: read.start } : {}),
      }),
    );
    for (const item of result.Items ?? [])
      read.buffer.push({
        position: read.prefix + listingPosition(item),
        id: String(item.id),
        version: Number(item.version),
      });
    read.start = result.LastEvaluatedKey;
    read.readTo = read.start ? read.prefix + listingPosition(read.start) : END;
  };
  for (;;) {
    const bound = reads.reduce((min, r) => (r.readTo < min ? r.readTo : min), END);
    let head: Candidate | undefined;
    for (const read of reads) {
      const first = read.buffer[0];
      if (first && (!head || first.position < head.position)) head = first;
    }
    if (head && head.position <= bound) {
      const position = head.position;
      // The same entry under two needs has one sort key: give it out once.
      for (const read of reads) if (read.buffer[0]?.position === position) read.buffer.shift();
      yield head;
      continue;
    }
    const behind = reads.find((r) => r.readTo === bound && r.readTo !== END);
    if (!behind) return;
    await fetch(behind);
  }
}

/** One page of a search: the entries kept, and the sort key to resume after (none on the last page). */
export async function searchListing(
  db: DynamoDBDocumentClient,
  tableName: string,
  strip: (item: Item) => StoredService,
  request: {
    scopes: ListingScope[];
    filter: ListingFilter;
    accept: (fields: ServiceFields) => boolean;
    limit: number;
    after?: string;
  },
): Promise<{ items: Service[]; after?: string }> {
  const { limit } = request;
  // Ordered by name with filters, most listing items read are left out: read more a Query, so a page
  // takes the same few Queries in a small directory as in a large one. (Near a district the
  // partitions are many and each is read only as far as the merge needs.)
  const filtered =
    filterOf(request.filter).FilterExpression !== undefined && request.scopes.every((s) => s.prefix === '');
  const source = candidates(
    db,
    tableName,
    request.scopes,
    request.filter,
    request.after,
    Math.min(Math.max(limit * (filtered ? 10 : 2), filtered ? 100 : 25), 200),
  );
  const items: Service[] = [];
  let last: string | undefined;
  while (items.length < limit) {
    const batch: Candidate[] = [];
    while (batch.length < limit - items.length) {
      const next = await source.next();
      if (next.done) break;
      batch.push(next.value);
    }
    if (!batch.length) return { items };
    const entries = await entriesById(
      db,
      tableName,
      batch.map((c) => c.id),
      strip,
    );
    for (const candidate of batch) {
      last = candidate.position;
      const entry = entries.get(candidate.id);
      if (
        entry?.service.status === 'published' &&
        entry.listedVersion === candidate.version &&
        request.accept(entry.service.fields)
      )
        items.push(entry.service);
    }
  }
  const more = !(await source.next()).done;
  await source.return(undefined);
  return more && last ? { items, after: last } : { items };
}
