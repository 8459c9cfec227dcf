import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { deliveryKey } from './keys.ts';
import type { DeliveryLog } from './notify.ts';

/** Kept well past any retry of a stream batch (24 hours at most), then removed by the table's TTL. */
const KEPT_DAYS = 30;

/**
 * The notifier's record of what it has emailed, in the outbox's own table (`DELIVERED#<id>`), the
 * only items it may write there. Read strongly, so a retry straight after a send sees it.
 */
export function createDynamoDeliveryLog(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock: () => Date = () => new Date(),
): DeliveryLog {
  return {
    async wasSent(notificationId) {
      const found = await db.send(
        new GetCommand({ TableName: tableName, Key: deliveryKey(notificationId), ConsistentRead: true }),
      );
      return found.Item !== undefined;
    },
    async recordSent(notificationId) {
      const now = clock();
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...deliveryKey(notificationId),
            sentAt: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + KEPT_DAYS * 24 * 60 * 60,
          },
        }),
      );
    },
  };
}
