import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Consultation } from '../../shared/referrals/consultation-schema.ts';
import type { ConsultationView } from '../../shared/referrals/consultations.ts';
import type { AuditPut } from '../platform/audit.ts';
import type { Page, StoreKey } from '../platform/pagination.ts';
import { tableOf, transact } from '../platform/table.ts';
import { cancellationCodes } from '../platform/transaction-errors.ts';
import { callChildPartition, consultationKey, consultationViewPartition, idempotencyKey } from './keys.ts';
import { callChildItem, consultationItem, stripConsultation } from './store-items.ts';

/** The front door's consultation calls, in the referrals table (keys.ts). */
export interface ConsultationStore {
  getConsultation(id: string): Promise<Consultation | null>;
  /** The call an earlier request with this user's key recorded, and that request's hash. */
  consultationIdempotency(userId: string, key: string): Promise<{ id: string; requestHash: string } | null>;
  /**
   * Records a call with its audit entry, filed under its child's match keys, guarded by the caller's
   * idempotency record; when the record exists already, nothing is written and it is returned.
   */
  createConsultation(
    call: Consultation,
    childKeys: readonly string[],
    audit: AuditPut,
    idempotency: { userId: string; key: string; requestHash: string; expiresAt: number },
  ): Promise<{ created: true } | { created: false; id: string; requestHash: string }>;
  listConsultations(
    view: ConsultationView,
    options: { limit: number; startKey?: StoreKey },
  ): Promise<Page<Consultation>>;
  /** The calls about this child still waiting for their written request, oldest call first. */
  awaitingCallsForChild(childKeys: readonly string[]): Promise<Consultation[]>;
}

/** A call's idempotency record shares the referrals' partition scheme, under a key of its own kind. */
const callKey = (key: string) => `call:${key}`;

export function createConsultationStore(db: DynamoDBDocumentClient, tableName: string): ConsultationStore {
  const table = tableOf(db, tableName);
  const get = async (id: string) => {
    const item = await table.get(consultationKey(id), { ConsistentRead: true });
    return item ? stripConsultation(item) : null;
  };
  const idempotency = async (userId: string, key: string) => {
    const item = await table.get(idempotencyKey(userId, callKey(key)), { ConsistentRead: true });
    return item ? { id: String(item.consultationId), requestHash: String(item.requestHash) } : null;
  };

  return {
    getConsultation: get,
    consultationIdempotency: idempotency,

    async createConsultation(call, childKeys, audit, record) {
      try {
        await transact(db, [
          table.putNew({
            ...idempotencyKey(record.userId, callKey(record.key)),
            consultationId: call.id,
            requestHash: record.requestHash,
            expiresAt: record.expiresAt,
          }),
          table.putNew(consultationItem(call)),
          ...childKeys.map((key) => table.put(callChildItem(key, call))),
          audit,
        ]);
        return { created: true };
      } catch (error) {
        if (!cancellationCodes(error)) throw error;
        // Another request with this key won, or is committing now: wait for its record.
        for (let attempt = 0; attempt < 20; attempt++) {
          const found = await idempotency(record.userId, record.key);
          if (found) return { created: false, ...found };
          await new Promise((r) => setTimeout(r, 50 + attempt * 25));
        }
        throw error;
      }
    },

    async listConsultations(view, { limit, startKey }) {
      const page = await table.page({
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': consultationViewPartition(view) },
        // Awaiting: soonest due first, so the overdue lead; the others newest first.
        ScanIndexForward: view === 'awaiting',
        Limit: limit,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      });
      return { ...page, items: page.items.map(stripConsultation) };
    },

    async awaitingCallsForChild(childKeys) {
      const ids = new Set<string>();
      for (const key of childKeys) {
        const { items } = await table.page({
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': callChildPartition(key) },
          ScanIndexForward: false,
          Limit: 10,
        });
        for (const item of items) ids.add(String(item.consultationId));
      }
      const calls = await Promise.all([...ids].map(get));
      return calls
        .filter((c): c is Consultation => c?.view === 'awaiting')
        .sort((a, b) => a.calledAt.localeCompare(b.calledAt));
    },
  };
}
