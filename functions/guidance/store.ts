import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import type { AuditWriter } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import { shownAsIs } from '../platform/shown.ts';
import { CURRENT_KEY, GUIDANCE_PK, VERSION_PREFIX, versionKey } from './keys.ts';

type AuditPut = ReturnType<AuditWriter['putItem']>;

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
  /** The highest version number, of any status, or 0. */
  latestNumber(): Promise<number>;
  /** Writes a version as published and current, with its audit entry, in one transaction (seeding). */
  putPublished(version: GuidanceVersion, audit: AuditPut): Promise<void>;
  /** Creates a draft under a number no other version has; Conflict if someone took it first. */
  createDraft(draft: GuidanceVersion, audit: AuditPut): Promise<void>;
  /** Saves a draft if it is still a draft at `expectedRevision`; Conflict otherwise. */
  saveDraft(draft: GuidanceVersion, expectedRevision: number, audit: AuditPut): Promise<void>;
  /**
   * Publishes a draft at `expectedRevision` in one transaction: the draft becomes published, the
   * previous current version superseded, the current pointer moves, and the audit entry lands.
   */
  publish(
    published: GuidanceVersion,
    expectedRevision: number,
    previous: GuidanceVersion | null,
    audit: AuditPut,
  ): Promise<void>;
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'ConditionalCheckFailedException' ||
      (error.name === 'TransactionCanceledException' &&
        ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some(
          (r) => r.Code === 'ConditionalCheckFailed',
        )))
  );
}

export function createDynamoGuidanceStore(db: DynamoDBDocumentClient, tableName: string): GuidanceStore {
  const strip = (item: Record<string, unknown>): GuidanceVersion => {
    const { pk: _pk, sk: _sk, ...rest } = item;
    return rest as GuidanceVersion;
  };
  const store: GuidanceStore = {
    async current() {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: CURRENT_KEY }));
      return Item ? strip(Item) : null;
    },
    async version(version) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: versionKey(version) }));
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
            ExpressionAttributeValues: { ':pk': GUIDANCE_PK, ':v': VERSION_PREFIX },
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
    async latestNumber() {
      const { Items } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
          ExpressionAttributeValues: { ':pk': GUIDANCE_PK, ':v': VERSION_PREFIX },
          ProjectionExpression: 'version',
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      return Number(Items?.[0]?.version ?? 0);
    },
    async createDraft(draft, audit) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...versionKey(draft.version), ...draft },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              audit,
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error))
          throw new Conflict(`Version ${draft.version} was started by someone else just now`);
        throw error;
      }
    },
    async saveDraft(draft, expectedRevision, audit) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...versionKey(draft.version), ...draft },
                  ConditionExpression: '#status = :draft AND revision = :revision',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':draft': 'draft', ':revision': expectedRevision },
                },
              },
              audit,
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) {
          throw new Conflict(
            'Someone else saved or published this draft since you read it',
            shownAsIs(await store.version(draft.version)),
          );
        }
        throw error;
      }
    },
    async publish(published, expectedRevision, previous, audit) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...versionKey(published.version), ...published },
                  ConditionExpression: '#status = :draft AND revision = :revision',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':draft': 'draft', ':revision': expectedRevision },
                },
              },
              ...(previous
                ? [
                    {
                      Update: {
                        TableName: tableName,
                        Key: versionKey(previous.version),
                        UpdateExpression: 'SET #status = :superseded',
                        ConditionExpression: '#status = :published',
                        ExpressionAttributeNames: { '#status': 'status' },
                        ExpressionAttributeValues: { ':superseded': 'superseded', ':published': 'published' },
                      },
                    },
                  ]
                : []),
              {
                Put: {
                  TableName: tableName,
                  Item: { ...CURRENT_KEY, ...published },
                  // The pointer moves only from the version this publication replaces.
                  ConditionExpression: previous ? 'version = :previous' : 'attribute_not_exists(pk)',
                  ...(previous ? { ExpressionAttributeValues: { ':previous': previous.version } } : {}),
                },
              },
              audit,
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) {
          throw new Conflict(
            'This version was published or changed by someone else since you read it',
            shownAsIs(await store.version(published.version)),
          );
        }
        throw error;
      }
    },
    async putPublished(version, audit) {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...versionKey(version.version), ...version },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            { Put: { TableName: tableName, Item: { ...CURRENT_KEY, ...version } } },
            audit,
          ],
        }),
      );
    },
  };
  return store;
}
