import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Attachment } from '../../shared/referrals/attachment-schema.ts';
import type { ReferralStatus } from '../../shared/referrals/labels.ts';
import type { AuditPut } from '../platform/audit.ts';
import { Conflict } from '../platform/errors.ts';
import { type TransactItem, tableOf, transact, withoutKey } from '../platform/table.ts';
import { cancellationCodes } from '../platform/transaction-errors.ts';
import { ATTACHMENT_PREFIX, attachmentKey, idempotencyKey, referralKey, referralPartition } from './keys.ts';

/**
 * A pending attachment's record lapses an hour after it was made (its upload URL lasts 5 minutes, and
 * completion follows the upload at once), so an upload given up on does not hold one of the
 * referral's places for long; DynamoDB's TTL deletes it later, and reads ignore it from then.
 */
const PENDING_TTL_SECONDS = 60 * 60;

/** The referral's status a write is conditional on, so a decision landing first refuses it. */
export class ReferralMoved extends Conflict {
  constructor() {
    super('The referral changed at the same moment: documents can no longer be attached');
  }
}

/** Documents attached to referrals, in the referral's own partition (keys.ts). */
export interface AttachmentStore {
  getAttachment(referralId: string, id: string, now: Date): Promise<Attachment | null>;
  /** Every attachment of the referral, oldest first; a pending one whose record has expired is left out. */
  listAttachments(referralId: string, now: Date): Promise<Attachment[]>;
  /** The attachment an earlier request with this user's key made, and that request's hash. */
  attachmentIdempotency(
    userId: string,
    key: string,
  ): Promise<{ referralId: string; attachmentId: string; requestHash: string } | null>;
  /**
   * Records a pending attachment with its audit entry while the referral is at one of `statuses`
   * (ReferralMoved otherwise), guarded by the caller's idempotency record when there is one; when that
   * record exists already, nothing is written and the earlier attachment is named.
   */
  createAttachment(
    attachment: Attachment,
    extras: {
      audit: AuditPut;
      statuses: readonly ReferralStatus[];
      now: Date;
      idempotency?: { userId: string; key: string; requestHash: string; expiresAt: number };
    },
  ): Promise<
    { created: true } | { created: false; referralId: string; attachmentId: string; requestHash: string }
  >;
  /** Marks a pending attachment ready, while it is still pending and the referral at one of `statuses`. */
  completeAttachment(
    attachment: Attachment,
    extras: { audit: AuditPut; statuses: readonly ReferralStatus[] },
  ): Promise<void>;
  /** Removes an attachment's record with the audit entry saying why. */
  deleteAttachment(referralId: string, id: string, audit: AuditPut): Promise<void>;
}

/** An attachment's idempotency record shares the referrals' scheme, under a key of its own kind. */
const attachmentIdempotencyKey = (userId: string, key: string) => idempotencyKey(userId, `attachment:${key}`);

function recordOf(item: Record<string, unknown>, now: Date): Attachment | null {
  const { expiresAt, ...rest } = withoutKey(item);
  if (typeof expiresAt === 'number' && expiresAt * 1000 <= now.getTime()) return null;
  return rest as Attachment;
}

export function createAttachmentStore(db: DynamoDBDocumentClient, tableName: string): AttachmentStore {
  const table = tableOf(db, tableName);
  const referralIn = (referralId: string, statuses: readonly ReferralStatus[]): TransactItem => ({
    ConditionCheck: {
      TableName: tableName,
      Key: referralKey(referralId),
      ConditionExpression: `#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: Object.fromEntries(statuses.map((s, i) => [`:s${i}`, s])),
    },
  });
  const idempotency = async (userId: string, key: string) => {
    const item = await table.get(attachmentIdempotencyKey(userId, key), { ConsistentRead: true });
    return item
      ? {
          referralId: String(item.referralId),
          attachmentId: String(item.attachmentId),
          requestHash: String(item.requestHash),
        }
      : null;
  };

  return {
    async getAttachment(referralId, id, now) {
      const item = await table.get(attachmentKey(referralId, id), { ConsistentRead: true });
      return item ? recordOf(item, now) : null;
    },

    async listAttachments(referralId, now) {
      const items = await table.all({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': referralPartition(referralId), ':prefix': ATTACHMENT_PREFIX },
        ConsistentRead: true,
      });
      return items.map((item) => recordOf(item, now)).filter((a): a is Attachment => a !== null);
    },

    attachmentIdempotency: idempotency,

    async createAttachment(attachment, { audit, statuses, now, idempotency: record }) {
      const items: TransactItem[] = [
        referralIn(attachment.referralId, statuses),
        table.putNew({
          ...attachmentKey(attachment.referralId, attachment.id),
          ...attachment,
          expiresAt: Math.floor(now.getTime() / 1000) + PENDING_TTL_SECONDS,
        }),
        audit,
      ];
      if (record)
        items.push(
          table.putNew({
            ...attachmentIdempotencyKey(record.userId, record.key),
            referralId: attachment.referralId,
            attachmentId: attachment.id,
            requestHash: record.requestHash,
            expiresAt: record.expiresAt,
          }),
        );
      try {
        await transact(db, items);
        return { created: true };
      } catch (error) {
        const codes = cancellationCodes(error);
        if (!codes) throw error;
        if (codes[0] === 'ConditionalCheckFailed') throw new ReferralMoved();
        if (!record) throw error;
        // Another request with this key won, or is committing now: wait for its record.
        for (let attempt = 0; attempt < 20; attempt++) {
          const found = await idempotency(record.userId, record.key);
          if (found) return { created: false, ...found };
          await new Promise((r) => setTimeout(r, 50 + attempt * 25));
        }
        throw error;
      }
    },

    async completeAttachment(attachment, { audit, statuses }) {
      try {
        await transact(db, [
          referralIn(attachment.referralId, statuses),
          {
            Put: {
              TableName: tableName,
              Item: { ...attachmentKey(attachment.referralId, attachment.id), ...attachment },
              ConditionExpression: '#status = :pending',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':pending': 'pending' },
            },
          },
          audit,
        ]);
      } catch (error) {
        const codes = cancellationCodes(error);
        if (codes?.[0] === 'ConditionalCheckFailed') throw new ReferralMoved();
        if (codes?.[1] === 'ConditionalCheckFailed')
          throw new Conflict('This document was completed at the same moment');
        throw error;
      }
    },

    async deleteAttachment(referralId, id, audit) {
      await transact(db, [{ Delete: { TableName: tableName, Key: attachmentKey(referralId, id) } }, audit]);
    },
  };
}
