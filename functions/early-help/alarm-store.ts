import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditPut } from '../platform/audit.ts';
import { type Item, tableOf, transact } from '../platform/table.ts';
import { failedCondition } from '../platform/transaction-errors.ts';
import { alarmKey } from './keys.ts';

/**
 * The drift alarm's writes: the note that a timer's alarm was sent, the outbox notifications that
 * send it and its audit entry, in one transaction, so a timer is alarmed at most once however often
 * the job runs (or two runs overlap).
 */
export interface DriftAlarmStore {
  /** False when this timer's alarm was sent already: nothing is written then. */
  raise(
    alarm: { episodeId: string; kind: string; from: string; at: string },
    notifications: Item[],
    audit: AuditPut,
  ): Promise<boolean>;
}

export function createDynamoDriftAlarmStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  outboxTableName: string,
): DriftAlarmStore {
  const table = tableOf(db, tableName);
  const outbox = tableOf(db, outboxTableName);
  return {
    async raise({ episodeId, kind, from, at }, notifications, audit) {
      try {
        await transact(db, [
          table.putNew({ ...alarmKey(episodeId, kind, from), at }),
          ...notifications.map((item) => outbox.put(item)),
          audit,
        ]);
        return true;
      } catch (error) {
        if (failedCondition(error, 0)) return false;
        throw error;
      }
    },
  };
}
