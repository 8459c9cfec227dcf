import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { textOf } from '../../shared/services/rules.ts';
import type { Service, ServiceFields } from '../../shared/services/schema.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import type { Page, StoreKey } from '../platform/pagination.ts';
import { type Item, tableOf, transact } from '../platform/table.ts';
import { ALL_PK, EVERY_PK, type ListingScope, listKeys, ownerPartition, serviceKey } from './keys.ts';
import {
  entriesById,
  type ListingFilter,
  listingItems,
  relisting,
  type StoredService,
  searchListing,
} from './store-listing.ts';

export type { ListingFilter, StoredService } from './store-listing.ts';

/** The services table's store (its keys in keys.ts): entries, editors' lists and the search listing. */
export interface ServiceStore {
  get(id: string): Promise<StoredService | null>;
  /** An editor's list: one agency's entries, or every entry (the partnership's), longest unchecked first. */
  list(
    whose: { agencyId: string } | 'every',
    page: { limit: number; startKey?: StoreKey },
  ): Promise<Page<Service>>;
  create(service: Service, audit: AuditPut): Promise<void>;
  /**
   * Saves `next` over `previous` (still at its version, or Conflict), with its search listing in the
   * same transaction: written when it is published or its fields change while published, removed
   * when it stops being published. All or nothing: a failure leaves the entry as it was.
   */
  save(next: Service, previous: StoredService, audit: AuditPut): Promise<void>;
  /** One page of published entries in the listing's order (nearest or by name). */
  search(request: {
    scopes: ListingScope[];
    filter: ListingFilter;
    accept: (fields: ServiceFields) => boolean;
    limit: number;
    after?: string;
  }): Promise<{ items: Service[]; after?: string }>;
  /** Every published entry, by name, page after page. */
  allPublished(): AsyncIterable<Service>;
}

/** The entry's own item, with its editors' list keys and the version its listing was written for. */
export function serviceItem(service: Service, listedVersion?: number): Item {
  return {
    ...serviceKey(service.id),
    ...service,
    ...listKeys(service),
    ...(listedVersion !== undefined ? { listedVersion } : {}),
  };
}

/**
 * Every item of a published entry, as a bulk load writes them (BatchWrite, 25 at a time): the entry
 * at its version and its whole listing. For loading many entries at once (a bench, a migration).
 */
export function publishedServiceItems(service: Service): Item[] {
  if (service.status !== 'published') throw new Error('Only a published entry is listed');
  return [
    serviceItem(service, service.version),
    ...listingItems(service, service.version, textOf(service.fields)),
  ];
}

function stripService(item: Item): StoredService {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _g1,
    gsi1sk: _s1,
    gsi2pk: _g2,
    gsi2sk: _s2,
    listedVersion,
    ...service
  } = item;
  return {
    service: service as unknown as Service,
    ...(typeof listedVersion === 'number' ? { listedVersion } : {}),
  };
}

const listingOf = (stored: StoredService | Service, version?: number): Item[] => {
  const service = 'service' in stored ? stored.service : stored;
  const at = version ?? ('service' in stored ? stored.listedVersion : undefined);
  if (service.status !== 'published' || at === undefined) return [];
  return listingItems(service, at, textOf(service.fields));
};

export function createDynamoServiceStore(db: DynamoDBDocumentClient, tableName: string): ServiceStore {
  const table = tableOf(db, tableName);
  const store: ServiceStore = {
    async get(id) {
      const item = await table.get(serviceKey(id), { ConsistentRead: true });
      return item ? stripService(item) : null;
    },
    async list(whose, { limit, startKey }) {
      const [index, pk] = whose === 'every' ? ['gsi2', EVERY_PK] : ['gsi1', ownerPartition(whose.agencyId)];
      const page = await table.page({
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': pk },
        Limit: limit,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      });
      return { ...page, items: page.items.map((item) => stripService(item).service) };
    },
    async create(service, audit) {
      await transact(db, [table.putNew(serviceItem(service)), audit]);
    },
    async save(next, previous, audit) {
      const was = previous.service;
      const listed = next.status === 'published';
      // A check changes neither what is listed nor where: its listing stays as it was.
      const relist =
        listed &&
        (was.status !== 'published' ||
          previous.listedVersion === undefined ||
          JSON.stringify(was.fields) !== JSON.stringify(next.fields));
      const unlist = !listed && was.status === 'published';
      const listedVersion = listed ? (relist ? next.version : previous.listedVersion) : undefined;
      const listing =
        relist || unlist ? relisting(tableName, listingOf(previous), listingOf(next, listedVersion)) : [];
      // Refused, the app re-reads the entry to show it to the caller as they may see it.
      await transact(
        db,
        [table.putAtVersion(serviceItem(next, listedVersion), was.version), audit, ...listing],
        (codes) => {
          if (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict'))
            throw new Conflict('Someone else changed this entry since you read it');
        },
      );
    },
    search: (request) => searchListing(db, tableName, stripService, request),
    async *allPublished() {
      let start: StoreKey | undefined;
      do {
        const page = await table.page({
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': ALL_PK },
          ProjectionExpression: 'id, version',
          Limit: 100,
          ...(start ? { ExclusiveStartKey: start } : {}),
        });
        const entries = await entriesById(
          db,
          tableName,
          page.items.map((item) => String(item.id)),
          stripService,
        );
        for (const item of page.items) {
          const entry = entries.get(String(item.id));
          if (entry?.service.status === 'published' && entry.listedVersion === Number(item.version))
            yield entry.service;
        }
        start = page.lastKey;
      } while (start);
    },
  };
  return store;
}
