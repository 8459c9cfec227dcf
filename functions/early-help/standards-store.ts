import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EarlyHelpStandards } from '../../shared/early-help/standards.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import { type Item, tableOf, transact } from '../platform/table.ts';
import { cancellationCodes } from '../platform/transaction-errors.ts';
import { STANDARDS_KEY } from './keys.ts';
import type { RelistingState } from './standards-source.ts';

/** The standards item as the board's change writes it (keys.ts `STANDARDS / CURRENT`). */
export interface StandardsItem extends EarlyHelpStandards {
  version: number;
  changedAt: string;
  relisting?: RelistingState;
}

/** The early-help table's standards item: read, changed by the board, and the re-listing it sets off. */
export interface StandardsStore {
  /** The standards item, if one is set (the app checks it and falls back to the defaults). */
  standards(): Promise<Item | undefined>;
  /**
   * Replaces the standards if they are still at `expected` (0: none set yet, or an item that
   * never had a version), with the change's audit entry, all or nothing. Conflict otherwise,
   * without the standards: the app reads them again to answer.
   */
  setStandards(item: StandardsItem, expected: number, audit: AuditPut): Promise<void>;
  /**
   * Records how far the re-listing has got (null: it is finished), while the standards are still
   * at `version`; false when they have changed since, and a newer re-listing is under way.
   */
  saveRelisting(version: number, state: RelistingState | null): Promise<boolean>;
}

export function createStandardsStore(db: DynamoDBDocumentClient, tableName: string): StandardsStore {
  const table = tableOf(db, tableName);
  return {
    // Consistent: the board's change is checked against it, and the re-listing follows it.
    standards: () => table.get(STANDARDS_KEY, { ConsistentRead: true }),

    async setStandards(item, expected, audit) {
      const condition =
        expected === 0
          ? { ConditionExpression: 'attribute_not_exists(version)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expected },
            };
      try {
        await transact(db, [
          { Put: { TableName: tableName, Item: { ...STANDARDS_KEY, ...item }, ...condition } },
          audit,
        ]);
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes && (codes[0] === 'ConditionalCheckFailed' || codes.includes('TransactionConflict')))
          throw new Conflict('Someone else changed the standards since you read them');
        throw error;
      }
    },

    async saveRelisting(version, state) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: STANDARDS_KEY,
            UpdateExpression: state ? 'SET relisting = :state' : 'REMOVE relisting',
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': version, ...(state ? { ':state': state } : {}) },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
        throw error;
      }
    },
  };
}
