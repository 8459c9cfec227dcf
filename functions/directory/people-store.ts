import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { personKey } from '../platform/access.ts';
import type { AuditPut } from '../platform/audit.ts';
import { tableOf, transact } from '../platform/table.ts';
import type { PersonAccess } from './people-routes.ts';

/**
 * People's access records in the directory table (`USER#<sub> / ACCESS`), which every function's
 * standing check reads (functions/platform/access.ts). Each change is written with its audit entry
 * in one transaction.
 */
export interface PeopleStore {
  /** Suspends and refuses every token issued before `at`. */
  suspend(userId: string, at: string, audit: AuditPut): Promise<PersonAccess>;
  /** Lifts the suspension; `revokedBefore` stays, so only tokens issued after it work. */
  restore(userId: string, at: string, audit: AuditPut): Promise<PersonAccess>;
}

export function createDynamoPeopleStore(db: DynamoDBDocumentClient, tableName: string): PeopleStore {
  const table = tableOf(db, tableName);
  const write = (userId: string, set: string, values: Record<string, unknown>, audit: AuditPut) =>
    transact(db, [
      {
        Update: {
          TableName: tableName,
          Key: personKey(userId),
          UpdateExpression: `SET userId = :userId, ${set}`,
          ExpressionAttributeValues: { ':userId': userId, ...values },
        },
      },
      audit,
    ]);
  return {
    async suspend(userId, at, audit) {
      await write(
        userId,
        'suspended = :yes, updatedAt = :at, revokedBefore = :at',
        { ':yes': true, ':at': at },
        audit,
      );
      return { userId, suspended: true, revokedBefore: at, updatedAt: at };
    },
    async restore(userId, at, audit) {
      // Read first: restoring leaves revokedBefore as it is, and a failed read must write nothing.
      const item = await table.get(personKey(userId), { ConsistentRead: true });
      const revokedBefore = typeof item?.revokedBefore === 'string' ? item.revokedBefore : undefined;
      await write(userId, 'suspended = :no, updatedAt = :at', { ':no': false, ':at': at }, audit);
      return { userId, suspended: false, ...(revokedBefore ? { revokedBefore } : {}), updatedAt: at };
    },
  };
}
