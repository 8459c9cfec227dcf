import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { GuidanceVersion } from '../../shared/guidance/schema.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import { shownAsIs } from '../platform/shown.ts';
import { type TransactItem, tableOf, transact, withoutKey } from '../platform/table.ts';
import { CURRENT_KEY, GUIDANCE_PK, VERSION_PREFIX, versionKey } from './keys.ts';

export type VersionSummary = Pick<
  GuidanceVersion,
  | 'version'
  | 'status'
  | 'changeSummary'
  | 'effectiveFrom'
  | 'publishedAt'
  | 'approvedBy'
  | 'approvedAt'
  | 'updatedAt'
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
  /** Saves a draft (a change, or its approval) if it is still a draft at `expectedRevision`; Conflict otherwise. */
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

const failedACondition = (codes: (string | undefined)[]) => codes.includes('ConditionalCheckFailed');

/** The version items, newest first. */
const NEWEST_FIRST = {
  KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
  ExpressionAttributeValues: { ':pk': GUIDANCE_PK, ':v': VERSION_PREFIX },
  ScanIndexForward: false,
};

const versionItem = (version: GuidanceVersion) => ({ ...versionKey(version.version), ...version });

export function createDynamoGuidanceStore(db: DynamoDBDocumentClient, tableName: string): GuidanceStore {
  const table = tableOf(db, tableName);
  const strip = (item: Record<string, unknown>) => withoutKey(item) as GuidanceVersion;
  /** Saves a version only while it is still a draft at `revision`. */
  const putDraftAt = (version: GuidanceVersion, revision: number): TransactItem => ({
    Put: {
      TableName: tableName,
      Item: versionItem(version),
      ConditionExpression: '#status = :draft AND revision = :revision',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':draft': 'draft', ':revision': revision },
    },
  });
  /** Someone else wrote the version first: the Conflict carries it as it now stands. */
  const conflictOver = (version: number, message: string) => async (codes: (string | undefined)[]) => {
    if (failedACondition(codes)) throw new Conflict(message, shownAsIs(await store.version(version)));
  };
  const store: GuidanceStore = {
    async current() {
      const item = await table.get(CURRENT_KEY);
      return item ? strip(item) : null;
    },
    async version(version) {
      const item = await table.get(versionKey(version));
      return item ? strip(item) : null;
    },
    async versions() {
      return (await table.all({
        ...NEWEST_FIRST,
        ProjectionExpression:
          'version, #s, changeSummary, effectiveFrom, publishedAt, approvedBy, approvedAt, updatedAt',
        ExpressionAttributeNames: { '#s': 'status' },
      })) as VersionSummary[];
    },
    async latestNumber() {
      const { items } = await table.page({ ...NEWEST_FIRST, ProjectionExpression: 'version', Limit: 1 });
      return Number(items[0]?.version ?? 0);
    },
    async createDraft(draft, audit) {
      await transact(db, [table.putNew(versionItem(draft)), audit], (codes) => {
        if (failedACondition(codes))
          throw new Conflict(`Version ${draft.version} was started by someone else just now`);
      });
    },
    async saveDraft(draft, expectedRevision, audit) {
      await transact(
        db,
        [putDraftAt(draft, expectedRevision), audit],
        conflictOver(draft.version, 'Someone else saved or published this draft since you read it'),
      );
    },
    async publish(published, expectedRevision, previous, audit) {
      await transact(
        db,
        [
          putDraftAt(published, expectedRevision),
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
        conflictOver(
          published.version,
          'This version was published or changed by someone else since you read it',
        ),
      );
    },
    async putPublished(version, audit) {
      await transact(db, [
        table.putNew(versionItem(version)),
        table.put({ ...CURRENT_KEY, ...version }),
        audit,
      ]);
    },
  };
  return store;
}
