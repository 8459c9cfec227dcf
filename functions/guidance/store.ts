import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { GuidanceVersion } from '../../shared/guidance.ts';
import type { AuditWriter } from '../platform/audit.ts';

/** Keys: every version is `GUIDANCE / VERSION#000003`; the current published one is copied to `GUIDANCE / CURRENT`. */
const PK = 'GUIDANCE';
const versionSk = (version: number) => `VERSION#${String(version).padStart(6, '0')}`;
const CURRENT_SK = 'CURRENT';

export type VersionSummary = Pick<
  GuidanceVersion,
  'version' | 'status' | 'changeSummary' | 'effectiveFrom' | 'publishedAt' | 'updatedAt'
>;

export interface GuidanceStore {
  /** The current published version: one GetItem. */
  current(): Promise<GuidanceVersion | null>;
  version(version: number): Promise<GuidanceVersion | null>;
  /** Newest first, without the framework content. */
  versions(): Promise<VersionSummary[]>;
  /** Writes a version as published and current, with its audit entry, in one transaction. */
  putPublished(version: GuidanceVersion, audit: ReturnType<AuditWriter['putItem']>): Promise<void>;
}

export function createDynamoGuidanceStore(db: DynamoDBDocumentClient, tableName: string): GuidanceStore {
  const strip = (item: Record<string, unknown>): GuidanceVersion => {
    const { pk: _pk, sk: _sk, ...rest } = item;
    return rest as GuidanceVersion;
  };
  return {
    async current() {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { pk: PK, sk: CURRENT_SK } }),
      );
      return Item ? strip(Item) : null;
    },
    async version(version) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { pk: PK, sk: versionSk(version) } }),
      );
      return Item ? strip(Item) : null;
    },
    async versions() {
      const items: VersionSummary[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
            ExpressionAttributeValues: { ':pk': PK, ':v': 'VERSION#' },
            ProjectionExpression: 'version, #s, changeSummary, effectiveFrom, publishedAt, updatedAt',
            ExpressionAttributeNames: { '#s': 'status' },
            ScanIndexForward: false,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...((page.Items ?? []) as VersionSummary[]));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    async putPublished(version, audit) {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { pk: PK, sk: versionSk(version.version), ...version },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: tableName, Item: { pk: PK, sk: CURRENT_SK, ...version } } },
            audit,
          ],
        }),
      );
    },
  };
}
