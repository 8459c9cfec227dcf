import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Agency } from '../../shared/agency.ts';
import type { AuditWriter } from '../platform/audit.ts';
import { Conflict, NotFound } from '../platform/errors.ts';
import type { StoreKey } from '../platform/pagination.ts';

/**
 * Keys: agencies are `AGENCY / AGENCY#<id>` (listed by one Query on pk); each agency's name is
 * claimed by `AGENCYNAME#<normalised name>` so two agencies cannot share a name.
 */
const AGENCY_PK = 'AGENCY';
const agencyKey = (id: string) => ({ pk: AGENCY_PK, sk: `AGENCY#${id}` });
const nameKey = (name: string) => ({ pk: `AGENCYNAME#${normaliseName(name)}`, sk: 'NAME' });

export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

type AuditPut = ReturnType<AuditWriter['putItem']>;

export interface DirectoryStore {
  /** One record's audit trail, oldest first (the audit table is read here only). */
  auditTrail(
    entity: { type: string; id: string },
    options: { limit: number; startKey?: StoreKey },
  ): Promise<{ items: Record<string, unknown>[]; lastKey?: StoreKey }>;
  listAgencies(options: {
    limit: number;
    startKey?: StoreKey;
  }): Promise<{ items: Agency[]; lastKey?: StoreKey }>;
  getAgency(id: string): Promise<Agency | null>;
  createAgency(agency: Agency, audit: AuditPut): Promise<void>;
  /** Applies the change only if the stored version is still `expectedVersion`; otherwise Conflict with the current record. */
  updateAgency(
    updated: Agency,
    expectedVersion: number,
    previousName: string,
    audit: AuditPut,
  ): Promise<void>;
}

const strip = (item: Record<string, unknown>): Agency => {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as Agency;
};

function isCancelledFor(error: unknown, reason: string, index: number): boolean {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons[index]?.Code === reason;
}

export function createDynamoDirectoryStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  auditTableName: string,
): DirectoryStore {
  const store: DirectoryStore = {
    async auditTrail(entity, { limit, startKey }) {
      const page = await db.send(
        new QueryCommand({
          TableName: auditTableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `ENTITY#${entity.type}#${entity.id}` },
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      const items = (page.Items ?? []).map(({ pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...entry }) => entry);
      return { items, ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}) };
    },
    async listAgencies({ limit, startKey }) {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': AGENCY_PK },
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      return {
        items: (page.Items ?? []).map(strip),
        ...(page.LastEvaluatedKey ? { lastKey: page.LastEvaluatedKey } : {}),
      };
    },
    async getAgency(id) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: agencyKey(id) }));
      return Item ? strip(Item) : null;
    },
    async createAgency(agency, audit) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...agencyKey(agency.id), ...agency },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: { ...nameKey(agency.name), agencyId: agency.id },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              audit,
            ],
          }),
        );
      } catch (error) {
        if (isCancelledFor(error, 'ConditionalCheckFailed', 1)) {
          throw new Conflict(`An agency called "${agency.name}" already exists`);
        }
        throw error;
      }
    },
    async updateAgency(updated, expectedVersion, previousName, audit) {
      const renamed = normaliseName(updated.name) !== normaliseName(previousName);
      const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
        {
          Put: {
            TableName: tableName,
            Item: { ...agencyKey(updated.id), ...updated },
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          },
        },
        audit,
      ];
      if (renamed) {
        items.push(
          {
            Put: {
              TableName: tableName,
              Item: { ...nameKey(updated.name), agencyId: updated.id },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Delete: { TableName: tableName, Key: nameKey(previousName) } },
        );
      }
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        if (isCancelledFor(error, 'ConditionalCheckFailed', 0)) {
          const current = await store.getAgency(updated.id);
          if (!current) throw new NotFound('There is no such agency');
          throw new Conflict('Someone else changed this agency since you read it', current);
        }
        if (renamed && isCancelledFor(error, 'ConditionalCheckFailed', 2)) {
          throw new Conflict(`An agency called "${updated.name}" already exists`);
        }
        throw error;
      }
    },
  };
  return store;
}
