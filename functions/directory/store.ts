import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Agency } from '../../shared/directory/schema.ts';
import { AGENCY_PARTITION, agencyStandingKey as agencyKey } from '../platform/access.ts';
import {
  type AuditPut,
  auditActorPartition,
  auditEntityPartition,
  auditSubjectPartition,
} from '../platform/audit.ts';
import { Conflict, NotFound } from '../platform/errors.ts';
import type { Page, StoreKey } from '../platform/pagination.ts';
import { shownAsIs } from '../platform/shown.ts';
import { tableOf, transact, withoutKey } from '../platform/table.ts';
import { agencyNameKey, normaliseName, PING_KEY } from './keys.ts';

/** How a trail is read: a page, in time order either way, optionally between two ISO times. */
export interface TrailOptions {
  limit: number;
  startKey?: StoreKey;
  order?: 'oldest' | 'newest';
  /** Inclusive bounds, compared with each entry's ISO time (a date alone covers the whole day). */
  from?: string;
  to?: string;
}
export type TrailPage = Page<Record<string, unknown>>;

/** The directory table (agencies; keys in keys.ts and functions/platform/access.ts) and reads of the audit table. */
export interface DirectoryStore {
  // The audit table is read here only, and only by Query: on a record's key, a person's (gsi1) or a child's (gsi2).
  /** One record's audit trail. */
  auditTrail(entity: { type: string; id: string }, options: TrailOptions): Promise<TrailPage>;
  /** Everything one person did. */
  actorTrail(userId: string, options: TrailOptions): Promise<TrailPage>;
  /** Every entry filed under a child's subject key (functions/platform/subject-keys.ts), oldest first. */
  subjectTrail(subjectKey: string, options: TrailOptions): Promise<TrailPage>;
  listAgencies(options: { limit: number; startKey?: StoreKey }): Promise<Page<Agency>>;
  getAgency(id: string): Promise<Agency | null>;
  /** One cheap read of the directory table (readiness): throws if the store cannot answer. */
  ping(): Promise<void>;
  createAgency(agency: Agency, audit: AuditPut): Promise<void>;
  /** Applies the change only if the stored version is still `expectedVersion`; otherwise Conflict with the current record. */
  updateAgency(
    updated: Agency,
    expectedVersion: number,
    previousName: string,
    audit: AuditPut,
  ): Promise<void>;
}

const strip = (item: Record<string, unknown>) => withoutKey(item) as Agency;

export function createDynamoDirectoryStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  auditTableName: string,
): DirectoryStore {
  const table = tableOf(db, tableName);
  const auditTable = tableOf(db, auditTableName);
  /** One page of a trail, by a key whose sort key starts with the entry's ISO time. */
  const trail = async (
    key: { index?: string; pk: string; sk: string },
    value: string,
    { limit, startKey, order = 'oldest', from, to }: TrailOptions,
  ): Promise<TrailPage> => {
    // `~` sorts after `#` and `T`, so an upper bound of a date or a time takes in all of it.
    const range =
      from && to
        ? ` AND ${key.sk} BETWEEN :from AND :to`
        : from
          ? ` AND ${key.sk} >= :from`
          : to
            ? ` AND ${key.sk} <= :to`
            : '';
    const page = await auditTable.page({
      ...(key.index ? { IndexName: key.index } : {}),
      KeyConditionExpression: `${key.pk} = :pk${range}`,
      ExpressionAttributeValues: {
        ':pk': value,
        ...(from ? { ':from': from } : {}),
        ...(to ? { ':to': `${to}~` } : {}),
      },
      ScanIndexForward: order === 'oldest',
      Limit: limit,
      ExclusiveStartKey: startKey,
    });
    // Keys and the child's hashed key are the store's business, not the reader's.
    const items = page.items.map(
      ({
        pk: _a,
        sk: _b,
        gsi1pk: _c,
        gsi1sk: _d,
        gsi2pk: _e,
        gsi2sk: _f,
        subjectKey: _g,
        expiresAt: _h,
        ...entry
      }) => entry,
    );
    return { ...page, items };
  };
  /** The claim on an agency's name, which no two agencies may share. */
  const nameClaim = (agency: Agency) => table.putNew({ ...agencyNameKey(agency.name), agencyId: agency.id });

  const store: DirectoryStore = {
    auditTrail: (entity, options) => trail({ pk: 'pk', sk: 'sk' }, auditEntityPartition(entity), options),
    actorTrail: (userId, options) =>
      trail({ index: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' }, auditActorPartition(userId), options),
    subjectTrail: (subjectKey, options) =>
      trail({ index: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' }, auditSubjectPartition(subjectKey), options),
    async listAgencies({ limit, startKey }) {
      const page = await table.page({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': AGENCY_PARTITION },
        Limit: limit,
        ExclusiveStartKey: startKey,
      });
      return { ...page, items: page.items.map(strip) };
    },
    async getAgency(id) {
      const item = await table.get(agencyKey(id));
      return item ? strip(item) : null;
    },
    async ping() {
      // A key that is never written: the read costs the least DynamoDB can charge, and nothing is returned.
      await table.get(PING_KEY, { ProjectionExpression: 'pk' });
    },
    async createAgency(agency, audit) {
      await transact(
        db,
        [table.putNew({ ...agencyKey(agency.id), ...agency }), nameClaim(agency), audit],
        (codes) => {
          if (codes[1] === 'ConditionalCheckFailed') {
            throw new Conflict(`An agency called "${agency.name}" already exists`);
          }
        },
      );
    },
    async updateAgency(updated, expectedVersion, previousName, audit) {
      const renamed = normaliseName(updated.name) !== normaliseName(previousName);
      const items = [table.putAtVersion({ ...agencyKey(updated.id), ...updated }, expectedVersion), audit];
      if (renamed) {
        items.push(nameClaim(updated), {
          Delete: { TableName: tableName, Key: agencyNameKey(previousName) },
        });
      }
      await transact(db, items, async (codes) => {
        if (codes[0] === 'ConditionalCheckFailed') {
          const current = await store.getAgency(updated.id);
          if (!current) throw new NotFound('There is no such agency');
          throw new Conflict('Someone else changed this agency since you read it', shownAsIs(current));
        }
        if (renamed && codes[2] === 'ConditionalCheckFailed') {
          throw new Conflict(`An agency called "${updated.name}" already exists`);
        }
      });
    },
  };
  return store;
}
