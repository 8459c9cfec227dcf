import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Conflict } from '../platform/errors.ts';
import type { StoreKey } from '../platform/pagination.ts';
import { type TransactItem, tableOf, transact } from '../platform/table.ts';
import { cancellationCodes, failedCondition } from '../platform/transaction-errors.ts';
import {
  FRONT_DOOR_AUDIENCE,
  idempotencyKey,
  referenceClaimKey,
  referenceCounterKey,
  referralKey,
  reminderKey,
  teamMemberKey,
} from './keys.ts';
import { type ReferralStore, RelatedConflict } from './store.ts';
import {
  childIndexItem,
  consultationItem,
  counterUpdate,
  outboxItem,
  referralItem,
  timelineItem,
} from './store-items.ts';
import type { ReferralQueries } from './store-queries.ts';

export type ReferralWrites = Pick<
  ReferralStore,
  'nextReference' | 'create' | 'update' | 'addNote' | 'remindDueSoon' | 'joinTeam'
>;

/** The referrals store's writes: each one transaction with its audit entry, all or nothing. */
export function createReferralWrites(
  db: DynamoDBDocumentClient,
  tableName: string,
  outboxTableName: string,
  queries: Pick<ReferralQueries, 'listForTriage'>,
): ReferralWrites {
  const table = tableOf(db, tableName);
  const outbox = tableOf(db, outboxTableName);

  return {
    async nextReference(year) {
      const n = await table.count(referenceCounterKey(year));
      return `EH-${year}-${String(n).padStart(6, '0')}`;
    },

    async create(referral, entry, audit, idempotency) {
      const recordKey = idempotencyKey(idempotency.userId, idempotency.key);
      try {
        await transact(db, [
          table.putNew({
            ...recordKey,
            referralId: referral.id,
            requestHash: idempotency.requestHash,
            expiresAt: idempotency.expiresAt,
          }),
          table.putNew(referralItem(referral)),
          table.putNew({ ...referenceClaimKey(referral.reference), referralId: referral.id }),
          table.put(timelineItem(referral.id, entry)),
          audit,
        ]);
        return { created: true };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        // Another request with this key won, or is committing now: wait for its record.
        for (let attempt = 0; attempt < 20; attempt++) {
          const record = await table.get(recordKey, { ConsistentRead: true });
          if (record)
            return {
              created: false,
              referralId: String(record.referralId),
              requestHash: String(record.requestHash),
            };
          if (codes[0] !== 'TransactionConflict' && codes[0] !== 'ConditionalCheckFailed') throw error;
          await new Promise((r) => setTimeout(r, 50 + attempt * 25));
        }
        throw error;
      }
    },

    async update(
      referral,
      expectedVersion,
      { entry, audit, childKeys = [], counters = [], messages = [], related = [], consultations = [] },
    ) {
      const items: TransactItem[] = [table.putAtVersion(referralItem(referral), expectedVersion), audit];
      if (entry) items.push(table.put(timelineItem(referral.id, entry)));
      for (const key of childKeys) items.push(table.put(childIndexItem(key, referral)));
      for (const message of messages) items.push(outbox.put(outboxItem(message)));
      for (const change of counters) items.push({ Update: counterUpdate(tableName, change) });
      const firstRelated = items.length;
      for (const other of related) {
        // No timeline entry: the timeline is the referrer's to read, and the flag is the front door's.
        items.push(table.putAtVersion(referralItem(other.referral), other.referral.version - 1), other.audit);
      }
      for (const { call, audit: entry } of consultations)
        items.push(table.putAtVersion(consultationItem(call), call.version - 1), entry);
      await transact(db, items, (codes) => {
        if (codes[0] === 'ConditionalCheckFailed' || codes[0] === 'TransactionConflict') {
          throw new Conflict('Someone else changed this referral since you read it');
        }
        if (
          codes
            .slice(firstRelated)
            .some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict')
        ) {
          // Another referral about the child moved as this one was written: nothing was; read and try again.
          throw new RelatedConflict();
        }
      });
    },

    async joinTeam(member, audit) {
      try {
        await transact(db, [table.putNew({ ...teamMemberKey(member.userId), ...member }), audit]);
      } catch (error) {
        // Known already: nothing was written, the audit entry included.
        if (!failedCondition(error, 0)) throw error;
      }
    },

    async addNote(id, entry, audit) {
      await transact(
        db,
        [
          {
            ConditionCheck: {
              TableName: tableName,
              Key: referralKey(id),
              ConditionExpression: 'attribute_exists(pk) AND NOT #status IN (:closed, :withdrawn)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':closed': 'closed', ':withdrawn': 'withdrawn' },
            },
          },
          table.put(timelineItem(id, entry)),
          audit,
        ],
        (codes) => {
          if (codes[0] === 'ConditionalCheckFailed')
            throw new Conflict('This referral is closed to further information');
        },
      );
    },

    async remindDueSoon(before, message, audit) {
      let sent = 0;
      let startKey: StoreKey | undefined;
      do {
        const page = await queries.listForTriage('open', { limit: 100, startKey, overdueAt: before });
        for (const summary of page.items) {
          try {
            await transact(db, [
              table.putNew({ ...reminderKey(summary.id), at: before }),
              outbox.put(outboxItem({ audience: FRONT_DOOR_AUDIENCE, notification: message(summary) })),
              audit(summary),
            ]);
            sent++;
          } catch (error) {
            // Already reminded (by this run's predecessor or a concurrent one): nothing to do.
            if (!failedCondition(error, 0)) throw error;
          }
        }
        startKey = page.lastKey;
      } while (startKey);
      return sent;
    },
  };
}
